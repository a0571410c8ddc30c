import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { queryRecords, summariseRecords } from '../../../../../electron/engine/query/query-records.js';
import { filterRecords, recordSnapshot } from '../../../../../electron/engine/query/record-selection.js';
import { hourWeekOf } from '../../../../../shared/analysis/aoristic/hour-week.js';
import { gatherColumns } from '../../../../../shared/model/gather-columns.js';
import { maskPositions } from '../../../../../shared/model/point-mask.js';
import { csv, mapping, NOW_MS, type TempProject, tempProject } from '../import/helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const header = ['ref', 'from', 'to', 'x', 'y', 'type', 'where'];
const rows: (string | number)[][] = [
  ['A', '01/03/2024 22:00', '02/03/2024 06:00', 451000, 206000, 'Burglary', 'High St'],
  ['B', '05/03/2024 10:00', '05/03/2024 12:00', 452000, 207000, 'Theft', 'Low St'],
  ['C', '09/03/2024 10:00', '09/03/2024 10:00', 451500, 206500, 'Burglary', 'High St'],
  ['D', '12/04/2024 01:00', '12/04/2024 01:00', 451700, 206100, 'Criminal damage', 'Mill Lane'],
];

async function load(): Promise<void> {
  await runImport(t.project.db, {
    filePath: t.file('a.csv', csv([header, ...rows])),
    dataset: 'Crimes',
    mapping: mapping({
      fields: {
        reference: 'ref',
        date_from: 'from',
        date_to: 'to',
        x: 'x',
        y: 'y',
        category: 'type',
        location: 'where',
      },
      timeShape: 'window',
      sourceCrs: 'EPSG:27700',
    }),
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW_MS,
  });
}

describe('recordSnapshot and filterRecords', () => {
  it('snapshot holds every point; a category filter keeps the bits of its records only', async () => {
    await load();
    const snapshot = recordSnapshot(t.project.db);
    expect(snapshot.columns.count).toBe(4);
    const selection = filterRecords(t.project.db, { categories: ['Burglary'] });
    expect(selection.version).toBe(snapshot.version);
    // Rows 0 and 2 of the snapshot (A and C), in import order: bits 0 and 2 of byte 0.
    expect([...selection.mask]).toEqual([0b101]);
    expect(selection.summary.total).toBe(2);
    // The checkbox list counts every category under the rest of the filter.
    expect(selection.categories.map((c) => [c.category, c.count])).toEqual([
      ['Burglary', 2],
      ['Criminal damage', 1],
      ['Theft', 1],
    ]);
  });

  it('gathers from the snapshot the same columns, counts and hour table as the direct queries', async () => {
    await load();
    const snapshot = recordSnapshot(t.project.db);
    for (const filter of [{}, { categories: ['Burglary', 'Theft'] }, { hours: [10] }, { categories: [] }]) {
      const selection = filterRecords(t.project.db, filter);
      const gathered = gatherColumns(snapshot.columns, maskPositions(selection.mask, snapshot.columns.count));
      const direct = queryRecords(t.project.db, filter);
      expect([...gathered.id]).toEqual([...direct.id]);
      expect(gathered.categories).toEqual(direct.categories);
      expect([...gathered.categoryCode]).toEqual([...direct.categoryCode]);
      expect(gathered.locations).toEqual(direct.locations);
      expect(selection.summary).toEqual(summariseRecords(t.project.db, filter));
      expect(selection.hourWeek).toEqual(hourWeekOf(direct));
    }
  });

  it('names a newer records version after another import', async () => {
    await load();
    const before = recordSnapshot(t.project.db).version;
    await runImport(t.project.db, {
      filePath: t.file(
        'b.csv',
        csv([header, ['E', '01/05/2024 10:00', '01/05/2024 10:00', 451000, 206000, 'Theft', 'x']]),
      ),
      dataset: 'More',
      mapping: mapping({
        fields: { reference: 'ref', date_from: 'from', date_to: 'to', x: 'x', y: 'y', category: 'type' },
        timeShape: 'window',
        sourceCrs: 'EPSG:27700',
      }),
      projectCrs: 'EPSG:27700',
      pii: [],
      nowMs: NOW_MS,
    });
    const selection = filterRecords(t.project.db, {});
    expect(selection.version).toBeGreaterThan(before);
    expect(maskPositions(selection.mask, 5).length).toBe(5);
  });
});
