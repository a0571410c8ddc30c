import { describe, expect, it } from 'vitest';
import { describeWhen, groupByPlace, recordFacts } from '../../../../renderer/src/map/identify-list.js';
import type { RecordRow } from '../../../../shared/model/records.js';
import { wallClockMs } from '../../../../shared/model/time.js';

function row(id: number, extra: Partial<RecordRow>): RecordRow {
  return {
    id,
    datasetId: 1,
    x: 451000,
    y: 206000,
    lon: -1.3,
    lat: 51.7,
    areaCode: null,
    fromMs: wallClockMs(2024, 2, 3, 22, 0),
    toMs: wallClockMs(2024, 2, 3, 22, 0),
    precision: 'exact',
    category: 'Burglary',
    subcategory: null,
    weight: 1,
    location: 'High St',
    reference: `R${id}`,
    attrs: {},
    ...extra,
  };
}

describe('groupByPlace', () => {
  it('puts records at the same metre together, oldest first, the largest group first', () => {
    const groups = groupByPlace([
      row(1, { x: 100.2, y: 200.4, fromMs: 5 }),
      row(2, { x: 300, y: 300, location: 'Mill Lane' }),
      row(3, { x: 99.8, y: 199.6, fromMs: 1 }),
    ]);
    expect(groups.map((g) => g.rows.map((r) => r.id))).toEqual([[3, 1], [2]]);
    expect(groups[1]!.location).toBe('Mill Lane');
  });
});

describe('describeWhen', () => {
  it('writes each precision in dd/mm/yyyy with its window', () => {
    expect(describeWhen({ precision: 'exact', fromMs: wallClockMs(2024, 2, 3, 22, 5), toMs: 0 })).toBe(
      '03/02/2024 22:05',
    );
    expect(
      describeWhen({
        precision: 'window',
        fromMs: wallClockMs(2024, 2, 3, 22, 0),
        toMs: wallClockMs(2024, 2, 4, 7, 30),
      }),
    ).toBe('03/02/2024 22:00 – 04/02/2024 07:30 (window)');
    expect(
      describeWhen({
        precision: 'window',
        fromMs: wallClockMs(2024, 2, 3, 9, 0),
        toMs: wallClockMs(2024, 2, 3, 17, 0),
      }),
    ).toBe('03/02/2024 09:00 – 17:00 (window)');
    expect(
      describeWhen({
        precision: 'date',
        fromMs: wallClockMs(2024, 12, 25),
        toMs: wallClockMs(2024, 12, 26) - 1,
      }),
    ).toBe('25/12/2024 (date only)');
    expect(
      describeWhen({
        precision: 'month',
        fromMs: wallClockMs(2024, 2, 1),
        toMs: wallClockMs(2024, 3, 1) - 1,
      }),
    ).toBe('01/02/2024 – 29/02/2024 (month only)');
  });
});

describe('recordFacts', () => {
  it('lists reference, category with sub-category, when, location, dataset and attributes, leaving out empty ones', () => {
    expect(
      recordFacts(row(7, { subcategory: 'Residential', attrs: { Entry: 'rear door' } }), 'Police crimes'),
    ).toEqual([
      ['Reference', 'R7'],
      ['Category', 'Burglary (Residential)'],
      ['When', '03/02/2024 22:00'],
      ['Location', 'High St'],
      ['Dataset', 'Police crimes'],
      ['Entry', 'rear door'],
    ]);
  });
});
