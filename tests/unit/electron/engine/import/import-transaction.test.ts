import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ImportSource,
  ImportTransaction,
} from '../../../../../electron/engine/import/import-transaction.js';
import { RecordBatchBuilder } from '../../../../../electron/engine/import/record-batch.js';
import { recordsVersion } from '../../../../../electron/engine/import/records-version.js';
import { readAudit } from '../../../../../electron/engine/project/audit.js';
import type { ImportSummary } from '../../../../../shared/api/import-api.js';
import { mapping, PLACED_POINTS_SQL, type TempProject, tempProject } from './helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const source: ImportSource = {
  dataset: 'Crimes',
  existingDatasetId: null,
  geometry: 'points',
  fileName: 'crimes.csv',
  fileSize: 123,
  sha256: 'ab'.repeat(32),
  mapping: mapping({ fields: { x: 'x', y: 'y', date: 'd' }, timeShape: 'date' }),
  headers: ['x', 'y', 'd', 'beat'],
  startedAt: '2024-06-01T00:00:00.000Z',
};

/** Two records (one area-only, so NULL coordinates) and a rejected row's issue. */
function batch() {
  const b = new RecordBatchBuilder(8);
  const base = {
    rowNumber: 2,
    lon: null,
    lat: null,
    areaCode: null,
    fromMs: 1_700_000_000_000,
    toMs: 1_700_000_000_000,
    precision: 'date' as const,
    category: 'Burglary',
    subcategory: null,
    weight: 1,
    location: null,
    reference: null,
    attrs: {},
  };
  b.add({ ...base, x: 530_000, y: 180_000 }, '["B1"]');
  b.add({ ...base, rowNumber: 4, x: null, y: null, areaCode: 'E01000001' }, null);
  b.addIssues(
    [{ rowNumber: 3, column: 'd', value: '31/02/2024', severity: 'rejected', reason: 'not a real date' }],
    ['530000', '180000', '31/02/2024', 'B2'],
  );
  return b.take();
}

describe('ImportTransaction', () => {
  it('writes the dataset, import, records, issues and audit entry, and bumps the records version', () => {
    const versionBefore = recordsVersion(t.project.db);
    const tx = ImportTransaction.begin(t.project.db, source);
    tx.store(batch());
    const summary = { rowsRead: 3, rowsAccepted: 2, rowsWarned: 0, rowsRejected: 1 } as ImportSummary;
    tx.commit(
      { ...summary, pii: { excluded: [], overridden: [] } },
      ['beat'],
      [{ column: 'beat', kinds: ['name'], reason: 'beat codes, not names' }],
    );
    const db = t.project.db;
    const records = db.prepare('SELECT x, y, area_code, attrs_json FROM records ORDER BY id').all();
    expect(records).toEqual([
      { x: 530_000, y: 180_000, area_code: null, attrs_json: '["B1"]' },
      { x: null, y: null, area_code: 'E01000001', attrs_json: null },
    ]);
    expect(db.prepare(PLACED_POINTS_SQL).pluck().get()).toBe(1);
    expect(db.prepare('SELECT raw_row FROM import_issues').pluck().get()).toBe(
      '["530000","180000","31/02/2024","B2"]',
    );
    expect(db.prepare('SELECT rows_accepted, attr_keys_json FROM imports').get()).toEqual({
      rows_accepted: 2,
      attr_keys_json: '["beat"]',
    });
    expect(readAudit(db).map((a) => a.action)).toEqual(['import', 'pii-override']);
    expect(recordsVersion(db)).toBe(versionBefore + 1);
  });

  it('rolls back to the file exactly as it was, once, even after rows were stored', () => {
    const before = t.fingerprint();
    const tx = ImportTransaction.begin(t.project.db, source);
    tx.store(batch());
    tx.rollback();
    tx.rollback();
    expect(t.fingerprint()).toBe(before);
    expect(t.project.db.inTransaction).toBe(false);
  });
});
