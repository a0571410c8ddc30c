/**
 * The tactical assessment on generated towns (two seeds): counts against a brute-force count of the
 * source CSV, "no data" for a period before the data, and the planted hotspots' change classes in the
 * last quarter against the quarter before (the emerging hotspot new, the stationary ones persisting).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { pointInPolygon } from '../../../../../shared/analysis/hotspots/polygon.js';
import { isSharplyUp } from '../../../../../shared/analysis/tactical/hotspot-change.js';
import type { TacticalResult } from '../../../../../shared/api/tactical-api.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import type { GroundTruth } from '../../../../../shared/generate/ground-truth.js';
import { townFiles } from '../../../../../shared/generate/town-files.js';
import { parseCrimes, type SourceCrime } from '../profile/town-project.js';

const DAY = 86_400_000;

interface Town {
  dir: string;
  engine: Engine;
  crimes: SourceCrime[];
  truth: GroundTruth;
}

async function town(seed: number): Promise<Town> {
  const dir = mkdtempSync(join(tmpdir(), `hsw-tactical-${seed}-`));
  const generated = generateTown({ seed });
  for (const f of townFiles(generated)) writeFileSync(join(dir, f.name), f.text);
  const engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 2 });
  const { api } = engine;
  await api.createProject({ path: join(dir, 'town.hsw') });
  const ref = engine.files.register(join(dir, 'police_crimes.csv'));
  const preview = await api.previewImport({ file: ref });
  await api.runImport({
    jobId: `tactical-import-${seed}`,
    file: ref,
    dataset: 'Police recorded crime',
    mapping: preview.mapping,
    pii: [],
    dryRun: false,
    allowDuplicateFile: false,
  });
  await api.importBoundaries({ file: engine.files.register(join(dir, 'wards.geojson')), name: 'Wards' });
  return {
    dir,
    engine,
    crimes: parseCrimes(readFileSync(join(dir, 'police_crimes.csv'), 'utf8')),
    truth: generated.groundTruth,
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Last quarter of the town's data (the emerging hotspot's) as inclusive dates. */
function lastQuarter(truth: GroundTruth): { from: string; to: string } {
  return { from: truth.period.lastQuarterStartDate, to: truth.period.endDate };
}

function insideOutline(result: TacticalResult, x: number, y: number) {
  return result.hotspots.filter((h) => h.status !== 'gone' && pointInPolygon(h.polygon, x, y));
}

