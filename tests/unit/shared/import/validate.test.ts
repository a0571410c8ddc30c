import { describe, expect, it } from 'vitest';
import { makeTransform } from '../../../../shared/crs/transform.js';
import type { ColumnMapping } from '../../../../shared/import/mapping.js';
import { createRowValidator, tallyOutcome } from '../../../../shared/import/validate.js';
import type { RowOutcome, RowValidatorOptions } from '../../../../shared/import/validate-types.js';
import { MS_PER_DAY } from '../../../../shared/model/time.js';

const NOW = Date.UTC(2024, 5, 15, 12, 0); // 15/06/2024 12:00
const options: RowValidatorOptions = { nowMs: NOW, projectCrs: 'EPSG:27700' };

function mapping(partial: Partial<ColumnMapping>): ColumnMapping {
  return {
    fields: {},
    dateFormat: 'dmy',
    timeShape: 'datetime',
    sourceCrs: 'EPSG:27700',
    excluded: [],
    swapSuspectedCoordinates: false,
    preset: null,
    ...partial,
  };
}

const H = ['Ref', 'When', 'E', 'N', 'Type', 'Where', 'KSI', 'Notes'];
const M = mapping({
  fields: {
    reference: 'Ref',
    date: 'When',
    x: 'E',
    y: 'N',
    category: 'Type',
    location: 'Where',
    weight: 'KSI',
  },
});

function row(over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    Ref: 'C1',
    When: '01/03/2024 10:30',
    E: '430000',
    N: '433000',
    Type: 'Burglary',
    Where: 'High Street',
    KSI: '',
    Notes: 'kept',
  };
  return H.map((h) => over[h] ?? base[h]!);
}

function rejected(outcome: RowOutcome) {
  expect(outcome.status).toBe('rejected');
  return outcome.issues;
}

describe('createRowValidator — accepted rows', () => {
  it('builds a NormalizedRecord: BNG kept, lon/lat from the inverse transform, exact time, weight 1, attrs', () => {
    const outcome = createRowValidator(M, H, options)(row(), 2);
    expect(outcome.status).toBe('accepted');
    const r = outcome.record!;
    expect([r.x, r.y]).toEqual([430000, 433000]);
    const [lon, lat] = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84(430000, 433000);
    expect([r.lon, r.lat]).toEqual([lon, lat]);
    expect(r.fromMs).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(r.toMs).toBe(r.fromMs);
    expect(r.precision).toBe('exact');
    expect(r).toMatchObject({
      reference: 'C1',
      category: 'Burglary',
      location: 'High Street',
      weight: 1,
      rowNumber: 2,
    });
    expect(r.attrs).toEqual({ Notes: 'kept' });
    expect(outcome.issues).toEqual([]);
  });

  it('drops excluded columns from attrs', () => {
    const outcome = createRowValidator({ ...M, excluded: ['Notes'] }, H, options)(row(), 2);
    expect(outcome.record!.attrs).toEqual({});
  });

  it('reads a weight such as a KSI count, including 0', () => {
    const v = createRowValidator(M, H, options);
    expect(v(row({ KSI: '3' }), 2).record!.weight).toBe(3);
    expect(v(row({ KSI: '0', Ref: 'C2' }), 3).record!.weight).toBe(0);
  });

  it('projects WGS84 lon/lat into BNG', () => {
    const h = ['lon', 'lat', 'd'];
    const m = mapping({
      fields: { lon: 'lon', lat: 'lat', date: 'd' },
      sourceCrs: 'EPSG:4326',
      timeShape: 'date',
    });
    const r = createRowValidator(m, h, options)(['-1.548', '53.801', '01/03/2024'], 2).record!;
    const [x, y] = makeTransform('EPSG:4326', 'EPSG:27700').toProject(-1.548, 53.801);
    expect([r.x, r.y, r.lon, r.lat]).toEqual([x, y, -1.548, 53.801]);
    expect(r.precision).toBe('date');
    expect(r.toMs - r.fromMs).toBe(MS_PER_DAY - 1);
  });

  it('keeps area-only records without inventing a point, upper-casing the code', () => {
    const h = ['District', 'Admission Date'];
    const m = mapping({
      fields: { area: 'District', date: 'Admission Date' },
      sourceCrs: null,
      timeShape: 'date',
    });
    const r = createRowValidator(m, h, options)([' ls6 ', '02/03/2024'], 2).record!;
    expect(r).toMatchObject({ x: null, y: null, lon: null, lat: null, areaCode: 'LS6', precision: 'date' });
  });
});

