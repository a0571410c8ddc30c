import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import { applyPreset, findPreset, POLICE_UK_HEADERS } from '../../../../../shared/import/presets.js';
import { PRECISION_CODE } from '../../../../../shared/model/time.js';
import { writePoliceUkCsv } from './generate-police-uk.js';
import { NOW_MS, PLACED_POINTS_SQL, type TempProject, tempProject } from './helpers.js';

const policeUk = applyPreset(findPreset('police-uk')!, POLICE_UK_HEADERS)!;

let pool: WorkerPool;
let t: TempProject;
beforeAll(() => {
  pool = new WorkerPool({ size: 1 });
});
afterAll(() => pool.close());
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

function params(filePath: string) {
  return {
    projectPath: t.project.path,
    projectCrs: 'EPSG:27700',
    filePath,
    dataset: 'police.uk',
    mapping: policeUk,
    pii: [],
    nowMs: NOW_MS,
  };
}

describe('import job (worker thread, own connection)', () => {
  it('imports a police.uk extract in a worker; the main connection sees the commit', async () => {
    const path = `${t.dir}/street.csv`;
    await writePoliceUkCsv(path, 2_000, 7);
    const progress: number[] = [];
    const summary = await pool.run('import', params(path), { onProgress: (done) => progress.push(done) });
    expect(summary.rowsRead).toBe(2_000);
    expect(summary.rowsAccepted).toBe(2_000);
    expect(summary.precision.month).toBe(2_000);
    expect(progress.length).toBeGreaterThan(0);
    const db = t.project.db;
    expect(db.prepare('SELECT COUNT(*) FROM records').pluck().get()).toBe(2_000);
    expect(db.prepare(PLACED_POINTS_SQL).pluck().get()).toBe(2_000);
    expect(
      db.prepare('SELECT COUNT(*) FROM records WHERE precision = ?').pluck().get(PRECISION_CODE.month),
    ).toBe(2_000);
    // ASB rows carry no Crime ID: stored without a reference, not rejected.
    const asb = db.prepare(
      "SELECT COUNT(*) FROM records WHERE category = 'Anti-social behaviour' AND reference IS NULL",
    );
    expect(asb.pluck().get()).toBeGreaterThan(0);
  });

  it('cancelled mid-import leaves the project byte-for-byte as before', async () => {
    const path = `${t.dir}/big.csv`;
    await writePoliceUkCsv(path, 400_000, 3);
    const before = t.fingerprint();
    const controller = new AbortController();
    let sawRows = 0;
    const running = pool.run('import', params(path), {
      signal: controller.signal,
      onProgress: (done, _total, message) => {
        if (message?.startsWith('Importing')) sawRows = done;
        if (sawRows >= 50_000) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(sawRows).toBeGreaterThanOrEqual(50_000);
    expect(t.fingerprint()).toBe(before);
    expect(t.project.db.prepare('SELECT COUNT(*) FROM records').pluck().get()).toBe(0);
    // The project is still writable after the killed connection: a small import goes through.
    const small = `${t.dir}/small.csv`;
    await writePoliceUkCsv(small, 100, 9);
    await expect(pool.run('import', params(small))).resolves.toMatchObject({ rowsAccepted: 100 });
  });
});
