import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { recordedActionLines } from '../../../../../electron/engine/project/actions.js';
import type { ActionFields } from '../../../../../shared/api/areas-actions-api.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { BNG_CSV_HEADER, importBngCsv } from '../bng-csv.js';

let dir: string;
let engine: Engine;
const points: { x: number; y: number }[] = [];
const toWgs84 = makeTransform('EPSG:27700', 'EPSG:27700');
const lonLat = (x: number, y: number) => toWgs84.projectToWgs84(x, y);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-areas-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
  await engine.api.createProject({ path: join(dir, 'areas.hsw') });
  // A 10 × 10 lattice of events 100 m apart from (530050, 180050): one per 100 m square.
  const lines = [BNG_CSV_HEADER];
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 10; j++) {
      const x = 530_050 + 100 * i;
      const y = 180_050 + 100 * j;
      points.push({ x, y });
      lines.push(`R${i}-${j},0${1 + (j % 9)}/03/2024 12:00,${x},${y},${i < 5 ? 'Burglary' : 'Theft'}`);
    }
  }
  await importBngCsv(engine.context.project().db, dir, lines);
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saved areas', () => {
  it('saves a drawn rectangle in project metres and filters records by it as a brute-force count does', async () => {
    // 530000–530400 × 180000–180300: lattice points with x < 530400 and y < 180300, 4 × 3 = 12.
    const area = await engine.api.saveArea({
      name: 'Market Square',
      shape: { kind: 'rectangle', cornersWgs84: [lonLat(530_000, 180_000), lonLat(530_400, 180_300)] },
    });
    expect(area.kind).toBe('rectangle');
    expect(area.areaKm2).toBeCloseTo(0.12, 6);
    const summary = await engine.api.summariseRecords({ filter: { area: { areaId: area.id } } });
    const brute = points.filter(
      (p) => p.x > 530_000 && p.x < 530_400 && p.y > 180_000 && p.y < 180_300,
    ).length;
    expect(brute).toBe(12);
    expect(summary.total).toBe(brute);
  });

  it('clips a density run to a saved area: the study area is the area, the events outside left out', async () => {
    const area = (await engine.api.listAreas({})).find((a) => a.name === 'Market Square')!;
    const kde = await engine.api.runKde({
      jobId: 'areas-kde-clip-0001',
      filter: {},
      params: { cellSizeM: 25, bandwidthM: 100, iterations: 0, clip: { areaId: area.id } },
    });
    expect(kde.counts.used).toBe(12);
    expect(kde.counts.excludedOutside).toBe(88);
    expect(kde.studyAreaKm2).toBeCloseTo(0.12, 4);
  });

  it('saves a buffer ring whose hole leaves out the events near its centre', async () => {
    // Ring 120–260 m round (530450, 180450): the four points at 70.7 m are in the hole.
    const ring = await engine.api.saveArea({
      name: 'Displacement buffer',
      shape: { kind: 'buffer', centreWgs84: lonLat(530_450, 180_450), radiusM: 260, innerRadiusM: 120 },
    });
    expect(ring.madeFrom).toBe('ring 120–260 m round a point');
    // A 64-gon inscribed in each circle: (64/2)·sin(2π/64)·(R² − r²).
    const expected = 32 * Math.sin((2 * Math.PI) / 64) * (260 ** 2 - 120 ** 2);
    expect(ring.areaKm2 * 1e6).toBeCloseTo(expected, 0);
    const summary = await engine.api.summariseRecords({ filter: { area: { areaId: ring.id } } });
    const d = (p: { x: number; y: number }) => Math.hypot(p.x - 530_450, p.y - 180_450);
    // No lattice point lies within a metre of either circle, so the polygons' few-metre chords do not matter.
    expect(points.every((p) => Math.abs(d(p) - 260) > 5 && Math.abs(d(p) - 120) > 5)).toBe(true);
    expect(summary.total).toBe(points.filter((p) => d(p) > 120 && d(p) < 260).length);
  });

  it('lists, renames and deletes areas', async () => {
    const before = await engine.api.listAreas({});
    const first = before[0]!;
    await engine.api.renameArea({ id: first.id, name: 'Zeta' });
    expect((await engine.api.listAreas({})).map((a) => a.name)).toContain('Zeta');
    const scratch = await engine.api.saveArea({
      name: 'Scratch',
      shape: {
        kind: 'polygon',
        ringWgs84: [lonLat(530_000, 180_000), lonLat(530_100, 180_000), lonLat(530_000, 180_100)],
      },
    });
    expect(scratch.areaKm2 * 1e6).toBeCloseTo(5_000, 0);
    expect(await engine.api.deleteArea({ id: scratch.id })).toEqual({ deleted: true });
    expect((await engine.api.listAreas({})).length).toBe(before.length);
  });
});

const fields = (over: Partial<ActionFields> = {}): ActionFields => ({
  title: 'High-visibility patrols',
  type: 'reassurance',
  owner: 'Neighbourhood Policing Team',
  startDate: '2024-04-01',
  endDate: '2024-04-30',
  status: 'planned',
  notes: '',
  ...over,
});

