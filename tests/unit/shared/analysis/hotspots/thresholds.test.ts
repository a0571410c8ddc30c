import { describe, expect, it } from 'vitest';
import {
  classThresholds,
  nonZeroStats,
  parseThresholdSpec,
  surfaceStats,
} from '../../../../../shared/analysis/hotspots/thresholds.js';
import { expectClose } from '../../../expect-close.js';

// A 3 × 3 grid with one NODATA cell (outside the clip). Study-area cells: the 8 finite ones,
// 0 1 0 2 3 4 10 0: sum 20, mean 2.5; squared deviations 6.25·3 + 2.25 + 0.25 + 0.25 + 2.25 + 56.25
// = 80, population SD √(80/8) = √10. Non-zero cells: 1, 2, 3, 4, 10 (mean 4, SD √10 as well).
const values = Float64Array.of(0, 1, 0, 2, 3, Number.NaN, 4, 10, 0);

describe('surfaceStats', () => {
  it('takes mean, SD and max over every finite cell of the study area, zeros included, NaN left out', () => {
    const s = surfaceStats(values);
    expect(s.cells).toBe('study-area');
    expect(s.cellCount).toBe(8);
    expect(s.nonZeroCells).toBe(5);
    expectClose(s.mean, 2.5, 1e-15);
    expectClose(s.sd, Math.sqrt(10), 1e-15);
    expect(s.max).toBe(10);
  });
});

describe('classThresholds over the study area (default)', () => {
  it('gives 1×, 2×, 3× the mean of all study-area cells', () => {
    const t = classThresholds(values, { method: 'mean-multiple', multiples: [3, 1, 2] });
    expect(t.map((c) => c.value)).toEqual([2.5, 5, 7.5]);
    expect(t.map((c) => c.label)).toEqual(['1 × mean', '2 × mean', '3 × mean']);
  });

  it('gives mean + k·SD of all study-area cells', () => {
    const t = classThresholds(values, { method: 'mean-sd', k: [1] });
    expectClose(t[0].value, 2.5 + Math.sqrt(10), 1e-15);
  });

  it('gives type-7 quantiles of all study-area cells', () => {
    // Sorted 0 0 0 1 2 3 4 10: median at position 3.5 → 1.5; 0.9 at 6.3 → 4 + 0.3·6 = 5.8.
    const t = classThresholds(values, { method: 'quantile', probabilities: [0.5, 0.9] });
    expectClose(t[0].value, 1.5, 1e-15);
    expectClose(t[1].value, 5.8, 1e-15);
  });
});

describe('nonZeroStats', () => {
  it('takes mean, SD and max over the finite non-zero cells only', () => {
    const s = nonZeroStats(values);
    expect(s.nonZeroCells).toBe(5);
    expectClose(s.mean, 4, 1e-15);
    expectClose(s.sd, Math.sqrt((9 + 4 + 1 + 0 + 36) / 5), 1e-15);
    expect(s.max).toBe(10);
  });
});

describe("classThresholds over the non-zero cells (cells: 'non-zero')", () => {
  it('gives 1×, 2×, 3× the non-zero mean and says so in the label', () => {
    const t = classThresholds(values, { method: 'mean-multiple', multiples: [3, 1, 2], cells: 'non-zero' });
    expect(t.map((c) => c.value)).toEqual([4, 8, 12]);
    expect(t.map((c) => c.label)).toEqual([
      '1 × mean (non-zero cells)',
      '2 × mean (non-zero cells)',
      '3 × mean (non-zero cells)',
    ]);
    expect(t.map((c) => c.classIndex)).toEqual([1, 2, 3]);
  });

  it('gives mean + k·SD', () => {
    const t = classThresholds(values, { method: 'mean-sd', k: [1], cells: 'non-zero' });
    expectClose(t[0].value, 4 + Math.sqrt(10), 1e-15);
    expect(t[0].label).toBe('mean + 1 SD (non-zero cells)');
  });

  it('gives type-7 quantiles of the non-zero cells', () => {
    const t = classThresholds(values, { method: 'quantile', probabilities: [0.5, 0.9], cells: 'non-zero' });
    // Sorted 1 2 3 4 10: median 3; 0.9 → position 3.6 → 4 + 0.6·6 = 7.6.
    expectClose(t[0].value, 3, 1e-15);
    expectClose(t[1].value, 7.6, 1e-15);
    expect(t.map((c) => c.label)).toEqual([
      '50th percentile (non-zero cells)',
      '90th percentile (non-zero cells)',
    ]);
  });

  it('finds natural breaks between obvious groups', () => {
    const grouped = Float64Array.of(1, 1.1, 0.9, 5, 5.2, 4.9, 20, 21, 0, 0);
    const t = classThresholds(grouped, { method: 'natural-breaks', classes: 3 });
    expect(t.map((c) => c.value)).toEqual([4.9, 20]);
  });

  it('refuses an all-zero surface', () => {
    expect(() => classThresholds(new Float64Array(4), { method: 'mean-multiple', multiples: [1] })).toThrow(
      /no non-zero cell/,
    );
  });
});

describe('parseThresholdSpec', () => {
  it('parses the CLI forms', () => {
    expect(parseThresholdSpec('mean-multiple:2')).toEqual({ method: 'mean-multiple', multiples: [2] });
    expect(parseThresholdSpec('mean-sd:1,2')).toEqual({ method: 'mean-sd', k: [1, 2] });
    expect(parseThresholdSpec('quantile:0.9,0.99')).toEqual({
      method: 'quantile',
      probabilities: [0.9, 0.99],
    });
    expect(parseThresholdSpec('natural-breaks:5')).toEqual({ method: 'natural-breaks', classes: 5 });
  });

  it('refuses unknown methods and out-of-range values with a message', () => {
    expect(() => parseThresholdSpec('median:2')).toThrow(/threshold method must be/);
    expect(() => parseThresholdSpec('quantile:1.5')).toThrow(
      'probabilities must be between 0 and 1, got 1.5',
    );
    expect(() => parseThresholdSpec('mean-multiple:')).toThrow(/needs numbers/);
  });
});
