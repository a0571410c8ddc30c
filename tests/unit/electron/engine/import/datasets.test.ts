import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteDataset,
  exportRejectedRows,
  getImportIssues,
  listDatasets,
  undoLastImport,
} from '../../../../../electron/engine/import/datasets.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { readAudit } from '../../../../../electron/engine/project/audit.js';
import { wallClockMs } from '../../../../../shared/model/time.js';
import { csv, mapping, NOW_MS, type TempProject, tempProject } from './helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const m = mapping({
  fields: { reference: 'ref', date: 'date', x: 'x', y: 'y', category: 'type' },
  timeShape: 'date',
  sourceCrs: 'EPSG:27700',
});
const header = ['ref', 'date', 'x', 'y', 'type'];

async function importRows(name: string, rows: (string | number)[][], dataset = 'Crimes') {
  return runImport(t.project.db, {
    filePath: t.file(name, csv([header, ...rows])),
    dataset,
    mapping: m,
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW_MS,
  });
}

const count = (sql: string) => t.project.db.prepare(sql).pluck().get() as number;

describe('datasets', () => {
  it('lists each dataset with counts, date range, precision mix, categories and its imports', async () => {
    await importRows('jan.csv', [
      ['A', '05/01/2024', 1000, 2000, 'Burglary'],
      ['B', '20/01/2024', 1100, 2100, 'Theft'],
    ]);
    await importRows('feb.csv', [
      ['C', '10/02/2024', 1200, 2200, 'Theft'],
      ['D', '30/02/2024', 1200, 2200, 'Theft'],
    ]);
    const [d] = listDatasets(t.project.db);
    expect(d).toMatchObject({
      name: 'Crimes',
      geometry: 'points',
      records: 3,
      categories: 2,
      dateRange: { fromMs: wallClockMs(2024, 1, 5), toMs: wallClockMs(2024, 2, 11) - 1 },
      precision: { exact: 0, window: 0, date: 3, month: 0 },
    });
    expect(
      d!.imports.map((i) => [i.fileName, i.rowsRead, i.rowsAccepted, i.rowsRejected, i.records]),
    ).toEqual([
      ['jan.csv', 2, 2, 0, 2],
      ['feb.csv', 2, 1, 1, 1],
    ]);
    expect(d!.imports[0]!.mapping.fields.x).toBe('x');
  });

  it('undoes the last import only: its records, issues and row go; the audit says so', async () => {
    await importRows('jan.csv', [['A', '05/01/2024', 1000, 2000, 'Burglary']]);
    const feb = await importRows('feb.csv', [
      ['C', '10/02/2024', 9000, 9000, 'Theft'],
      ['D', '30/02/2024', 1200, 2200, 'Theft'],
    ]);
    expect(undoLastImport(t.project.db, feb.datasetId!)).toEqual({
      importId: feb.importId,
      deletedRecords: 1,
    });
    expect(t.project.db.prepare('SELECT reference FROM records').pluck().all()).toEqual(['A']);
    expect(count('SELECT COUNT(*) FROM import_issues')).toBe(0);
    expect(count('SELECT COUNT(*) FROM imports')).toBe(1);
    expect(readAudit(t.project.db).at(-1)).toMatchObject({
      action: 'undo-import',
      detail: { importId: feb.importId, fileName: 'feb.csv' },
    });
    // The undone file can be imported again (no duplicate-file refusal).
    await expect(
      importRows('feb.csv', [
        ['C', '10/02/2024', 9000, 9000, 'Theft'],
        ['D', '30/02/2024', 1200, 2200, 'Theft'],
      ]),
    ).resolves.toMatchObject({ rowsAccepted: 1 });
  });

  it('deletes a dataset with everything in it and leaves the others', async () => {
    const a = await importRows('a.csv', [['A', '05/01/2024', 1000, 2000, 'Burglary']], 'A');
    await importRows('b.csv', [['B', '05/01/2024', 5000, 5000, 'Theft']], 'B');
    expect(deleteDataset(t.project.db, a.datasetId!)).toEqual({ deletedRecords: 1 });
    expect(listDatasets(t.project.db).map((d) => d.name)).toEqual(['B']);
    expect(count('SELECT COUNT(*) FROM records')).toBe(1);
    expect(count('SELECT COUNT(*) FROM imports')).toBe(1);
    expect(readAudit(t.project.db).at(-1)).toMatchObject({
      action: 'delete-dataset',
      detail: { dataset: 'A', deletedRecords: 1 },
    });
  });

  it('refuses to undo or delete what does not exist', async () => {
    expect(() => deleteDataset(t.project.db, 99)).toThrow(/no dataset with id 99/);
    expect(() => undoLastImport(t.project.db, 99)).toThrow(/no dataset with id 99/);
  });

  it('pages through an import’s issues and exports its rejected rows as spreadsheet-safe CSV', async () => {
    const s = await importRows('mixed.csv', [
      ['A', '05/01/2024', 1000, 2000, 'Burglary'],
      ['=HYPERLINK("x")', '31/02/2024', 1000, 2000, 'Theft'],
      ['C', 'soon', 'abc', 2000, 'Theft other'],
    ]);
    const page = getImportIssues(t.project.db, {
      importId: s.importId!,
      limit: 1,
      offset: 0,
      severity: 'rejected',
    });
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.issues).toHaveLength(1);
    expect(page.issues[0]!.cells).toEqual(['=HYPERLINK("x")', '31/02/2024', '1000', '2000', 'Theft']);
    const { csv: text, rows, fileName } = exportRejectedRows(t.project.db, s.importId!);
    expect(fileName).toBe('mixed-rejected.csv');
    expect(rows).toBe(2);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('row,ref,date,x,y,type,rejected_column,rejected_reason');
    expect(lines[1]!.startsWith(`3,"'=HYPERLINK(""x"")",31/02/2024,1000,2000,Theft,date,`)).toBe(true);
    expect(lines[2]!.startsWith('4,C,soon,abc,2000,Theft other,')).toBe(true);
  });
});
