import { describe, expect, it } from 'vitest';
import { knoxStatistics } from '../../../../../shared/analysis/knox/knox-statistics.js';

describe('knoxStatistics', () => {
  it('computes mean, median (mean of the middle two), ratios and p-values with ties counted', () => {
    // Two cells, four iterations. Cell 0: sims 1, 3, 2, 4 (observed 3); cell 1: sims 0, 0, 0, 0 (observed 2).
    const observed = Float64Array.from([3, 2]);
    const simulated = Float64Array.from([1, 0, 3, 0, 2, 0, 4, 0]);
    const s = knoxStatistics(observed, simulated, 4);
    expect(s.expectedMean[0]).toBe(2.5);
    expect(s.expectedMedian[0]).toBe(2.5);
    expect(s.knoxRatio[0]).toBe(1.2);
    expect(s.knoxRatioMedian[0]).toBe(1.2);
    // sims ≥ 3: 3 and 4 → (1 + 2) / 5.
    expect(s.pValue[0]).toBe(0.6);
    expect(s.expectedMean[1]).toBe(0);
    expect(s.knoxRatio[1]).toBe(Infinity);
    expect(s.pValue[1]).toBe(0.2);
  });

  it('gives NaN for 0 observed over 0 expected and takes the middle value of an odd count', () => {
    const s = knoxStatistics(Float64Array.from([0]), Float64Array.from([0, 0, 0]), 3);
    expect(s.knoxRatio[0]).toBeNaN();
    expect(s.pValue[0]).toBe(1);
    const t = knoxStatistics(Float64Array.from([5]), Float64Array.from([9, 1, 4]), 3);
    expect(t.expectedMedian[0]).toBe(4);
  });

  it('refuses a simulated array of the wrong size', () => {
    expect(() => knoxStatistics(Float64Array.from([1, 2]), Float64Array.from([1, 2, 3]), 2)).toThrow(
      RangeError,
    );
  });
});
