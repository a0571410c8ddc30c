/**
 * The standard normal's two-sided tail, p = P(|Z| ≥ |z|) = erfc(|z|/√2), for Gi* z-scores.
 *
 * erfc(x) for x ≥ 0 is computed two ways, each with no cancellation:
 *   x < 2.5:  erfc = 1 − erf, erf(x) = (2/√π) e^{−x²} Σ_{k≥0} 2^k x^{2k+1} / (1·3·…·(2k+1))
 *             (all terms positive; Abramowitz & Stegun 7.1.6)
 *   x ≥ 2.5:  the continued fraction erfc(x) = (e^{−x²}/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
 *             (A&S 7.1.14), evaluated by the modified Lentz method.
 * Both reach ~1e-14 absolute accuracy, ample for p-values and Benjamini–Hochberg.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 2.5;
const TINY = 1e-300;

/** The complementary error function for x ≥ 0 (negative x by erfc(−x) = 2 − erfc(x)). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SERIES_LIMIT) {
    let term = x;
    let sum = x;
    for (let k = 1; term > 1e-17 * sum; k++) {
      term *= (2 * x * x) / (2 * k + 1);
      sum += term;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }
  // Lentz: f = b0 + a1/(b1 + a2/(b2 + …)) with b_k = x and a_k = k/2.
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < TINY ? TINY : d;
    c = x + a / c;
    c = Math.abs(c) < TINY ? TINY : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** Two-sided p-value of a standard normal z; NaN for NaN. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
