import { describe, expect, it } from 'vitest';
import { adjustColumn } from '../../../../../shared/analysis/compare/change-tests.js';
import type { RateTestResult } from '../../../../../shared/analysis/compare/poisson-rate-test.js';
import { expectClose } from '../../../expect-close.js';

// Benjamini & Hochberg (1995), section 4: the 15 p-values of the myocardial infarction example.
const PUBLISHED = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
  0.759, 1,
];
// q(i) = min over j ≥ i of 15·p(j)/j, worked by hand (e.g. q(6) = min(0.0695, 0.0638571…) = 0.0638571…).
const HAND_Q = [
  0.0015,
  0.003,
  0.0095,
  0.035625,
  0.0603,
  15 * (0.0298 / 7),
  15 * (0.0298 / 7),
  0.0645,
  0.0765,
  0.486,
  (15 * 0.4262) / 11,
  (15 * 0.5719) / 12,
  (15 * 0.6528) / 13,
  (15 * 0.759) / 14,
  1,
];

function rise(pValue: number): RateTestResult {
  // 9 now against 3 before in equal periods: a rise, whatever p the row carries.
  return {
    current: 9,
    baseline: 3,
    expectedShare: 0.5,
    percentChange: 200,
    pValue,
    alpha: 0.05,
    verdict: pValue < 0.05 ? 'significant increase' : 'no significant change',
  };
}

describe('adjustColumn', () => {
  it('gives the published Benjamini–Hochberg example its hand-worked q-values, p kept beside them', () => {
    const adjusted = adjustColumn(PUBLISHED.map(rise));
    adjusted.forEach((t, i) => {
      expectClose(t!.qValue, HAND_Q[i]!, 1e-12, `q of row ${i}`);
      expect(t!.pValue).toBe(PUBLISHED[i]);
    });
  });

  it('bases the verdict on q: the first four rows stay significant, p = 0.0201 (q = 0.0603) does not', () => {
    const verdicts = adjustColumn(PUBLISHED.map(rise)).map((t) => t!.verdict);
    expect(verdicts.slice(0, 4)).toEqual(Array(4).fill('significant increase'));
    expect(verdicts[4]).toBe('no significant change');
  });

  it('leaves untested (no data) rows null and out of m', () => {
    const adjusted = adjustColumn([rise(0.01), null, rise(0.04), null]);
    expect(adjusted[1]).toBeNull();
    expect(adjusted[3]).toBeNull();
    // m = 2: q = [min(2·0.01/1, 0.04), 2·0.04/2] = [0.02, 0.04].
    expectClose(adjusted[0]!.qValue, 0.02, 1e-12);
    expectClose(adjusted[2]!.qValue, 0.04, 1e-12);
  });
});
