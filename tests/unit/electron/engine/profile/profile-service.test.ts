import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHotspots } from '../../../../../shared/analysis/hotspots/hotspots.js';
import { pointInPolygon } from '../../../../../shared/analysis/hotspots/polygon.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import type { ProfileDocument } from '../../../../../shared/api/profile-api.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { dayOf } from '../../../../../shared/model/time.js';
import { formatCount } from '../../../../../shared/profile/format.js';
import type { Block } from '../../../../../shared/profile/model.js';
import { expectClose } from '../../../expect-close.js';
import { createTownProject, type TownProject } from './town-project.js';

const PERIOD = { from: '2025-07-01', to: '2025-12-31' };
const FROM = Date.UTC(2025, 6, 1);
const TO = Date.UTC(2026, 0, 1);
let town: TownProject;
let doc: ProfileDocument;

function block<K extends Block['kind']>(
  d: ProfileDocument,
  section: string,
  kind: K,
  captionStart = '',
): Extract<Block, { kind: K }> {
  const found = d.model.sections
    .find((s) => s.id === section)!
    .blocks.find((b) => b.kind === kind && (!('caption' in b) || b.caption.startsWith(captionStart)));
  if (!found) throw new Error(`no ${kind} block in ${section}`);
  return found as Extract<Block, { kind: K }>;
}

beforeAll(async () => {
  town = await createTownProject();
  doc = await town.engine.api.buildProfile({
    jobId: 'profile-test-0001',
    subject: 'category:Burglary',
    period: PERIOD,
    scope: { datasetIds: [town.datasetId] },
    options: { knoxIterations: 99, seed: 7 },
    front: { title: 'Burglary test profile', marking: 'OFFICIAL-SENSITIVE' },
  });
}, 120_000);
afterAll(async () => {
  await town?.close();
});

