/**
 * Is a count different from a baseline count, allowing for small numbers? (DESIGN.md §4 "Period
 * comparison and significance".) The exact conditional test for two Poisson counts:
 *
 *   n1 ~ Poisson(λ1·t1), n2 ~ Poisson(λ2·t2), exposures t1, t2 > 0 (e.g. days in each period).
 *   Under H0: λ1 = λ2, given N = n1 + n2, n1 ~ Binomial(N, p0) with p0 = t1 / (t1 + t2).
 *
 * Two-sided p-value by the "minimum likelihood" rule, as R's binom.test (and so poisson.test) computes
 * it: the total probability of every outcome k with P(k) ≤ P(n1)·(1 + 1e-7) (the factor absorbs
 * rounding, as R does). With p0 = 1/2 this is twice the smaller tail: 10 vs 2 in equal periods gives
 * 2·P(X ≥ 10 | 12, 1/2) = 2·79/4096 = 0.03857421875. N = 0 gives p = 1.
 *
 * Binomial probabilities are evaluated in log space (ln C(N, k) via ln Γ), accurate to ~1e-13
 * relative, in O(N) time. Percent change compares rates: 100·(n1/t1 − n2/t2)/(n2/t2), null when
 * the baseline is 0. The verdict is "significant increase/decrease" when p < alpha.
 * Reference: Przyborowski & Wilenski (1940), "Homogeneity of results in testing samples from Poisson
 * series", Biometrika 31; R Core, binom.test / poisson.test.
 */
import { logGamma } from '../../util/random.js';

export type ChangeVerdict = 'significant increase' | 'significant decrease' | 'no significant change';

export const DEFAULT_ALPHA = 0.05;
const R_RELATIVE_ERROR = 1 + 1e-7;

export interface RateTestResult {
  current: number;
  baseline: number;
  /** Expected share of the current period under no change: t1 / (t1 + t2). */
  expectedShare: number;
  /** Percent change in rate, null when the baseline count is 0. */
  percentChange: number | null;
  pValue: number;
  alpha: number;
  verdict: ChangeVerdict;
}

function checkCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${n}`);
}

/** ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** Two-sided exact binomial p-value of x successes in n trials with success probability p (R's rule). */
export function binomialTwoSidedP(x: number, n: number, p: number): number {
  checkCount(x, 'x');
  checkCount(n, 'n');
  if (x > n) throw new RangeError(`x must be <= n, got x ${x}, n ${n}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (n === 0) return 1;
  const logD = binomialLogPmf(x, n, p) + Math.log(R_RELATIVE_ERROR);
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const logPk = binomialLogPmf(k, n, p);
    if (logPk <= logD) total += Math.exp(logPk);
  }
  return Math.min(1, total);
}

export function verdictOf(
  pValue: number,
  current: number,
  expectedCurrent: number,
  alpha: number,
): ChangeVerdict {
  if (pValue >= alpha || current === expectedCurrent) return 'no significant change';
  return current > expectedCurrent ? 'significant increase' : 'significant decrease';
}

/**
 * Compares a current count with a baseline count over exposures (period lengths) t1 and t2.
 *
 *   poissonRateTest(10, 2)            // p = 0.03857421875, 'significant increase' at alpha 0.05
 *   poissonRateTest(30, 28, 31, 28)   // months of different lengths
 */
export function poissonRateTest(
  current: number,
  baseline: number,
  currentExposure = 1,
  baselineExposure = 1,
  alpha = DEFAULT_ALPHA,
): RateTestResult {
  checkCount(current, 'current');
  checkCount(baseline, 'baseline');
  if (!(currentExposure > 0) || !Number.isFinite(currentExposure)) {
    throw new RangeError(`currentExposure must be > 0, got ${currentExposure}`);
  }
  if (!(baselineExposure > 0) || !Number.isFinite(baselineExposure)) {
    throw new RangeError(`baselineExposure must be > 0, got ${baselineExposure}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const share = currentExposure / (currentExposure + baselineExposure);
  const n = current + baseline;
  const pValue = binomialTwoSidedP(current, n, share);
  const baselineRate = baseline / baselineExposure;
  const percentChange =
    baseline === 0 ? null : (100 * (current / currentExposure - baselineRate)) / baselineRate;
  return {
    current,
    baseline,
    expectedShare: share,
    percentChange,
    pValue,
    alpha,
    verdict: verdictOf(pValue, current, n * share, alpha),
  };
}
