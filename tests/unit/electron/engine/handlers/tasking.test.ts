import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { expectClose } from '../../../expect-close.js';
import { bruteForceGiStar } from '../../../shared/analysis/gistar/brute-force.js';
import { importBngCsv } from '../bng-csv.js';
import { type PlantedEvent, plantedCsvLines, plantedMarchCluster } from '../planted-cluster.js';

let dir: string;
let engine: Engine;
const toWgs84 = makeTransform('EPSG:27700', 'EPSG:27700');
const lonLat = (x: number, y: number) => toWgs84.projectToWgs84(x, y);
const events: PlantedEvent[] = [];

/** Events in 2024: background over 530 000–531 000 × 180 000–181 000 every month, a cluster in [530 600, 530 700) × [180 200, 180 300) in March only. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-tasking-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
  await engine.api.createProject({ path: join(dir, 'tasking.hsw') });
  events.push(...plantedMarchCluster(21, 4));
  await importBngCsv(engine.context.project().db, dir, plantedCsvLines(events));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const extent = { minX: 530_000, minY: 180_000, maxX: 531_000, maxY: 181_000 };

describe('runGiStar', () => {
  it('returns the Gi* of the counts per cell, equal to a brute force, with provenance and a cached second run', async () => {
    const r = await engine.api.runGiStar({
      jobId: 'gistar-0001',
      filter: {},
      cellSizeM: 100,
      distanceM: 150,
      extent,
    });
    const counts = new Float64Array(100);
    for (const e of events)
      counts[Math.floor((e.x - 530_000) / 100) + (9 - Math.floor((e.y - 180_000) / 100)) * 10] += 1;
    const want = bruteForceGiStar(
      { width: 10, height: 10, originX: 530_000, originY: 180_000, cellSizeM: 100, values: counts },
      150,
    );
    want.forEach((z, i) => {
      expect(Math.abs(r.z.values[i] - z)).toBeLessThan(1e-9);
    });
    expect(r.events).toEqual({ used: events.length, outside: 0 });
    expect(r.bins[6 + 7 * 10]).toBeGreaterThanOrEqual(2);
    expect(r.provenance.caveats.join(' ')).toContain('Benjamini–Hochberg');
    const again = await engine.api.runGiStar({
      jobId: 'gistar-0002',
      filter: {},
      cellSizeM: 100,
      distanceM: 150,
      extent,
    });
    expect(again.cached).toBe(true);
  });
});

describe('runEmerging', () => {
  it('classes the March-only cluster new in monthly slices ending 31/03/2024, with its working', async () => {
    const r = await engine.api.runEmerging({
      jobId: 'emerging-0001',
      filter: {},
      endDate: '2024-03-31',
      slice: { unit: 'months', length: 1, slices: 3 },
      cellSizeM: 100,
      distanceM: 150,
      extent,
    });
    expect(r.slices).toEqual([
      { from: '2024-01-01', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-31' },
    ]);
    const cell = r.cells.find((c) => c.cell === 6 + 7 * 10);
    expect(cell?.pattern).toBe('new hot spot');
    expect(cell?.zSeries).toHaveLength(3);
    expect(r.rules.join(' ')).toContain('Mann–Kendall');
    expect(r.rules[0]).toContain('(3), ending 31/03/2024;');
    expect(r.rules.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('runResults', () => {
  it('counts saved target, buffer ring and control areas before (January) and after (March)', async () => {
    const rect = (name: string, x0: number, y0: number, x1: number, y1: number) =>
      engine.api.saveArea({
        name,
        shape: { kind: 'rectangle', cornersWgs84: [lonLat(x0, y0), lonLat(x1, y1)] },
      });
    const target = await rect('Target', 530_550, 180_150, 530_750, 180_350);
    const buffer = await rect('Buffer', 530_450, 180_050, 530_850, 180_450);
    const control = await rect('Control', 530_000, 180_500, 530_500, 181_000);
    const r = await engine.api.runResults({
      jobId: 'results-0001',
      target: { areaId: target.id },
      buffer: { areaId: buffer.id },
      control: { areaId: control.id },
      before: { from: '2024-01-01', to: '2024-01-31' },
      after: { from: '2024-03-01', to: '2024-03-31' },
    });
    const inside = (e: (typeof events)[number], x0: number, y0: number, x1: number, y1: number) =>
      e.x > x0 && e.x < x1 && e.y > y0 && e.y < y1;
    const count = (month: number, test: (e: (typeof events)[number]) => boolean) =>
      events.filter((e) => e.month === month && test(e)).length;
    const t = (e: (typeof events)[number]) => inside(e, 530_550, 180_150, 530_750, 180_350);
    const b = (e: (typeof events)[number]) => !t(e) && inside(e, 530_450, 180_050, 530_850, 180_450);
    const c = (e: (typeof events)[number]) => inside(e, 530_000, 180_500, 530_500, 181_000);
    expect(r.counts).toEqual({
      target: { before: count(1, t), after: count(3, t) },
      buffer: { before: count(1, b), after: count(3, b) },
      control: { before: count(1, c), after: count(3, c) },
    });
    // The cluster arrived in March: the target rose relative to control, so no WDQ.
    expect(r.wdq.wdq).toBeNull();
    const d = (k: 'target' | 'buffer' | 'control') => r.counts[k].after - r.counts[k].before;
    expect(r.wdd.estimate).toBe(d('target') + d('buffer') - 2 * d('control'));
  });
});

describe('runConcentration', () => {
  it('gives the Gini of the counts per cell by the mean-difference definition', async () => {
    const r = await engine.api.runConcentration({
      jobId: 'concentr-0001',
      filter: {},
      cellSizeM: 100,
      extent,
    });
    const counts = new Array<number>(100).fill(0);
    for (const e of events)
      counts[Math.floor((e.x - 530_000) / 100) + (9 - Math.floor((e.y - 180_000) / 100)) * 10] += 1;
    const mean = events.length / 100;
    let sum = 0;
    for (const a of counts) for (const b of counts) sum += Math.abs(a - b);
    expectClose(r.cells.gini, sum / (2 * 100 * 100 * mean), 1e-12);
    expect(r.cells.places).toBe(100);
  });
});
