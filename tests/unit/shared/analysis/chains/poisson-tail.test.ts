import { describe, expect, it } from 'vitest';
import { poissonUpperTail } from '../../../../../shared/analysis/chains/poisson-tail.js';
import { expectClose } from '../../../expect-close.js';

/** Brute force: 1 − Σ_{i<k} e^{−λ} λ^i / i!, with the factorial multiplied out. */
function bruteTail(k: number, lambda: number): number {
  let lower = 0;
  let factorial = 1;
  for (let i = 0; i < k; i++) {
    if (i > 0) factorial *= i;
    lower += (Math.exp(-lambda) * lambda ** i) / factorial;
  }
  return 1 - lower;
}

describe('poissonUpperTail', () => {
  it('gives P(X ≥ 1) = 1 − e^−λ and P(X ≥ 0) = 1', () => {
    expectClose(poissonUpperTail(1, 0.5), 1 - Math.exp(-0.5), 1e-14);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(2, 0)).toBe(0);
  });

  it('gives P(X ≥ 3 | λ = 1.8) = 1 − e^−1.8 (1 + 1.8 + 1.62) = 0.269379…, worked by hand', () => {
    expectClose(poissonUpperTail(3, 1.8), 0.2693789, 1e-6);
  });

  it('equals the brute-force sum over a grid of k and λ, either side of the mean', () => {
    for (const lambda of [0.01, 0.18, 1, 2.5, 7, 15]) {
      for (let k = 0; k <= 25; k++) {
        const brute = bruteTail(k, lambda);
        if (brute > 1e-9) expectClose(poissonUpperTail(k, lambda), brute, 1e-8, `k ${k}, λ ${lambda}`);
      }
    }
  });

  it('keeps tiny tails accurate where 1 − CDF would round to 0', () => {
    // P(X ≥ 30 | λ = 0.5) ≈ e^−0.5 0.5^30 / 30! (the first term dominates).
    const first = Math.exp(-0.5) * 0.5 ** 30;
    let factorial = 1;
    for (let i = 2; i <= 30; i++) factorial *= i;
    expectClose(poissonUpperTail(30, 0.5), (first / factorial) * (1 + 0.5 / 31 + 0.25 / (31 * 32)), 1e-6);
  });

  it('refuses a negative or fractional k and a negative λ', () => {
    expect(() => poissonUpperTail(-1, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(1.5, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(1, -1)).toThrow(RangeError);
  });
});