describe.each([1, 2])('tactical assessment of the town of seed %i', (seed) => {
  let t: Town;
  let result: TacticalResult;
  beforeAll(async () => {
    t = await town(seed);
    result = await t.engine.api.runTactical({ jobId: `tactical-${seed}`, ...lastQuarter(t.truth) });
  }, 600_000);
  afterAll(async () => {
    await t.engine.close();
    rmSync(t.dir, { recursive: true, force: true });
  });

  it('counts each category in each period as a brute-force count of the CSV does', () => {
    const q = lastQuarter(t.truth);
    const cur = { fromMs: dayMs(q.from), toMs: dayMs(q.to) + DAY };
    const len = cur.toMs - cur.fromMs;
    const prev = { fromMs: cur.fromMs - len, toMs: cur.fromMs };
    const count = (category: string | null, s: { fromMs: number; toMs: number }) =>
      t.crimes.filter((c) => {
        const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
        return (category === null || c.category === category) && mid >= s.fromMs && mid < s.toMs;
      }).length;
    expect(result.total.current).toBe(count(null, cur));
    expect(result.total.previous).toBe(count(null, prev));
    expect(result.byCategory.length).toBeGreaterThan(3);
    for (const row of result.byCategory) {
      expect(row.current).toBe(count(row.label, cur));
      expect(row.previous).toBe(count(row.label, prev));
    }
    expect(result.periods.previous).toEqual({ from: iso(prev.fromMs), to: iso(prev.toMs - DAY) });
  });

  it('says "no data" for the previous period and last year when the period is the first of the data', async () => {
    const start = t.truth.period.startDate; // the first quarter of the data: nothing before it
    const q = { from: start, to: iso(dayMs(start) + 90 * DAY) };
    const first = await t.engine.api.runTactical({ jobId: `tactical-first-${seed}`, ...q });
    expect(first.total.current).toBeGreaterThan(0);
    for (const row of [first.total, ...first.byCategory, ...first.byArea]) {
      expect(row.previous).toBeNull();
      expect(row.lastYear).toBeNull();
      expect(row.vsPrevious).toBeNull();
      expect(row.vsLastYear).toBeNull();
    }
    expect(first.caveats.join(' ')).toMatch(/"no data"/);
  }, 600_000);

  it('classes the stationary planted hotspots persisting, with most of their outline shared', () => {
    for (const h of t.truth.hotspots.filter((p) => p.dataset === 'police_crimes' && !p.emerging)) {
      const at = insideOutline(result, h.centre.x, h.centre.y);
      expect(
        at.map((x) => x.status),
        h.name,
      ).toEqual(['persisting']);
      expect(at[0]!.jaccard).toBeGreaterThan(0.3);
    }
  });

  it('classes the emerging criminal damage hotspot as a change (new or grown) with a significant rise', async () => {
    // The emerging hotspot's neighbourhood already held a little background criminal damage the
    // quarter before (about a dozen events within 300 m), which the density run may outline, so
    // "grown" is as right as "new"; "persisting", "shrunk" or no outline at all would be wrong.
    const emerging = t.truth.hotspots.find((h) => h.emerging)!;
    const cda = await t.engine.api.runTactical({
      jobId: `tactical-cda-${seed}`,
      ...lastQuarter(t.truth),
      categories: [emerging.category],
    });
    const at = insideOutline(cda, emerging.centre.x, emerging.centre.y);
    expect(at).toHaveLength(1);
    expect(['new', 'grown']).toContain(at[0]!.status);
    expect(at[0]!.events).toBeGreaterThan(2 * (at[0]!.previousEvents ?? 0));
    expect(at[0]!.qValue).toBeLessThan(0.05);
  }, 600_000);

  it('shows the planted emerging problem among all crime types as a rise led by its crime type', () => {
    // Among all categories a small earlier outline may overlap the emerging hotspot, so its class
    // may be "persisting"; it must then be "sharply up" (a significant rise), and its commonest
    // crime type is the planted one.
    const emerging = t.truth.hotspots.find((h) => h.emerging)!;
    const at = insideOutline(result, emerging.centre.x, emerging.centre.y);
    expect(at).toHaveLength(1);
    expect(at[0]!.status === 'new' || isSharplyUp(at[0]!)).toBe(true);
    expect(at[0]!.crimeMix[0]!.name).toBe(emerging.category);
    expect(at[0]!.crimeMix.length).toBeLessThanOrEqual(3);
  });

  it('links series within one crime type, each type stating its thresholds’ source and its hotspot-like chains', () => {
    const typeOf = new Map(
      readFileSync(join(t.dir, 'police_crimes.csv'), 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(','))
        .map((cells) => [cells[0]!, cells[1]!] as const),
    );
    const { series } = result;
    expect(series.byType.map((r) => r.crimeType).sort()).toEqual(
      result.byCategory.map((r) => r.label).sort(),
    );
    expect(series.items.length).toBeGreaterThan(0);
    for (const s of series.items) for (const ref of s.references) expect(typeOf.get(ref!)).toBe(s.crimeType);
    for (const r of series.byType) {
      if (r.linkRule === null) expect(r.note).toMatch(/^not linked: /);
      else if (r.thresholdFrom === 'default')
        expect(r.thresholdSource).toMatch(
          /^default 200 m and 7 days \(the first Knox cell\): the Knox test of [\d,]+ .+ events from .+ finds no significant near-repeat cell/,
        );
      else
        expect(r.thresholdSource).toMatch(
          /^tightest significant Knox cell: .+ \(Knox test of [\d,]+ .+ events from \d{2}\/\d{2}\/\d{4} to /,
        );
    }
    expect(series.byType.some((r) => r.crimeType === 'Burglary' && r.linkRule !== null)).toBe(true);
    expect(series.hotspotLike).toBe(series.byType.reduce((n, r) => n + r.hotspotLike, 0));
  });

  it('states the window caveat with its denominator, counted from the CSV', () => {
    const q = lastQuarter(t.truth);
    const cur = { fromMs: dayMs(q.from), toMs: dayMs(q.to) + DAY };
    const inPeriod = t.crimes.filter((c) => {
      const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
      return mid >= cur.fromMs && mid < cur.toMs;
    });
    const windows = inPeriod.filter((c) => c.toMs > c.fromMs);
    const longer = windows.filter((c) => c.toMs - c.fromMs > 7 * DAY);
    const caveat = result.caveats.find((c) => c.includes('have a from/to window'));
    expect(caveat).toContain(
      `${windows.length.toLocaleString('en-GB')} of ${inPeriod.length.toLocaleString('en-GB')} records this period`,
    );
    expect(caveat).toContain(`and ${longer.length.toLocaleString('en-GB')} of those`);
    // Said once: the data caveats do not repeat it.
    const all = new Set([...result.caveats, ...result.provenance.caveats]);
    expect([...all].filter((c) => c.includes('from/to window'))).toEqual([caveat]);
  });

  it('reports each hotspot with its centroid inside its outline and the events of both periods', () => {
    expect(result.hotspots.length).toBeGreaterThan(0);
    for (const h of result.hotspots) {
      expect(Number.isFinite(h.centroidX) && Number.isFinite(h.centroidY)).toBe(true);
      expect(h.previousEvents).not.toBeNull();
      const inside = (s: { fromMs: number; toMs: number }) =>
        t.crimes.filter((c) => {
          const mid = c.fromMs + (c.toMs - c.fromMs) / 2;
          return mid >= s.fromMs && mid < s.toMs && pointInPolygon(h.polygon, c.x, c.y);
        }).length;
      const q = lastQuarter(t.truth);
      const cur = { fromMs: dayMs(q.from), toMs: dayMs(q.to) + DAY };
      expect(h.events).toBe(inside(cur));
    }
    expect(result.density?.difference.width).toBeGreaterThan(0);
    expect(result.density!.largestRise).not.toBeNull();
  });
});