describe('buildProfile on the synthetic town (category:Burglary)', () => {
  it('counts the period, previous period and last year as the source CSV does, each record once by its window midpoint', () => {
    const overlap = (fromMs: number, toMs: number) =>
      town.crimes.filter((c) => {
        const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
        return c.category === 'Burglary' && mid >= fromMs && mid < toMs;
      }).length;
    const table = block(doc, 'scanning', 'table', 'Events by period');
    const days184 = 184 * 86_400_000;
    expect(table.rows[0]![2]).toBe(formatCount(overlap(FROM, TO)));
    expect(table.rows[1]![2]).toBe(formatCount(overlap(FROM - days184, FROM)));
    expect(table.rows[2]![2]).toBe(formatCount(overlap(Date.UTC(2024, 6, 1), Date.UTC(2025, 0, 1))));
  });

  it('reports the same Knox table as an independent knoxTest on the CSV events in the same order and seed', () => {
    // The period's records by window midpoint, the profile's one rule.
    const events = town.crimes.filter((c) => {
      const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
      return c.category === 'Burglary' && mid >= FROM && mid < TO;
    });
    const result = knoxTest(
      {
        x: Float64Array.from(events, (e) => e.x),
        y: Float64Array.from(events, (e) => e.y),
        day: Int32Array.from(events, (e) => dayOf(e.fromMs + (e.toMs - e.fromMs) / 2)),
      },
      {
        distanceEdgesM: [0, 200, 400, 600, 800, Infinity],
        timeEdgesDays: [0, 7, 14, 21, 28, Infinity],
        iterations: 99,
        seed: 7,
      },
    );
    const knox = block(doc, 'analysis', 'knox');
    expect(knox.observed.flat()).toEqual(Array.from(result.observed));
    for (const [i, r] of knox.ratio.flat().entries()) expectClose(r!, result.knoxRatio[i]!, 1e-12);
    expect(knox.pValue.flat()).toEqual(Array.from(result.pValue));
    expect(knox.timeLabels[0]).toBe('[0, 7) days');
    expect(knox.distanceLabels.at(-1)).toBe('≥ 800 m');
  });

  it('lists hotspot 1 with the events, share and PAI of an independent KDE + findHotspots run', () => {
    // The period's records by window midpoint, the profile's one rule.
    const events = town.crimes.filter((c) => {
      const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
      return c.category === 'Burglary' && mid >= FROM && mid < TO;
    });
    const table = block(doc, 'analysis', 'table', 'Hotspots of the period');
    const x = Float64Array.from(events, (e) => e.x);
    const y = Float64Array.from(events, (e) => e.y);
    const appendix = doc.model.appendix.find(
      (b) => b.kind === 'table' && b.caption === 'Parameters',
    ) as Extract<Block, { kind: 'table' }>;
    const value = (name: string) => Number.parseFloat(appendix.rows.find((r) => r[1] === name)![2]!);
    const surface = kernelDensity({ x, y }, { cellSizeM: undefined, bandwidthM: undefined });
    expectClose(surface.params.cellSizeM, value('cell size'), 1e-3);
    expectClose(surface.params.bandwidthM, value('bandwidth'), 1e-3);
    const g = surface.grid;
    const found = findHotspots(
      g,
      { x, y },
      {
        thresholds: { method: 'mean-multiple', multiples: [1, 2, 3] },
        studyAreaM2: g.width * g.height * g.cellSizeM ** 2,
        // The default class (3 × the study-area mean) and the default 5-event minimum; the town's
        // candidates all pass the CSR test (p = 0.01), so the reference leaves it out.
        hotspotClass: 3,
      },
    );
    const column = (label: string) => table.columns.findIndex((c) => c.label === label);
    expect(table.rows[0]![column('Events')]).toBe(formatCount(found.hotspots[0]!.events));
    expect(table.rows[0]![column('PAI')]).toBe(found.hotspots[0]!.pai.toFixed(1));
    // The reference applies the 5-event minimum but no CSR test: its hotspots are the candidates the
    // note says had enough events, and the profile lists those that also passed the test, in order.
    const [, candidates, fewEvents, notSignificant] =
      /Of (\d+) candidate areas, (\d+) had fewer than 5 events and (\d+) (?:was|were) not significant/
        .exec(table.note ?? '')!
        .map(Number);
    expect(candidates! - fewEvents!).toBe(found.hotspots.length);
    expect(table.rows.length).toBe(Math.min(10, found.hotspots.length - notSignificant!));
    const key = (events: number, pai: number) => `${formatCount(events)} ${pai.toFixed(1)}`;
    const reference = found.hotspots.map((h) => key(h.events, h.pai));
    let next = 0;
    for (const row of table.rows) {
      const at = reference.indexOf(`${row[column('Events')]} ${row[column('PAI')]}`, next);
      expect(at).toBeGreaterThanOrEqual(next);
      next = at + 1;
    }
    // Hotspot 1's slide says what it is by sub-category, with the counts of the CSV's rows inside it.
    const inside = events.filter((e) => pointInPolygon(found.hotspots[0]!.polygon, e.x, e.y));
    const bySub = new Map<string, number>();
    for (const e of inside) bySub.set(e.subcategory, (bySub.get(e.subcategory) ?? 0) + 1);
    const expected = [...bySub.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([name, n]) => `${name} (${formatCount(n)})`)
      .join(', ');
    expect(doc.model.hotspotSlides[0]!.what).toBe(expected);
  });

  it('puts every event of the period into the hour × weekday table exactly once (aoristic shares sum to the count)', () => {
    const heat = block(doc, 'analysis', 'heat');
    const total = heat.values.flat().reduce((s, v) => s + v, 0);
    const events = town.crimes.filter((c) => {
      const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
      return c.category === 'Burglary' && mid >= FROM && mid < TO;
    }).length;
    expectClose(total, events, 1e-9);
    expect(heat.rowLabels).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('keeps the analyst’s text through a rebuild while the figures are regenerated', async () => {
    const { api } = town.engine;
    await api.saveProfileText({
      profileId: doc.id,
      sectionId: 'scanning',
      text: 'Rises every autumn: students return.',
    });
    await api.saveProfileText({
      profileId: doc.id,
      sectionId: 'response-enforcement',
      text: 'Operation Lantern\nPatrol Fell Crescent',
    });
    const rebuilt = await api.buildProfile({ jobId: 'profile-test-0002', profileId: doc.id });
    const scanning = rebuilt.model.sections.find((s) => s.id === 'scanning')!;
    expect(scanning.text).toBe('Rises every autumn: students return.');
    expect(scanning.edited).toBe(true);
    expect(rebuilt.model.sections.find((s) => s.id === 'response-enforcement')!.text).toBe(
      'Operation Lantern\nPatrol Fell Crescent',
    );
    expect(rebuilt.model.sections.find((s) => s.id === 'response-prevention')!.edited).toBe(false);
    expect(rebuilt.html).toContain('Rises every autumn: students return.');
    expect(rebuilt.html).toContain('Operation Lantern <span class="edited">(edited by the analyst)</span>');
    expect(block(rebuilt, 'analysis', 'knox').observed).toEqual(block(doc, 'analysis', 'knox').observed);
    expect((await api.listProfiles({})).map((p) => p.id)).toEqual([doc.id]);
  });

  it('writes one self-contained HTML file with no external reference of any kind', () => {
    const html = doc.html;
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html.match(/<svg\b/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('OFFICIAL-SENSITIVE');
  });

  it('profiles a ward (area:NAME) with the count of an independent point-in-polygon test on the source', async () => {
    const area = await town.engine.api.buildProfile({
      jobId: 'profile-test-0003',
      subject: 'area:Abbey Fields',
      period: PERIOD,
      options: { knoxIterations: 19, seed: 3 },
    });
    expect(area.model.subjectLabel).toBe('Abbey Fields (Wards)');
    const wards = JSON.parse(readFileSync(join(town.dir, 'wards.geojson'), 'utf8')) as {
      features: { properties: Record<string, string>; geometry: { coordinates: number[][][] } }[];
    };
    const ward = wards.features.find((f) => f.properties['WD24NM'] === 'Abbey Fields')!;
    const t = makeTransform('EPSG:4326', 'EPSG:27700');
    const ring = ward.geometry.coordinates[0]!.map(([lon, lat]) => t.toProject(lon!, lat!));
    const inside = (x: number, y: number) => {
      let odd = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
      return odd;
    };
    const mid = (c: { fromMs: number; toMs: number }) => c.fromMs + (c.toMs - c.fromMs) / 2;
    const expected = town.crimes.filter((c) => mid(c) >= FROM && mid(c) < TO && inside(c.x, c.y)).length;
    const table = block(area, 'scanning', 'table', 'Events by period');
    expect(table.rows[0]![2]).toBe(formatCount(expected));
    expect(expected).toBeGreaterThan(50);
    expect(area.html).toContain('Profile area');
  });

  it('exports hotspots as RFC 7946 GeoJSON with project coordinates and provenance, and CSV with its sidecar', async () => {
    const { api } = town.engine;
    const geo = await api.exportData({
      jobId: 'profile-test-0004',
      profileId: doc.id,
      kind: 'hotspots',
      format: 'geojson',
    });
    const fc = JSON.parse(Buffer.from(geo.base64!, 'base64').toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    const [lon, lat] = fc.features[0].geometry.coordinates[0][0];
    expect(lon).toBeGreaterThan(-3);
    expect(lon).toBeLessThan(-2);
    expect(lat).toBeGreaterThan(53.9);
    expect(fc.features[0].properties.crs_project).toBe('EPSG:27700');
    expect(fc.provenance.datasets[0].files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const csv = await api.exportData({
      jobId: 'profile-test-0005',
      profileId: doc.id,
      kind: 'hotspots',
      format: 'csv',
    });
    const text = Buffer.from(csv.base64!, 'base64').toString('utf8');
    // Header on the first line after the BOM; metadata and marking in the sidecar, sent with it.
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFrank,class,area_km2,events/);
    expect(csv.companions?.map((c) => c.fileName)).toEqual([
      'hotspots.csv.provenance.txt',
      'data-dictionary.txt',
    ]);
    const side = Buffer.from(csv.companions![0]!.base64!, 'base64').toString('utf8');
    expect(side.split('\r\n')[0]).toBe(fc.protective_marking);
    expect(side).toMatch(/Dataset .*sha256 [0-9a-f]{64}/);
  });
});
