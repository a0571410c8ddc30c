import { describe, expect, it } from 'vitest';
import {
  binomialTwoSidedP,
  poissonRateTest,
} from '../../../../../shared/analysis/compare/poisson-rate-test.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

/** Brute force: binomial pmf by the multiplicative formula, then R's minimum-likelihood rule. */
function bruteForceP(x: number, n: number, p: number): number {
  const pmf: number[] = [];
  for (let k = 0; k <= n; k++) {
    let c = 1;
    for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
    pmf.push(c * p ** k * (1 - p) ** (n - k));
  }
  const d = pmf[x] * (1 + 1e-7);
  return Math.min(
    1,
    pmf.filter((v) => v <= d).reduce((s, v) => s + v, 0),
  );
}

describe('poissonRateTest', () => {
  it('gives 10 vs 2 in equal periods p = 2·79/4096 = 0.03857421875, a significant increase of 400%', () => {
    const r = poissonRateTest(10, 2);
    expectClose(r.pValue, 0.03857421875, 1e-12);
    expect(r.verdict).toBe('significant increase');
    expectClose(r.percentChange!, 400, 1e-12);
    expect(r.alpha).toBe(0.05);
  });

  it('gives 2 vs 10 the same p-value and calls it a significant decrease of 80%', () => {
    const r = poissonRateTest(2, 10);
    expectClose(r.pValue, 0.03857421875, 1e-12);
    expect(r.verdict).toBe('significant decrease');
    expectClose(r.percentChange!, -80, 1e-12);
  });

  it('gives 0 vs 5 p = 2/32 = 0.0625: no significant change at 0.05, though it is at 0.1', () => {
    expectClose(poissonRateTest(0, 5).pValue, 0.0625, 1e-12);
    expect(poissonRateTest(0, 5).verdict).toBe('no significant change');
    expect(poissonRateTest(0, 5, 1, 1, 0.1).verdict).toBe('significant decrease');
  });

  it('gives 5 vs 5 p = 1 and 0 vs 0 p = 1 with no percent change for a zero baseline', () => {
    expect(poissonRateTest(5, 5).pValue).toBe(1);
    const zero = poissonRateTest(0, 0);
    expect(zero.pValue).toBe(1);
    expect(zero.percentChange).toBeNull();
    expect(zero.verdict).toBe('no significant change');
  });

  it('weights by exposure: 3 vs 0 with the baseline twice as long gives p = (1/3)^3 = 1/27', () => {
    const r = poissonRateTest(3, 0, 1, 2);
    expectClose(r.expectedShare, 1 / 3, 1e-15);
    expectClose(r.pValue, 1 / 27, 1e-12);
  });

  it('weights by exposure: 1 vs 5 with the current period twice as long gives p = 13/729', () => {
    // Binomial(6, 2/3): P(0) = 1/729, P(1) = 12/729 are the outcomes no likelier than 1.
    const r = poissonRateTest(1, 5, 2, 1);
    expectClose(r.pValue, 13 / 729, 1e-12);
    expectClose(r.percentChange!, -90, 1e-12);
    expect(r.verdict).toBe('significant decrease');
  });

  it('refuses negative or fractional counts, non-positive exposures and alpha outside (0, 1)', () => {
    expect(() => poissonRateTest(-1, 2)).toThrow(/current must be a whole number/);
    expect(() => poissonRateTest(1.5, 2)).toThrow(RangeError);
    expect(() => poissonRateTest(1, 2, 0, 1)).toThrow(/currentExposure must be > 0/);
    expect(() => poissonRateTest(1, 2, 1, -3)).toThrow(/baselineExposure must be > 0/);
    expect(() => poissonRateTest(1, 2, 1, 1, 1.5)).toThrow(/alpha/);
  });
});

describe('binomialTwoSidedP', () => {
  it('equals a brute-force sum of binomial probabilities on 500 random cases (relative error <= 1e-9)', () => {
    const rng = createRandom(21);
    for (let i = 0; i < 500; i++) {
      const n = rng.int(1, 61);
      const x = rng.int(0, n + 1);
      const p = rng.uniform(0.05, 0.95);
      expectClose(binomialTwoSidedP(x, n, p), bruteForceP(x, n, p), 1e-9, `x ${x}, n ${n}, p ${p}`);
    }
  });

  it('equals twice the smaller tail when p = 1/2', () => {
    for (let n = 1; n <= 40; n++) {
      for (let x = 0; x <= n; x++) {
        let lower = 0;
        let upper = 0;
        let c = 1;
        for (let k = 0; k <= n; k++) {
          if (k > 0) c = (c * (n - k + 1)) / k;
          if (k <= x) lower += c / 2 ** n;
          if (k >= x) upper += c / 2 ** n;
        }
        expectClose(
          binomialTwoSidedP(x, n, 0.5),
          Math.min(1, 2 * Math.min(lower, upper)),
          1e-9,
          `x ${x}, n ${n}`,
        );
      }
    }
  });

  it('stays accurate for large counts (1 000 vs 900: p is about 0.0265 from the normal approximation)', () => {
    const p = binomialTwoSidedP(1000, 1900, 0.5);
    // Normal approximation with continuity correction: z = (|1000 − 950| − 0.5)/√475 = 2.2712 → p ≈ 0.02313.
    expect(p).toBeGreaterThan(0.02);
    expect(p).toBeLessThan(0.03);
  });
});
