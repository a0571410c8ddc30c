/**
 * Results recorded against JAG actions (migration 5, project/action-results.ts), through the Api as
 * the Results panel calls it. Planted counts in three rectangles, March (before) and April (after)
 * 2024: target 40 → 20, the buffer's part outside the target 50 → 40, control 100 → 90; by hand
 * WDQ = (40/50 − 90/100) / (20/40 − 90/100) = −0.10 / −0.40 = 0.25 and WDD = −20 − 10 + 2 × 10 = −10.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { actionResultsForProfile } from '../../../../../electron/engine/project/action-results.js';
import { LATEST_SCHEMA_VERSION } from '../../../../../electron/engine/project/migrations.js';
import type { ActionFields } from '../../../../../shared/api/areas-actions-api.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { BNG_CSV_HEADER, importBngCsv } from '../bng-csv.js';

let dir: string;
let engine: Engine;
const lonLat = (x: number, y: number) => makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84(x, y);
const ids = { target: 0, buffer: 0, control: 0 };

/** n events on a line inside [x0, x0 + 90] at y, days 1–30 of the month (the data then reach 30/04). */
function plant(lines: string[], n: number, x0: number, y: number, month: number): void {
  for (let k = 0; k < n; k++)
    lines.push(
      `R${lines.length},${String(1 + (k % 30)).padStart(2, '0')}/0${month}/2024 12:00,${x0 + 5 + (80 * k) / n},${y},Burglary`,
    );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-action-results-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
  await engine.api.createProject({ path: join(dir, 'results.hsw') });
  const lines = [BNG_CSV_HEADER];
  // Target 530000–530100 × 180000–180100; buffer 529800–530300 × 179800–180300 (events outside
  // the target at y 180200); control 531000–531100 × 180000–180100.
  plant(lines, 40, 530_000, 180_050, 3);
  plant(lines, 20, 530_000, 180_050, 4);
  plant(lines, 50, 530_000, 180_200, 3);
  plant(lines, 40, 530_000, 180_200, 4);
  plant(lines, 100, 531_000, 180_050, 3);
  plant(lines, 90, 531_000, 180_050, 4);
  await importBngCsv(engine.context.project().db, dir, lines);
  const rect = async (name: string, x0: number, y0: number, x1: number, y1: number) =>
    (
      await engine.api.saveArea({
        name,
        shape: { kind: 'rectangle', cornersWgs84: [lonLat(x0, y0), lonLat(x1, y1)] },
      })
    ).id;
  ids.target = await rect('Market Square', 530_000, 180_000, 530_100, 180_100);
  ids.buffer = await rect('Market ring', 529_800, 179_800, 530_300, 180_300);
  ids.control = await rect('Northgate', 531_000, 180_000, 531_100, 180_100);
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const fields = (over: Partial<ActionFields> = {}): ActionFields => ({
  title: 'Evening patrols',
  type: 'prevention',
  owner: 'Police',
  startDate: '2024-04-01',
  endDate: '2024-04-30',
  status: 'completed',
  notes: '',
  ...over,
});

const request = () => ({
  target: { areaId: ids.target },
  buffer: { areaId: ids.buffer },
  control: { areaId: ids.control },
  before: { from: '2024-03-01', to: '2024-03-31' },
  after: { from: '2024-04-01', to: '2024-04-30' },
});

describe('results recorded against actions', () => {
  it('is schema version 5 or later (action_results is migration 5)', () => {
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(engine.context.project().db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('measures, records and lists the result with the area names, and audits it', async () => {
    const action = await engine.api.createAction({
      fields: fields(),
      target: { kind: 'area', areaId: ids.target },
    });
    const r = await engine.api.recordActionResult({
      jobId: 'record-result-01',
      actionId: action.id,
      ...request(),
    });
    expect(r.result.counts).toEqual({
      target: { before: 40, after: 20 },
      buffer: { before: 50, after: 40 },
      control: { before: 100, after: 90 },
    });
    expect(r.result.wdq.wdq).toBeCloseTo(0.25, 12);
    expect(r.result.wdd.estimate).toBe(-10);
    expect(r.areaNames).toEqual({ target: 'Market Square', buffer: 'Market ring', control: 'Northgate' });
    // Renaming an area later does not change the record.
    await engine.api.renameArea({ id: ids.target, name: 'Square (renamed)' });
    const listed = await engine.api.listActionResults({ actionId: action.id });
    expect(listed.map((x) => x.areaNames.target)).toEqual(['Market Square']);
    const audit = engine.context
      .project()
      .db.prepare("SELECT detail_json FROM audit_log WHERE action = 'action-result-recorded'")
      .pluck()
      .all() as string[];
    expect(audit.map((d) => JSON.parse(d).actionId)).toEqual([action.id]);
  });

  it("lists the action's result on the tasking sheet, worked by hand", async () => {
    const sheet = await engine.api.exportTaskingSheet({ format: 'csv' });
    const csv = Buffer.from(sheet.base64!, 'base64').toString('utf8');
    // WDD −10, SE √910 = 30.17, interval −10 ± 1.96 × 30.17 = −69.1 to 49.1.
    expect(csv).toContain(
      'Result (before 01/03/2024 to 31/03/2024, after 01/04/2024 to 30/04/2024): target 40 → 20 (−50.0%), control 100 → 90 (−10.0%); WDQ 0.25; WDD −10.0 (95 % interval −69.1 to 49.1).',
    );
  });

  it('refuses a deleted action', async () => {
    const action = await engine.api.createAction({
      fields: fields({ title: 'Gone' }),
      target: { kind: 'area', areaId: ids.target },
    });
    await engine.api.deleteAction({ id: action.id });
    await expect(
      engine.api.recordActionResult({ jobId: 'record-result-02', actionId: action.id, ...request() }),
    ).rejects.toThrow(/no action A\d+ to record/);
  });

  it('gives the profile the latest result of actions running or ended by the period, not later or cancelled ones', async () => {
    const later = await engine.api.createAction({
      fields: fields({ title: 'Next summer', startDate: '2024-07-01', endDate: null, status: 'active' }),
      target: { kind: 'area', areaId: ids.target },
    });
    const cancelled = await engine.api.createAction({
      fields: fields({ title: 'Called off', status: 'cancelled' }),
      target: { kind: 'area', areaId: ids.target },
    });
    for (const [k, a] of [later, cancelled].entries())
      await engine.api.recordActionResult({ jobId: `record-result-1${k}`, actionId: a.id, ...request() });
    const db = engine.context.project().db;
    const inPeriod = actionResultsForProfile(db, { from: '2024-04-01', to: '2024-06-30' });
    expect(inPeriod.map((r) => r.action)).toEqual(['A1: Evening patrols']);
    expect(inPeriod[0]!.actionFacts).toBe(
      'Prevention, completed, 01/04/2024 to 30/04/2024, Police, against Area: Market Square',
    );
    const withLater = actionResultsForProfile(db, { from: '2024-07-01', to: '2024-09-30' });
    expect(withLater.map((r) => r.action)).toEqual(['A1: Evening patrols', `A${later.id}: Next summer`]);
  });
});
