import { describe, expect, it } from 'vitest';
import { recordRows, recordsCsv, sortRows } from '../../../../renderer/src/panels/records-rows.js';
import type { RecordColumns } from '../../../../shared/model/records.js';
import { PRECISION_CODE, wallClockMs } from '../../../../shared/model/time.js';

/** Three records: ids 7, 3, 9 in datasets 1, 2, 1. */
function columns(): RecordColumns {
  return {
    count: 3,
    id: Float64Array.from([7, 3, 9]),
    datasetId: Int32Array.from([1, 2, 1]),
    x: Float64Array.from([100, 200, 300]),
    y: Float64Array.from([10, 20, 30]),
    lon: Float64Array.from([-2.4, -2.41, -2.42]),
    lat: Float64Array.from([53.9, 53.91, 53.92]),
    fromMs: Float64Array.from([
      wallClockMs(2025, 3, 2, 22),
      wallClockMs(2025, 1, 1),
      wallClockMs(2025, 2, 1),
    ]),
    toMs: Float64Array.from([wallClockMs(2025, 3, 2, 22), wallClockMs(2025, 1, 2), wallClockMs(2025, 3, 1)]),
    precision: Uint8Array.from([PRECISION_CODE.exact, PRECISION_CODE.date, PRECISION_CODE.month]),
    weight: Float64Array.from([1, 1, 1]),
    categoryCode: Int32Array.from([0, 1, 0]),
    categories: ['Burglary', '=Robbery'],
    subcategoryCode: Int32Array.from([0, -1, -1]),
    subcategories: ['Residential'],
    locationCode: Int32Array.from([0, 1, 0]),
    locations: ['On or near Oak Drive', 'Market Street, north side'],
  };
}

const names = (id: number) => (id === 1 ? 'Police crimes' : 'ASB');

describe('recordRows', () => {
  it('reads each record with its dataset, category, UK date and location', () => {
    const rows = recordRows(columns(), names);
    expect(rows.map((r) => [r.id, r.dataset, r.category, r.subcategory, r.when, r.location])).toEqual([
      [7, 'Police crimes', 'Burglary', 'Residential', '02/03/2025 22:00', 'On or near Oak Drive'],
      [3, 'ASB', '=Robbery', '', '01/01/2025 (date only)', 'Market Street, north side'],
      [9, 'Police crimes', 'Burglary', '', '01/02/2025 – 01/03/2025 (month only)', 'On or near Oak Drive'],
    ]);
  });
});

describe('sortRows', () => {
  const rows = recordRows(columns(), names);
  it('sorts by date, number or text, either way', () => {
    expect(sortRows(rows, 'fromMs', false).map((r) => r.id)).toEqual([3, 9, 7]);
    expect(sortRows(rows, 'fromMs', true).map((r) => r.id)).toEqual([7, 9, 3]);
    expect(sortRows(rows, 'id', false).map((r) => r.id)).toEqual([3, 7, 9]);
    expect(sortRows(rows, 'dataset', false).map((r) => r.id)).toEqual([3, 7, 9]);
  });

  it('breaks ties by record number whichever the direction', () => {
    // Collation puts the symbol first ("=Robbery" < "Burglary"); the two burglaries stay 7 then 9.
    expect(sortRows(rows, 'category', false).map((r) => r.id)).toEqual([3, 7, 9]);
    expect(sortRows(rows, 'category', true).map((r) => r.id)).toEqual([7, 9, 3]);
    expect(sortRows(rows, 'location', true).map((r) => r.id)).toEqual([7, 9, 3]);
  });
});

describe('recordsCsv', () => {
  it('writes a BOM, the header, one line per record, with the export escaping rule', () => {
    const csv = recordsCsv(sortRows(recordRows(columns(), names), 'id', false));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFrecord,dataset,category,subcategory,when,location,x,y',
      // A formula-like category is made inert; a comma in a location is quoted.
      `3,ASB,'=Robbery,,01/01/2025 (date only),"Market Street, north side",200,20`,
      '7,Police crimes,Burglary,Residential,02/03/2025 22:00,On or near Oak Drive,100,10',
      '9,Police crimes,Burglary,,01/02/2025 – 01/03/2025 (month only),On or near Oak Drive,300,30',
    ]);
  });
});