describe('createRowValidator — time shapes', () => {
  const h = ['d', 't', 'from', 'to', 'E', 'N'];
  const base = { x: 'E', y: 'N' } as const;
  const cells = (d: string, t: string, from: string, to: string) => [d, t, from, to, '430000', '433000'];

  it('date+time: joins the two columns; an empty time leaves the whole day', () => {
    const v = createRowValidator(
      mapping({ fields: { ...base, date: 'd', time: 't' }, timeShape: 'date+time' }),
      h,
      options,
    );
    expect(v(cells('01/03/2024', '2230', '', ''), 2).record!.fromMs).toBe(Date.UTC(2024, 2, 1, 22, 30));
    const dayOnly = v(cells('01/03/2024', '', '', ''), 3).record!;
    expect([dayOnly.precision, dayOnly.toMs - dayOnly.fromMs]).toEqual(['date', MS_PER_DAY - 1]);
  });

  it('window: from/to with times → precision window, inclusive end; equal ends → exact', () => {
    const v = createRowValidator(
      mapping({ fields: { ...base, date_from: 'from', date_to: 'to' }, timeShape: 'window' }),
      h,
      options,
    );
    const r = v(cells('', '', '01/03/2024 18:00', '02/03/2024 08:00'), 2).record!;
    expect([r.fromMs, r.toMs, r.precision]).toEqual([
      Date.UTC(2024, 2, 1, 18),
      Date.UTC(2024, 2, 2, 8),
      'window',
    ]);
    expect(v(cells('', '', '01/03/2024 18:00', '01/03/2024 18:00'), 3).record!.precision).toBe('exact');
    const dates = v(cells('', '', '01/03/2024', '03/03/2024'), 4).record!;
    expect(dates.toMs).toBe(Date.UTC(2024, 2, 4) - 1);
    const noTo = v(cells('', '', '01/03/2024 18:00', ''), 5).record!;
    expect(noTo.precision).toBe('exact');
  });

  it('window: to before from is rejected; a window over 31 days is accepted with a warning', () => {
    const v = createRowValidator(
      mapping({ fields: { ...base, date_from: 'from', date_to: 'to' }, timeShape: 'window' }),
      h,
      options,
    );
    const issues = rejected(v(cells('', '', '05/03/2024', '04/03/2024'), 2));
    expect(issues[0]).toMatchObject({
      column: 'to',
      value: '04/03/2024',
      reason: 'date_to 04/03/2024 is before date_from 05/03/2024',
    });
    const long = v(cells('', '', '01/01/2024', '15/02/2024'), 3);
    expect(long.status).toBe('accepted');
    expect(long.issues[0]).toMatchObject({ severity: 'warning', column: 'from' });
    expect(long.issues[0]!.reason).toMatch(/longer than 31 days/);
    const v7 = createRowValidator(
      mapping({ fields: { ...base, date_from: 'from', date_to: 'to' }, timeShape: 'window' }),
      h,
      { ...options, maxWindowDays: 7 },
    );
    expect(v7(cells('', '', '01/03/2024', '10/03/2024'), 2).issues[0]!.reason).toMatch(/longer than 7 days/);
  });

  it('date: widens a date-time to its whole day (exports write 00:00 for unknown times)', () => {
    const v = createRowValidator(mapping({ fields: { ...base, date: 'd' }, timeShape: 'date' }), h, options);
    const r = v(cells('01/03/2024 00:00', '', '', ''), 2).record!;
    expect([r.fromMs, r.toMs, r.precision]).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 2) - 1, 'date']);
  });

  it('month: police.uk 2017-04 is the whole of April 2017', () => {
    const v = createRowValidator(
      mapping({ fields: { ...base, date: 'd' }, timeShape: 'month', dateFormat: 'iso' }),
      h,
      options,
    );
    const r = v(cells('2017-04', '', '', ''), 2).record!;
    expect([r.fromMs, r.toMs, r.precision]).toEqual([
      Date.UTC(2017, 3, 1),
      Date.UTC(2017, 4, 1) - 1,
      'month',
    ]);
  });

  it('rejects future dates (after the injected now), impossible dates and missing dates, naming the column', () => {
    const v = createRowValidator(M, H, options);
    expect(rejected(v(row({ When: '16/06/2024' }), 2))[0]).toMatchObject({
      column: 'When',
      value: '16/06/2024',
      reason: '16/06/2024 is in the future (after the import date 2024-06-15)',
    });
    expect(v(row({ When: '15/06/2024 11:00' }), 3).status).toBe('accepted');
    expect(rejected(v(row({ When: '31/02/2024' }), 4))[0]!.reason).toBe(
      '31/02/2024 is not a real date; expected dd/mm/yyyy',
    );
    expect(rejected(v(row({ When: '' }), 5))[0]!.reason).toBe('missing date; expected dd/mm/yyyy');
  });
});

