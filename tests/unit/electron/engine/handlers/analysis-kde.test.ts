import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import type { ApiEvent } from '../../../../../shared/api/jobs.js';
import { wallClockMs } from '../../../../../shared/model/time.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { BNG_CSV_HEADER, importBngCsv } from '../bng-csv.js';

let dir: string;
let engine: Engine;
const events: ApiEvent[] = [];
const xs: number[] = [];
const ys: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-kde-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 2 });
  engine.events.subscribe((event) => events.push(event));
  await engine.api.createProject({ path: join(dir, 'kde.hsw') });
  // 240 burglaries around a planted centre and 160 spread over 4 km, with dates and types.
  const random = new Random(31);
  const lines = [BNG_CSV_HEADER];
  for (let i = 0; i < 400; i++) {
    const planted = i < 240;
    const x = Math.round(planted ? random.normal(531_000, 90) : random.uniform(529_000, 533_000));
    const y = Math.round(planted ? random.normal(181_000, 90) : random.uniform(179_000, 183_000));
    xs.push(x);
    ys.push(y);
    const type = planted && i % 4 !== 0 ? 'Burglary' : 'Theft';
    const hour = planted ? 21 : random.int(0, 23);
    const d = new Date(wallClockMs(2024, 3, 1 + (i % 28), hour, 15));
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/03/2024 ${String(hour).padStart(2, '0')}:15`;
    lines.push(`R${i},${date},${x},${y},${type}`);
  }
  await importBngCsv(engine.context.project().db, dir, lines, 'Burglary');
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runKde', () => {
  it('computes the surface of the filtered records in workers, with hotspots, WGS84 outlines and provenance', async () => {
    events.length = 0;
    const result = await engine.api.runKde({
      jobId: 'kde-run-0001',
      filter: {},
      params: { cellSizeM: 50, bandwidthM: 250 },
    });
    const reference = kernelDensity(
      { x: Float64Array.from(xs), y: Float64Array.from(ys) },
      { cellSizeM: 50, bandwidthM: 250 },
    );
    expect(result.grid.values).toBeInstanceOf(Float64Array);
    expect([result.grid.width, result.grid.height]).toEqual([reference.grid.width, reference.grid.height]);
    for (let i = 0; i < reference.grid.values.length; i++) {
      expectClose(result.grid.values[i], reference.grid.values[i], 1e-12);
    }
    expect(result.unit).toBe('events per km²');
    expect(result.cached).toBe(false);
    expect(result.params).toMatchObject({
      kernel: 'quartic',
      cellSizeM: 50,
      bandwidthM: 250,
      hotspotClass: 3,
      thresholds: { method: 'mean-multiple', multiples: [1, 2, 3] },
    });
    const top = result.hotspots[0];
    expect(top.rank).toBe(1);
    expect(Math.hypot(top.peakX - 531_000, top.peakY - 181_000)).toBeLessThan(80);
    expect(top.topCategories[0].name).toBe('Burglary');
    expect(top.peakHours[0]).toBe(21);
    const [lon, lat] = top.polygonWgs84[0][0];
    expect(lon).toBeGreaterThan(-0.2);
    expect(lon).toBeLessThan(-0.05);
    expect(lat).toBeGreaterThan(51.45);
    expect(lat).toBeLessThan(51.55);
    expect(result.cornersWgs84).toHaveLength(4);
    expect(result.provenance.datasets).toEqual([
      expect.objectContaining({
        name: 'Burglary',
        imports: [expect.objectContaining({ fileName: 'crimes.csv' })],
      }),
    ]);
    expect(result.provenance.crs).toBe('EPSG:27700');
    expect(result.provenance.appVersion).toBe('0.1.0-test');
    const states = events.flatMap((e) =>
      e.type === 'job' && e.job.id === 'kde-run-0001' ? [e.job.state] : [],
    );
    expect(states.at(-1)).toBe('done');
  });

  it('answers the same request from the project cache', async () => {
    const again = await engine.api.runKde({
      jobId: 'kde-run-0002',
      filter: {},
      params: { cellSizeM: 50, bandwidthM: 250 },
    });
    expect(again.cached).toBe(true);
    expect(again.grid.values).toBeInstanceOf(Float64Array);
    expect(again.hotspots[0].rank).toBe(1);
  });

  it('refuses a filter that matches no point record', async () => {
    await expect(
      engine.api.runKde({ jobId: 'kde-run-0003', filter: { categories: ['Arson'] }, params: {} }),
    ).rejects.toMatchObject({ code: 'refused' });
  });
});
