/**
 * Upper tail of the Poisson distribution: P(X ≥ k) for X ~ Poisson(λ), used by series-flag.ts to
 * ask whether a chain's events inside a hotspot are more than the hotspot's usual rate would give.
 *
 *   P(X ≥ k) = Σ_{i ≥ k} e^{−λ} λ^i / i!
 *
 * Summed upward from the term at k (computed in logs, so large k and λ do not overflow), each term
 * t_{i+1} = t_i · λ / (i + 1), until the terms no longer change the sum; when k is below the mean
 * the lower sum 1 − Σ_{i < k} is used instead, which is then the short one. Exact to ~1e-15 absolute.
 */

/** ln(i!) by summing logs: k stays small here (chains hold at most a few dozen events). */
function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

export function poissonUpperTail(k: number, lambda: number): number {
  if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`k must be a whole number >= 0, got ${k}`);
  if (!(Number.isFinite(lambda) && lambda >= 0)) throw new RangeError(`lambda must be >= 0, got ${lambda}`);
  if (k === 0) return 1;
  if (lambda === 0) return 0;
  if (k <= lambda) {
    let term = Math.exp(-lambda);
    let lower = 0;
    for (let i = 0; i < k; i++) {
      lower += term;
      term *= lambda / (i + 1);
    }
    return Math.max(0, 1 - lower);
  }
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = 0;
  for (let i = k; term > 0; i++) {
    const next = sum + term;
    if (next === sum) break;
    sum = next;
    term *= lambda / (i + 1);
  }
  return Math.min(1, sum);
}
