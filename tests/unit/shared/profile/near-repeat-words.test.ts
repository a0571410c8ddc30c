import { describe, expect, it } from 'vitest';
import type { KnoxReport } from '../../../../shared/analysis/knox/knox-report.js';
import type { RiskZoneSummary } from '../../../../shared/api/analysis-api.js';
import {
  nearRepeatDetails,
  nearRepeatHeadline,
  riskZonesOn,
  significantCells,
} from '../../../../shared/profile/near-repeat-words.js';

/**
 * A 3 × 3 report. q and `significant` are given by hand (as the Knox report's BH step would set them):
 * by default q = p and a cell is significant when q < 0.05 and its ratio is above 1.
 */
function report(
  ratio: (number | null)[][],
  pValue: number[][],
  qValue: number[][] = pValue,
  significant: boolean[][] = qValue.map((row, r) => row.map((q, c) => q < 0.05 && (ratio[r]![c] ?? 0) > 1)),
): KnoxReport {
  return {
    events: 100,
    closePairs: 50,
    distanceEdges: [0, 200, 400, null],
    timeEdges: [0, 7, 14, null],
    distanceLabels: ['[0, 200) m', '[200, 400) m', '≥ 400 m'],
    timeLabels: ['[0, 7) days', '[7, 14) days', '≥ 14 days'],
    metric: 'euclidean',
    iterations: 999,
    seed: 1,
    observed: ratio.map((row) => row.map(() => 10)),
    expectedMean: ratio.map((row) => row.map(() => 5)),
    expectedMedian: ratio.map((row) => row.map(() => 5)),
    knoxRatio: ratio,
    knoxRatioMedian: ratio,
    pValue,
    qValue,
    significant,
    reading: 'not a common offender',
    notes: [],
  };
}

const ONES = [
  [1, 1, 1],
  [1, 1, 1],
  [1, 1, 1],
];

describe('nearRepeatHeadline', () => {
  it('says "2.3 times as likely" for a significant first cell of ratio 2 or more, with the ratio and p', () => {
    const r = report(
      [
        [2.31, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[0.001, 0.5, 0.5], ...ONES.slice(1)],
    );
    expect(nearRepeatHeadline(r, 'Burglaries')).toBe(
      'Burglaries within 200 m of each other were 2.3 times as likely as expected to occur within 7 days of each other (Knox ratio 2.31, p = 0.001, q = 0.001 after Benjamini–Hochberg correction across the table’s 9 cells).',
    );
  });

  it('says "25% more likely" for a significant ratio between 1 and 2, never "1.25 times more likely"', () => {
    const r = report(
      [
        [1.25, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[0.005, 0.5, 0.5], ...ONES.slice(1)],
    );
    expect(nearRepeatHeadline(r, 'Burglaries')).toBe(
      'Burglaries within 200 m of each other were 25% more likely than expected to occur within 7 days of each other (Knox ratio 1.25, p = 0.005, q = 0.005 after Benjamini–Hochberg correction across the table’s 9 cells).',
    );
  });

  it('says "no more likely" when p is not below 0.05, and "less likely" for a significant ratio below 1', () => {
    const notSig = report(
      [
        [1.4, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[0.2, 1, 1], ...ONES.slice(1)],
    );
    expect(nearRepeatHeadline(notSig, 'Events')).toContain('were no more likely than expected');
    const less = report(
      [
        [0.6, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[0.01, 1, 1], ...ONES.slice(1)],
    );
    expect(nearRepeatHeadline(less, 'Events')).toContain('were 40% less likely than expected');
  });

  it('writes p below a thousandth as "p < 0.001"', () => {
    const r = report(
      [
        [3, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[0.0001, 1, 1], ...ONES.slice(1)],
    );
    expect(nearRepeatHeadline(r, 'Events')).toContain('(Knox ratio 3.00, p < 0.001, q < 0.001');
  });
});

describe('significance after Benjamini–Hochberg', () => {
  it('says "no more likely" for p = 0.01 whose q is 0.09, and reads significance from the report', () => {
    const r = report(
      [
        [2.5, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[0.01, 1, 1], ...ONES.slice(1)],
      [[0.09, 1, 1], ...ONES.slice(1)],
    );
    expect(nearRepeatHeadline(r, 'Burglaries')).toBe(
      'Burglaries within 200 m of each other were no more likely than expected to occur within 7 days of each other (Knox ratio 2.50, p = 0.010, q = 0.090 after Benjamini–Hochberg correction across the table’s 9 cells).',
    );
    expect(significantCells(r)).toEqual([]);
  });
});

describe('significantCells and nearRepeatDetails', () => {
  it('lists cells with p < 0.05 and ratio > 1, and words the closed ones other than the headline cell', () => {
    const r = report(
      [
        [2, 1.5, 1.2],
        [1.3, 0.8, 1],
        [1, 1, 1.1],
      ],
      [
        [0.001, 0.02, 0.01],
        [0.03, 0.01, 0.5],
        [0.5, 0.5, 0.01],
      ],
    );
    expect(significantCells(r).map((c) => [c.row, c.column])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [2, 2],
    ]);
    expect(nearRepeatDetails(r, 'Burglaries')).toEqual([
      'Burglaries within 200 m of each other and between 7 and 14 days apart: 1.5 times the expected number of pairs (p = 0.020, q = 0.020).',
      'Burglaries between 200 m and 400 m apart and within 7 days of each other: 1.3 times the expected number of pairs (p = 0.030, q = 0.030).',
    ]);
  });
});

describe('riskZonesOn', () => {
  const zone = (recordId: number, eventDate: string, expiresDate: string) =>
    ({ recordId, eventDate, expiresDate }) as RiskZoneSummary;
  const zones = [
    zone(1, '2025-12-26', '2026-01-02'),
    zone(2, '2025-12-30', '2026-01-06'),
    zone(3, '', 'NaN'),
  ];

  it('leaves out zones with broken dates and counts a zone live until the day before its expiry', () => {
    const on = riskZonesOn(zones, '2026-01-02');
    expect(on.zones.map((z) => z.recordId)).toEqual([1, 2]);
    expect(on.live.map((z) => z.recordId)).toEqual([2]);
    expect(on.lastExpiry).toBe('2026-01-06');
    expect(riskZonesOn(zones, '2026-01-06').live).toEqual([]);
  });

  it('counts every zone live when the date is not a date, and has no last expiry without zones', () => {
    expect(riskZonesOn(zones, '').live.map((z) => z.recordId)).toEqual([1, 2]);
    expect(riskZonesOn([], '2026-01-01')).toEqual({ zones: [], live: [], lastExpiry: null });
  });
});