describe('JAG action log', () => {
  it('keeps every change in the history, including deletion, and copies the area outline into the action', async () => {
    const area = (await engine.api.listAreas({})).find((a) => a.kind === 'rectangle')!;
    const made = await engine.api.createAction({
      fields: fields(),
      target: { kind: 'area', areaId: area.id },
    });
    expect(made.target.label).toBe(`Area: ${area.name}`);
    // Rectangle 530000–530400 × 180000–180300: centroid (530200, 180150).
    expect(made.target.centroidX).toBeCloseTo(530_200, 1); // corners went through WGS84: mm
    expect(made.target.centroidY).toBeCloseTo(180_150, 1);
    await engine.api.updateAction({
      id: made.id,
      fields: fields({ status: 'active', notes: 'Started early' }),
    });
    await engine.api.updateAction({ id: made.id, fields: fields({ status: 'completed', notes: 'Done' }) });
    await engine.api.deleteAction({ id: made.id });
    const history = await engine.api.actionHistory({ id: made.id });
    expect(history.map((h) => [h.change, h.action.status])).toEqual([
      ['created', 'planned'],
      ['updated', 'active'],
      ['updated', 'completed'],
      ['deleted', 'completed'],
    ]);
    expect(history[1]!.action.notes).toBe('Started early');
    expect((await engine.api.listActions({})).some((a) => a.id === made.id)).toBe(false);
  });

  it('refuses an end date before the start date, saying which dates', async () => {
    const area = (await engine.api.listAreas({}))[0]!;
    await expect(
      engine.api.createAction({
        fields: fields({ startDate: '2024-05-02', endDate: '2024-05-01' }),
        target: { kind: 'area', areaId: area.id },
      }),
    ).rejects.toThrow('The end date 01/05/2024 is before the start date 02/05/2024');
  });

  it('ties an action to a hotspot of a saved density run by its outline and centroid', async () => {
    const kde = await engine.api.runKde({
      jobId: 'areas-kde-0001',
      filter: {},
      params: {
        cellSizeM: 25,
        bandwidthM: 150,
        iterations: 0,
        thresholds: { method: 'mean-multiple', multiples: [1] },
      },
    });
    const h = kde.hotspots[0]!;
    const action = await engine.api.createAction({
      fields: fields({ type: 'enforcement', title: 'Warrants' }),
      target: { kind: 'hotspot', analysisId: kde.analysisId, rank: h.rank },
    });
    expect(action.target.outline).toEqual(h.polygon);
    const ring = h.polygon[0]!;
    const xs = ring.map((p) => p[0]!);
    expect(action.target.centroidX).toBeGreaterThan(Math.min(...xs));
    expect(action.target.centroidX).toBeLessThan(Math.max(...xs));
  });

  it('writes the tasking sheet as marked HTML and as formula-safe CSV with dd/mm/yyyy dates', async () => {
    const area = (await engine.api.listAreas({}))[0]!;
    await engine.api.createAction({
      fields: fields({ title: '=HYPERLINK("x")', owner: 'Council <ASB team>' }),
      target: { kind: 'area', areaId: area.id },
    });
    const htmlPath = join(dir, 'sheet.html');
    const html = await engine.api.exportTaskingSheet({
      format: 'html',
      marking: 'OFFICIAL-SENSITIVE',
      target: engine.files.registerTarget(htmlPath),
    });
    expect(html.marking).toBe('OFFICIAL-SENSITIVE');
    const text = readFileSync(htmlPath, 'utf8');
    expect(text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Council &lt;ASB team&gt;');
    expect(text).toContain('01/04/2024');
    expect(text).not.toContain('<ASB');
    const csv = await engine.api.exportTaskingSheet({ format: 'csv' });
    const body = Buffer.from(csv.base64!, 'base64').toString('utf8');
    expect(body.startsWith('\uFEFFRef,Action,Type,Against,Owner,Start,End,Status,Notes')).toBe(true);
    expect(body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(body).toContain(',01/04/2024,30/04/2024,');
    expect(csv.marking).toBe('OFFICIAL');
  });

  it('never writes the tasking sheet over a file picked for reading', async () => {
    const source = join(dir, 'crimes.csv');
    const before = readFileSync(source);
    await expect(
      engine.api.exportTaskingSheet({ format: 'csv', target: engine.files.register(source) }),
    ).rejects.toThrow();
    expect(readFileSync(source).equals(before)).toBe(true);
  });

  it('gives the profile the actions running in its period, not deleted or cancelled ones', () => {
    const db = engine.context.project().db;
    const april = recordedActionLines(db, { from: '2024-04-15', to: '2024-05-15' });
    expect(april.map((a) => a.type)).toEqual(['enforcement', 'reassurance']);
    expect(april[0]!.text).toMatch(
      /^Already tasked \(A\d+, planned\): Warrants; Neighbourhood Policing Team, 01\/04\/2024 to 30\/04\/2024; against Hotspot 1/,
    );
    expect(recordedActionLines(db, { from: '2025-01-01', to: '2025-03-31' })).toEqual([]);
  });
});
