import { describe, expect, it } from 'vitest';
import {
  concentration,
  concentrationCurve,
  lorenzCurve,
} from '../../../../../shared/analysis/concentration/lorenz.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

describe('concentration', () => {
  it('gives G = 20/32 = 0.625 for counts 0, 0, 1, 3 (Σ|xi − xj| = 20 over 2·n²·x̄ = 32), G′ = G as C = n', () => {
    const r = concentration([3, 0, 1, 0]);
    expectClose(r.gini, 0.625, 1e-12);
    expectClose(r.generalisedGini, 0.625, 1e-12);
    expect(r.sparse).toBe(false);
  });

  it('matches the lorenzgini package’s examples: 5,2,1 + 7 zeros → G 0.8, G′ 0.75; 10,8,2 + 7 zeros → 0.78 both', () => {
    const sparse = concentration([5, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expectClose(sparse.gini, 0.8, 1e-12);
    expectClose(sparse.generalisedGini, 0.75, 1e-12);
    expect(sparse.sparse).toBe(true);
    const dense = concentration([10, 8, 2, 0, 0, 0, 0, 0, 0, 0]);
    expectClose(dense.gini, 0.78, 1e-12);
    expectClose(dense.generalisedGini, 0.78, 1e-12);
  });

  it('equals the mean-difference definition on random counts', () => {
    const rng = createRandom(9);
    for (let t = 0; t < 20; t++) {
      const x = Array.from({ length: rng.int(2, 40) }, () => rng.int(0, 6));
      x[0] = 1;
      const n = x.length;
      const mean = x.reduce((s, v) => s + v, 0) / n;
      let sum = 0;
      for (const a of x) for (const b of x) sum += Math.abs(a - b);
      expectClose(concentration(x).gini, sum / (2 * n * n * mean), 1e-12);
    }
  });

  it('gives G′ = 0 when few events sit one per place (maximal equality given the data)', () => {
    expectClose(concentration([1, 1, 0, 0, 0, 0, 0, 0]).generalisedGini, 0, 1e-12);
  });
});

describe('lorenzCurve', () => {
  it('runs from (0, 0) to (1, 1) with the fewest events first', () => {
    const c = lorenzCurve([3, 0, 1]);
    expect(Array.from(c.placeShare)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(Array.from(c.eventShare)).toEqual([0, 0, 0.25, 1]);
  });
});

describe('concentrationCurve', () => {
  it('ranks places busiest first, share of events against share of area', () => {
    const c = concentrationCurve([1, 3, 0], [1, 1, 2]);
    expect(Array.from(c.areaShare)).toEqual([0, 0.25, 0.5, 1]);
    expect(Array.from(c.eventShare)).toEqual([0, 0.75, 1, 1]);
  });
});
