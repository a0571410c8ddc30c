import { describe, expect, it } from 'vitest';
import {
  classThresholds,
  nonZeroStats,
  parseThresholdSpec,
} from '../../../../../shared/analysis/hotspots/thresholds.js';
import { expectClose } from '../../../expect-close.js';

// Non-zero cells: 1, 2, 3, 4, 10 (mean 4, population SD √10); zeros and NaN are ignored.
const values = Float64Array.of(0, 1, 0, 2, 3, Number.NaN, 4, 10, 0);

describe('nonZeroStats', () => {
  it('takes mean, SD and max over the finite non-zero cells only', () => {
    const s = nonZeroStats(values);
    expect(s.nonZeroCells).toBe(5);
    expectClose(s.mean, 4, 1e-15);
    expectClose(s.sd, Math.sqrt((9 + 4 + 1 + 0 + 36) / 5), 1e-15);
    expect(s.max).toBe(10);
  });
});

describe('classThresholds', () => {
  it('gives 1×, 2×, 3× the non-zero mean', () => {
    const t = classThresholds(values, { method: 'mean-multiple', multiples: [3, 1, 2] });
    expect(t.map((c) => c.value)).toEqual([4, 8, 12]);
    expect(t.map((c) => c.label)).toEqual(['1 × mean', '2 × mean', '3 × mean']);
    expect(t.map((c) => c.classIndex)).toEqual([1, 2, 3]);
  });

  it('gives mean + k·SD', () => {
    const t = classThresholds(values, { method: 'mean-sd', k: [1] });
    expectClose(t[0].value, 4 + Math.sqrt(10), 1e-15);
    expect(t[0].label).toBe('mean + 1 SD');
  });

  it('gives type-7 quantiles of the non-zero cells', () => {
    const t = classThresholds(values, { method: 'quantile', probabilities: [0.5, 0.9] });
    // Sorted 1 2 3 4 10: median 3; 0.9 → position 3.6 → 4 + 0.6·6 = 7.6.
    expectClose(t[0].value, 3, 1e-15);
    expectClose(t[1].value, 7.6, 1e-15);
    expect(t.map((c) => c.label)).toEqual(['50th percentile', '90th percentile']);
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