describe('createRowValidator — coordinates', () => {
  const h = ['lon', 'lat', 'd'];
  const lonlat = mapping({ fields: { lon: 'lon', lat: 'lat', date: 'd' }, sourceCrs: 'EPSG:4326' });
  const at = (lon: string, lat: string, opts = options, m = lonlat) =>
    createRowValidator(m, h, opts)([lon, lat, '01/03/2024'], 7);

  it('rejects 0,0 as not a real location', () => {
    expect(rejected(at('0', '0'))[0]).toMatchObject({
      rowNumber: 7,
      column: 'lon',
      value: '0,0',
      reason: expect.stringMatching(/^0,0 is not a real location/),
    });
  });

  it('rejects missing and unparsable coordinates, naming the column', () => {
    expect(rejected(at('', ''))[0]!.reason).toMatch(/missing coordinates/);
    expect(rejected(at('-1.5', ''))[0]).toMatchObject({ column: 'lat', reason: 'missing lat' });
    expect(rejected(at('NaN', '53'))[0]).toMatchObject({
      column: 'lon',
      reason: 'lon "NaN" is not a number',
    });
    expect(rejected(at('-1.5', 'Infinity'))[0]!.reason).toBe('lat "Infinity" is not a number');
    expect(rejected(at('0x10', '53'))[0]!.reason).toMatch(/not a number/);
  });

  it('rejects swapped lat/lon by default, and swaps them with a warning when the analyst chose so', () => {
    expect(rejected(at('53.8', '-1.5'))[0]!.reason).toMatch(/look swapped/);
    const swapped = at('53.8', '-1.5', options, { ...lonlat, swapSuspectedCoordinates: true });
    expect(swapped.status).toBe('accepted');
    expect([swapped.record!.lon, swapped.record!.lat]).toEqual([-1.5, 53.8]);
    expect(swapped.issues[0]).toMatchObject({
      severity: 'warning',
      reason: expect.stringMatching(/were swapped, as chosen/),
    });
  });

  it('rejects points outside the project CRS area (Paris, lat 95)', () => {
    expect(rejected(at('2.35', '48.85'))[0]!.reason).toMatch(/outside the area EPSG:27700 covers/);
    expect(rejected(at('-1.5', '95'))[0]!.reason).toMatch(/outside the area/);
  });

  it('warns about a point far from the expected extent', () => {
    const [x, y] = makeTransform('EPSG:4326', 'EPSG:27700').toProject(-1.548, 53.801);
    const extent = { minX: x - 1000, maxX: x + 1000, minY: y - 1000, maxY: y + 1000 };
    expect(at('-1.548', '53.801', { ...options, expectedExtent: extent }).issues).toEqual([]);
    const far = at('-2.5', '51.5', { ...options, expectedExtent: extent });
    expect(far.status).toBe('accepted');
    expect(far.issues[0]!.reason).toMatch(/far from the rest of the data/);
  });
});

describe('createRowValidator — other checks', () => {
  it('rejects a repeated reference within the file, naming the first row, and keeps the first', () => {
    const v = createRowValidator(M, H, options);
    expect(v(row({ Ref: 'A1' }), 2).status).toBe('accepted');
    expect(rejected(v(row({ Ref: 'A1' }), 3))[0]).toMatchObject({
      column: 'Ref',
      value: 'A1',
      reason: 'reference A1 repeats row 2 of this file',
    });
    expect(v(row({ Ref: '' }), 4).status).toBe('accepted');
    expect(v(row({ Ref: '' }), 5).status).toBe('accepted');
  });

  it('does not count a rejected row’s reference as seen', () => {
    const v = createRowValidator(M, H, options);
    expect(v(row({ Ref: 'B1', E: 'x' }), 2).status).toBe('rejected');
    expect(v(row({ Ref: 'B1' }), 3).status).toBe('accepted');
  });

  it('rejects a non-numeric or negative weight', () => {
    const v = createRowValidator(M, H, options);
    expect(rejected(v(row({ KSI: 'two' }), 2))[0]!.reason).toBe('weight "two" is not a number');
    expect(rejected(v(row({ KSI: '-1', Ref: 'C9' }), 3))[0]!.reason).toMatch(/negative/);
  });

  it('keeps formula-like display text as text, with a warning', () => {
    const outcome = createRowValidator(M, H, options)(row({ Where: '=HYPERLINK("http://evil")' }), 2);
    expect(outcome.status).toBe('accepted');
    expect(outcome.record!.location).toBe('=HYPERLINK("http://evil")');
    expect(outcome.issues[0]).toMatchObject({ column: 'Where', severity: 'warning' });
  });

  it('rejects a row whose cell count differs from the header', () => {
    expect(rejected(createRowValidator(M, H, options)(['C1', '01/03/2024'], 9))[0]!.reason).toBe(
      'row has 2 cells but the header has 8 (a stray delimiter or quote?)',
    );
  });

  it('reports several problems of one row together', () => {
    const issues = rejected(
      createRowValidator(M, H, options)(row({ E: 'x', When: '31/02/2024', KSI: '-2' }), 2),
    );
    expect(issues.map((i) => i.column)).toEqual(['E', 'When', 'KSI']);
  });

  it('refuses a mapping that does not fit the headers, up front', () => {
    expect(() =>
      createRowValidator(mapping({ fields: { x: 'E', y: 'Nope', date: 'When' } }), H, options),
    ).toThrow(/"Nope", which is not a column/);
  });

  it('tallies outcomes into read / accepted / warned / rejected', () => {
    const v = createRowValidator(M, H, options);
    const counts = { read: 0, accepted: 0, warned: 0, rejected: 0 };
    tallyOutcome(counts, v(row({ Ref: '1' }), 2));
    tallyOutcome(counts, v(row({ Ref: '2', Where: '=x' }), 3));
    tallyOutcome(counts, v(row({ Ref: '3', E: '' }), 4));
    expect(counts).toEqual({ read: 3, accepted: 2, warned: 1, rejected: 1 });
  });
});
