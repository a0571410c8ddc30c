/**
 * The reader thread of large imports (read-job.ts): the same rows, records, issues and summary as
 * reading in the import's own thread; references already in the dataset rejected; a failure on
 * either side stops both and leaves the project byte-for-byte as it was.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_RECORDS } from '../../../../../electron/engine/import/check-rows.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import type { ColumnMapping } from '../../../../../shared/import/mapping.js';
import { Random } from '../../../../../shared/util/random.js';
import { mapping, NOW_MS, PLACED_POINTS_SQL, type TempProject, tempProject } from './helpers.js';

const xyMapping = mapping({
  fields: {
    reference: 'ref',
    date: 'date',
    x: 'easting',
    y: 'northing',
    category: 'type',
    location: 'street',
  },
  timeShape: 'datetime',
  sourceCrs: 'EPSG:27700',
});

/**
 * More rows than three batches, with every outcome: impossible and future dates (rejected), a
 * point far outside the rest (warned), references repeated within the file, blank lines, a quoted
 * field with a comma and a multi-byte street name.
 */
function mixedCsv(rows: number, seed: number, refPrefix = 'R'): string {
  const random = new Random(seed);
  const lines = ['ref,date,easting,northing,type,street,beat'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    let date = `${day}/03/2024 ${String(i % 24).padStart(2, '0')}:15`;
    if (i % 97 === 5) date = '31/02/2024';
    if (i % 211 === 7) date = '01/01/2031';
    const far = i % 503 === 11;
    const x = far ? 100_000 : Math.round(random.uniform(529_000, 531_000));
    const y = far ? 900_000 : Math.round(random.uniform(179_000, 181_000));
    const ref = i % 331 === 13 ? `${refPrefix}${i - 1}` : `${refPrefix}${i}`;
    const street =
      i % 7 === 0 ? '"High Street, north side"' : i % 11 === 0 ? 'Église Road' : `Street ${i % 40}`;
    lines.push(`${ref},${date},${x},${y},${i % 3 === 0 ? 'Burglary' : 'Theft'},${street},B${i % 5}`);
    if (i % 1000 === 999) lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const ROWS = 3 * BATCH_RECORDS + 123;

let a: TempProject;
let b: TempProject;
beforeEach(() => {
  a = tempProject();
  b = tempProject();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

function run(t: TempProject, path: string, readerThread: boolean, m: ColumnMapping = xyMapping, extra = {}) {
  return runImport(t.project.db, {
    filePath: path,
    dataset: 'Crimes',
    mapping: m,
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW_MS,
    readerThread,
    ...extra,
  });
}

function dump(t: TempProject) {
  const db = t.project.db;
  return {
    records: db.prepare('SELECT * FROM records ORDER BY id').all(),
    issues: db.prepare('SELECT * FROM import_issues ORDER BY id').all(),
    imports: db
      .prepare('SELECT rows_read, rows_accepted, rows_warned, rows_rejected, attr_keys_json FROM imports')
      .all(),
    indexed: db.prepare(PLACED_POINTS_SQL).pluck().get(),
  };
}

describe('import read on a reader thread', () => {
  it('stores exactly what reading in the import thread stores, with the same summary', async () => {
    const content = mixedCsv(ROWS, 3);
    const onThread = await run(a, a.file('crimes.csv', content), true);
    const inThread = await run(b, b.file('crimes.csv', content), false);
    expect(onThread.rowsRead).toBe(ROWS);
    expect(onThread.rowsRejected).toBeGreaterThan(50);
    expect(onThread.rowsWarned).toBeGreaterThan(5);
    expect(onThread.rowsAccepted + onThread.rowsRejected).toBe(ROWS);
    expect({ ...onThread, durationMs: 0 }).toEqual({ ...inThread, durationMs: 0 });
    const stored = dump(a);
    expect(stored.records).toHaveLength(onThread.rowsAccepted);
    expect(stored.indexed).toBe(onThread.rowsAccepted);
    expect(stored).toEqual(dump(b));
    // Multi-byte text survives the trip between threads.
    const eglise = a.project.db.prepare("SELECT COUNT(*) FROM records WHERE location = 'Église Road'");
    expect(eglise.pluck().get()).toBeGreaterThan(100);
  });

  it('rejects rows whose reference is already in the dataset from an earlier import', async () => {
    await run(a, a.file('first.csv', mixedCsv(500, 4)), true);
    const before = a.project.db.prepare('SELECT COUNT(*) FROM records').pluck().get() as number;
    // The same references again, in a different file (so not refused as the same file).
    const second = await run(a, a.file('second.csv', mixedCsv(600, 5)), true);
    const repeated = second.firstIssues.filter((i) => /is already in dataset "Crimes"/.test(i.reason));
    expect(second.rowsDuplicate).toBeGreaterThan(400);
    expect(repeated.length).toBeGreaterThan(0);
    const after = a.project.db.prepare('SELECT COUNT(*) FROM records').pluck().get() as number;
    expect(after - before).toBe(second.rowsAccepted);
    expect(
      a.project.db
        .prepare(
          'SELECT COUNT(*) FROM (SELECT reference FROM records GROUP BY reference HAVING COUNT(*) > 1)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('a write that fails mid-import stops the reader and leaves the project byte-for-byte unchanged', async () => {
    await run(a, a.file('first.csv', mixedCsv(200, 6, 'F')), false);
    const before = a.fingerprint();
    // Fails once the second import has written a batch or two: as a full disk would.
    a.project.db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.records WHEN (SELECT MAX(id) FROM main.records) > ${200 + 1.5 * BATCH_RECORDS}
      BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`);
    // The trigger is on this connection only, and runImport writes through it.
    await expect(run(a, a.file('second.csv', mixedCsv(ROWS, 7)), true)).rejects.toThrow(
      /simulated write failure/,
    );
    a.project.db.exec('DROP TRIGGER fail_late');
    expect(a.fingerprint()).toBe(before);
  });

  it('a file that breaks after rows were written is refused, naming the row, and nothing is kept', async () => {
    const before = a.fingerprint();
    const broken = `${mixedCsv(ROWS, 8)}R9,"01/03/2024 10:00,530000,180000,Theft,x,B1\n`;
    await expect(run(a, a.file('broken.csv', broken), true)).rejects.toMatchObject({
      code: 'refused',
      message: /quoted field is never closed/,
    });
    expect(a.fingerprint()).toBe(before);
  });

  it('the same file again is refused as a duplicate though its reader had started, and nothing is kept', async () => {
    const path = a.file('crimes.csv', mixedCsv(ROWS, 10));
    const first = await run(a, path, true);
    const before = a.fingerprint();
    // The reader starts before the hash (it validates meanwhile); the refusal stops it unwritten.
    await expect(run(a, path, true)).rejects.toThrow(
      new RegExp(`already imported into "Crimes" as import #${first.importId}`),
    );
    expect(a.fingerprint()).toBe(before);
    // The thread was stopped, not left waiting: the next import (another file) runs as usual.
    const other = await run(a, a.file('other.csv', mixedCsv(ROWS, 11, 'O')), true);
    expect(other.rowsAccepted).toBeGreaterThan(0);
  });

  it('refuses a duplicate file as a duplicate before a mapping that no longer fits, either way', async () => {
    const path = a.file('crimes.csv', mixedCsv(200, 12));
    await run(a, path, false);
    const broken = { ...xyMapping, fields: { ...xyMapping.fields, category: 'no such column' } };
    for (const readerThread of [true, false]) {
      await expect(run(a, path, readerThread, broken)).rejects.toThrow(/already imported into "Crimes"/);
    }
    // Without the duplicate, the mapping is what is refused.
    await expect(run(a, path, true, broken, { allowDuplicateFile: true })).rejects.toThrow(
      /column mapping cannot be used/,
    );
  });

  it('a dry run on the reader thread writes nothing and gives the import summary', async () => {
    const content = mixedCsv(ROWS, 9);
    const before = a.fingerprint();
    const dry = await run(a, a.file('crimes.csv', content), true, xyMapping, { dryRun: true });
    expect(a.fingerprint()).toBe(before);
    const real = await run(b, b.file('crimes.csv', content), false);
    expect(dry.rowsAccepted).toBe(real.rowsAccepted);
    expect(dry.firstIssues).toEqual(real.firstIssues);
  });
});
