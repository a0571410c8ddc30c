import { describe, expect, it } from 'vitest';
import { densityScale, splatEvents } from '../../../../../shared/analysis/kde/splat.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { bruteForceDensity } from './brute-force.js';

const spec = { width: 60, height: 40, originX: 400_000, originY: 200_000, cellSizeM: 20 };

function events(n: number, seed: number) {
  const random = new Random(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Some events outside the grid, whose kernels reach in.
    x[i] = random.uniform(399_900, 401_300);
    y[i] = random.uniform(199_900, 200_900);
    weight[i] = random.uniform(0.5, 2);
  }
  return { x, y, weight };
}

describe('splatEvents', () => {
  it('over disjoint bands of rows, placed side by side, equals the brute force on the whole grid', () => {
    const e = events(400, 21);
    const supportM = 75;
    const total = new Float64Array(spec.width * spec.height);
    const cuts = [0, 7, 23, 40];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const raw = new Float64Array((cuts[k + 1] - cuts[k]) * spec.width);
      splatEvents(raw, spec, e, 'quartic', supportM, { rowStart: cuts[k] });
      total.set(raw, cuts[k] * spec.width);
    }
    const scale = densityScale('quartic', supportM);
    const expected = bruteForceDensity(spec, e.x, e.y, 'quartic', supportM, e.weight);
    for (let i = 0; i < expected.length; i++) expectClose(total[i] * scale, expected[i], 1e-9, `cell ${i}`);
  });

  it('skips events with use = 0 and events of weight 0', () => {
    const x = Float64Array.of(400_100, 400_500);
    const y = Float64Array.of(200_100, 200_500);
    const a = new Float64Array(spec.width * spec.height);
    splatEvents(a, spec, { x, y, use: Uint8Array.of(1, 0) }, 'epanechnikov', 60);
    const b = new Float64Array(spec.width * spec.height);
    splatEvents(b, spec, { x, y, weight: Float64Array.of(1, 0) }, 'epanechnikov', 60);
    const expected = bruteForceDensity(spec, [400_100], [200_100], 'epanechnikov', 60);
    const scale = densityScale('epanechnikov', 60);
    for (let i = 0; i < expected.length; i++) {
      expectClose(a[i] * scale, expected[i], 1e-9);
      expectClose(b[i] * scale, expected[i], 1e-9);
    }
  });

  it('includes cells whose centre is just inside the support and excludes those exactly on it (uniform)', () => {
    // Event midway between two cell centres 10 m to its west and east; the next centres are ≥ 14 m away.
    const x = Float64Array.of(400_100);
    const y = Float64Array.of(200_090);
    const inside = new Float64Array(spec.width * spec.height);
    splatEvents(inside, spec, { x, y }, 'uniform', 10.000001);
    expect(inside.reduce((a, b) => a + b, 0)).toBe(2);
    const onEdge = new Float64Array(spec.width * spec.height);
    splatEvents(onEdge, spec, { x, y }, 'uniform', 10);
    expect(onEdge.reduce((a, b) => a + b, 0)).toBe(0);
    expect(bruteForceDensity(spec, x, y, 'uniform', 10).every((v) => v === 0)).toBe(true);
  });
});
