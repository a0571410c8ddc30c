/**
 * runResults' PAI / PEI / RRI of the before period's hot spots (results-service.ts) on a planted
 * pattern: a uniform background of 60 events a month (January to May) over 1 km² and a cluster of
 * 30 events in one 100 m square in March only. With March before and April after, the hot spots are
 * round the cluster, so they hold the cluster before, lose it after (RRI < 1) and the totals are the
 * planted counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { importBngCsv } from '../bng-csv.js';
import { type PlantedEvent, plantedCsvLines, plantedMarchCluster } from '../planted-cluster.js';

let dir: string;
let engine: Engine;
const lonLat = (x: number, y: number) => makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84(x, y);
const events: PlantedEvent[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-results-hotspots-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
  await engine.api.createProject({ path: join(dir, 'results.hsw') });
  events.push(...plantedMarchCluster(33, 5));
  await importBngCsv(engine.context.project().db, dir, plantedCsvLines(events));
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runResults hotspots', () => {
  it("finds March's planted cluster as the hot spots and measures April's events on them", async () => {
    const rect = (name: string, x0: number, y0: number, x1: number, y1: number) =>
      engine.api.saveArea({
        name,
        shape: { kind: 'rectangle', cornersWgs84: [lonLat(x0, y0), lonLat(x1, y1)] },
      });
    const target = await rect('Target', 530_550, 180_150, 530_750, 180_350);
    const buffer = await rect('Buffer', 530_450, 180_050, 530_850, 180_450);
    const control = await rect('Control', 530_000, 180_500, 530_500, 181_000);
    const r = await engine.api.runResults({
      jobId: 'results-hot-01',
      target: { areaId: target.id },
      buffer: { areaId: buffer.id },
      control: { areaId: control.id },
      before: { from: '2024-03-01', to: '2024-03-31' },
      after: { from: '2024-04-01', to: '2024-04-30' },
    });
    const h = r.hotspots;
    expect(h.eventsInStudyArea).toEqual({ previous: 90, current: 60 });
    expect(h.hotspotCells).toBeGreaterThan(0);
    // Most of the cluster lies in the hot cells, which are a small part of the grid.
    expect(h.eventsInHotspots.previous).toBeGreaterThanOrEqual(25);
    expect(h.hotspotCells / h.studyAreaCells).toBeLessThan(0.1);
    // After, only background falls there: their share drops, so RRI < 1.
    expect(h.rri).not.toBeNull();
    expect(h.rri!).toBeLessThan(1);
    expect(h.pai).toBeCloseTo(h.eventsInHotspots.current / 60 / (h.hotspotCells / h.studyAreaCells), 12);
    expect(h.rule).toContain('95 %');
  });
});
