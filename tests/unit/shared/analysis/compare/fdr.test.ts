import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, fdrDiscoveries } from '../../../../../shared/analysis/compare/fdr.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

describe('benjaminiHochberg', () => {
  it('adjusts [0.01, 0.04, 0.03, 0.005] to [0.02, 0.04, 0.04, 0.02]', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => {
      expectClose(q[i], v, 1e-12);
    });
  });

  it('equals the definition q(i) = min over p(j) >= p(i) of m·p(j)/rank(j), capped at 1, on random p-values', () => {
    const rng = createRandom(31);
    for (let trial = 0; trial < 50; trial++) {
      const m = rng.int(1, 40);
      const p = Array.from({ length: m }, () => (rng.next() < 0.3 ? rng.next() * 0.01 : rng.next()));
      const sorted = [...p].sort((a, b) => a - b);
      const q = benjaminiHochberg(p);
      for (let i = 0; i < m; i++) {
        let best = 1;
        sorted.forEach((pj, j) => {
          if (pj >= p[i]) best = Math.min(best, (m * pj) / (j + 1));
        });
        expectClose(q[i], best, 1e-12);
      }
    }
  });

  it('leaves NaN p-values out of m and NaN in the output', () => {
    const q = benjaminiHochberg([0.01, Number.NaN, 0.02]);
    expectClose(q[0], 0.02, 1e-12);
    expect(Number.isNaN(q[1])).toBe(true);
    expectClose(q[2], 0.02, 1e-12);
  });

  it('refuses p-values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.5, 1.2])).toThrow(/index 1/);
  });
});

describe('fdrDiscoveries', () => {
  it('finds the step-up discoveries: the largest k with p(k) <= k·alpha/m', () => {
    // m = 5, alpha = 0.05: thresholds 0.01, 0.02, 0.03, 0.04, 0.05; p(3) = 0.029 <= 0.03 so 3 discoveries.
    expect(fdrDiscoveries([0.001, 0.5, 0.019, 0.029, 0.045], 0.05)).toEqual([true, false, true, true, false]);
  });
});
