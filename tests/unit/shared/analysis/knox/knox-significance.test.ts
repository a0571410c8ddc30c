import { describe, expect, it } from 'vitest';
import { KNOX_READING, knoxSignificance } from '../../../../../shared/analysis/knox/knox-significance.js';

describe('knoxSignificance', () => {
  it('gives Benjamini–Hochberg q-values across the cells, as worked by hand', () => {
    // p sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m·p/rank = 0.02, 0.02, 0.04, 0.04;
    // running minimum from the largest rank down: 0.04, 0.04, 0.02, 0.02.
    const { qValue } = knoxSignificance(
      [
        [0.01, 0.04],
        [0.03, 0.005],
      ],
      [
        [2, 2],
        [2, 2],
      ],
    );
    expect(qValue[0][0]).toBeCloseTo(0.02, 12);
    expect(qValue[0][1]).toBeCloseTo(0.04, 12);
    expect(qValue[1][0]).toBeCloseTo(0.04, 12);
    expect(qValue[1][1]).toBeCloseTo(0.02, 12);
  });

  it('calls a cell significant only when q < 0.05 and the ratio is above 1.00', () => {
    const { significant } = knoxSignificance(
      [
        [0.01, 0.04],
        [0.03, 0.005],
      ],
      [
        [2.0, 1.5],
        [0.8, 1.004],
      ],
    );
    // (1,0): fewer pairs than expected; (1,1): q = 0.02 but a ratio that reads 1.00.
    expect(significant).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('never calls a ratio of exactly 1 significant, however small its p', () => {
    const { significant } = knoxSignificance([[0.001]], [[1]]);
    expect(significant).toEqual([[false]]);
  });

  it('leaves a cell with no ratio (nothing expected) unsignificant', () => {
    expect(knoxSignificance([[0.001]], [[null]]).significant).toEqual([[false]]);
  });

  it('drops cells whose unadjusted p < 0.05 when the correction over the table lifts q to 0.05 or more', () => {
    // p 0.04, 0.045, 0.5, 0.6: m·p/rank = 0.16, 0.09, 0.667, 0.6 → q = 0.09, 0.09, 0.6, 0.6.
    const { qValue, significant } = knoxSignificance(
      [
        [0.04, 0.045],
        [0.5, 0.6],
      ],
      [
        [3, 3],
        [3, 3],
      ],
    );
    expect(qValue[0][0]).toBeCloseTo(0.09, 12);
    expect(qValue[1][0]).toBeCloseTo(0.6, 12);
    expect(significant.flat()).toEqual([false, false, false, false]);
  });

  it('says Knox is clustering in space and time, not a common offender', () => {
    expect(KNOX_READING).toMatch(/chance/);
    expect(KNOX_READING).toMatch(/does not show that one offender/);
  });

  it('refuses a ratio table of another shape', () => {
    expect(() => knoxSignificance([[0.1, 0.2]], [[1]])).toThrow(RangeError);
  });
});
