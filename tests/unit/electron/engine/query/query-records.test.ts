import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undoLastImport } from '../../../../../electron/engine/import/datasets.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { queryRecords, summariseRecords } from '../../../../../electron/engine/query/query-records.js';
import { toEventColumns } from '../../../../../electron/engine/query/to-event-columns.js';
import { dayOf, PRECISION_CODE, wallClockMs } from '../../../../../shared/model/time.js';
import { csv, mapping, NOW_MS, type TempProject, tempProject } from '../import/helpers.js';

let t: TempProject;
beforeEach(() => {
  t = tempProject();
});
afterEach(() => t.cleanup());

const header = ['ref', 'from', 'to', 'x', 'y', 'type', 'where'];
const m = mapping({
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
});

async function load(rows: (string | number)[][], name = 'a.csv') {
  return runImport(t.project.db, {
    filePath: t.file(name, csv([header, ...rows])),
    dataset: 'Burglary',
    mapping: m,
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW_MS,
  });
}

describe('queryRecords', () => {
  it('returns typed, dictionary-encoded columns of the matching points, with lon/lat for the map', async () => {
    await load([
      ['A', '01/03/2024 22:00', '02/03/2024 06:00', 451000, 206000, 'Burglary', 'High St'],
      ['B', '05/03/2024 10:00', '05/03/2024 12:00', 452000, 207000, 'Theft', 'Low St'],
      ['C', '09/03/2024 10:00', '09/03/2024 10:00', 451500, 206500, 'Burglary', 'High St'],
    ]);
    const cols = queryRecords(t.project.db, { categories: ['Burglary'] });
    expect(cols.count).toBe(2);
    expect([...cols.x]).toEqual([451000, 451500]);
    expect(cols.categories).toEqual(['Burglary']);
    expect([...cols.categoryCode]).toEqual([0, 0]);
    expect(cols.locations).toEqual(['High St']);
    // A window whose ends are equal is an exact time.
    expect([...cols.precision]).toEqual([PRECISION_CODE.window, PRECISION_CODE.exact]);
    expect(cols.lon[0]).toBeGreaterThan(-2);
    expect(cols.lon[0]).toBeLessThan(-1);
    const inSquare = queryRecords(t.project.db, {
      area: {
        polygon: [
          [
            [451400, 206400],
            [451600, 206400],
            [451600, 206600],
            [451400, 206600],
            [451400, 206400],
          ],
        ],
      },
    });
    expect(inSquare.count).toBe(1);
    expect(inSquare.x[0]).toBe(451500);
  });

  it('sees new imports and undone imports (the cache reloads when the records change)', async () => {
    const first = await load([
      ['A', '01/03/2024 10:00', '01/03/2024 11:00', 451000, 206000, 'Burglary', 'x'],
    ]);
    expect(queryRecords(t.project.db, {}).count).toBe(1);
    await load([['B', '02/03/2024 10:00', '02/03/2024 11:00', 451000, 206000, 'Burglary', 'x']], 'b.csv');
    expect(queryRecords(t.project.db, {}).count).toBe(2);
    undoLastImport(t.project.db, first.datasetId!);
    expect(queryRecords(t.project.db, {}).count).toBe(1);
  });

  it('summarises by category, month and dataset', async () => {
    await load([
      ['A', '01/03/2024 10:00', '01/03/2024 11:00', 451000, 206000, 'Burglary', 'x'],
      ['B', '02/04/2024 10:00', '02/04/2024 11:00', 451000, 206000, 'Burglary', 'x'],
      ['C', '03/04/2024 10:00', '03/04/2024 11:00', 451000, 206000, 'Theft', 'x'],
    ]);
    const s = summariseRecords(t.project.db, {});
    expect(s).toMatchObject({ total: 3, points: 3, areaOnly: 0 });
    expect(s.byCategory).toEqual([
      { category: 'Burglary', count: 2 },
      { category: 'Theft', count: 1 },
    ]);
    expect(s.byMonth).toEqual([
      { month: '2024-03', count: 1 },
      { month: '2024-04', count: 2 },
    ]);
    expect(s.byDataset).toEqual([{ datasetId: 1, count: 3 }]);
  });
});

describe('toEventColumns', () => {
  it('dates a window by its midpoint or its start (the provenance says which)', async () => {
    await load([['A', '01/03/2024 22:00', '03/03/2024 06:00', 451000, 206000, 'Burglary', 'x']]);
    const cols = queryRecords(t.project.db, {});
    const mid = toEventColumns(cols, { timeBasis: 'midpoint' });
    expect([...mid.events.day]).toEqual([dayOf(wallClockMs(2024, 3, 2, 14))]);
    expect(mid.events.weight).toBeUndefined();
    expect(mid.caveats).toEqual([]);
    expect([...toEventColumns(cols, { timeBasis: 'start' }).events.day]).toEqual([
      dayOf(wallClockMs(2024, 3, 1)),
    ]);
  });

  it('refuses month-only records for day-level methods unless overridden with a reason', async () => {
    await runImport(t.project.db, {
      filePath: t.file(
        'm.csv',
        csv([
          ['Month', 'x', 'y'],
          ['2024-03', 451000, 206000],
        ]),
      ),
      dataset: 'police.uk',
      mapping: mapping({
        fields: { date: 'Month', x: 'x', y: 'y' },
        timeShape: 'month',
        sourceCrs: 'EPSG:27700',
      }),
      projectCrs: 'EPSG:27700',
      pii: [],
      nowMs: NOW_MS,
    });
    const cols = queryRecords(t.project.db, {});
    expect(() => toEventColumns(cols, { timeBasis: 'midpoint' })).toThrow(/1 of 1 records have a month only/);
    expect(() => toEventColumns(cols, { timeBasis: 'midpoint', monthOverride: { reason: '  ' } })).toThrow(
      /month only/,
    );
    const over = toEventColumns(cols, {
      timeBasis: 'midpoint',
      monthOverride: { reason: 'trend view only' },
    });
    expect(over.caveats[0]).toMatch(
      /month-only records were placed on a day \(mid-month\) by analyst override: trend view only/,
    );
    expect(over.events.day[0]).toBe(dayOf(wallClockMs(2024, 3, 16, 12) - 1));
  });
});
