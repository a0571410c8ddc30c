import { describe, expect, it } from 'vitest';
import {
  defaultBandwidthM,
  defaultCellSizeM,
  suggestBandwidthM,
} from '../../../../../shared/analysis/kde/defaults.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

/** ArcGIS's rule written out plainly, with a sorting median. */
function reference(x: number[], y: number[], w: number[]): number {
  const sw = w.reduce((a, b) => a + b, 0);
  const mx = x.reduce((a, v, i) => a + v * w[i], 0) / sw;
  const my = y.reduce((a, v, i) => a + v * w[i], 0) / sw;
  const d = x.map((v, i) => Math.hypot(v - mx, y[i] - my));
  const sd = Math.sqrt(d.reduce((a, v, i) => a + w[i] * v * v, 0) / sw);
  const order = d.map((_, i) => i).sort((a, b) => d[a] - d[b]);
  let cum = 0;
  let dm = Number.NaN;
  for (const i of order) {
    cum += w[i];
    if (cum >= sw / 2) {
      dm = d[i];
      break;
    }
  }
  return 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * dm) * sw ** -0.2;
}

describe('defaultCellSizeM', () => {
  it('is the shorter side of the bounding box / 150', () => {
    expect(defaultCellSizeM({ minX: 0, minY: 0, maxX: 6000, maxY: 3000 })).toBe(20);
  });
  it('uses the longer side when the events lie on a line, and refuses a single place', () => {
    expect(defaultCellSizeM({ minX: 0, minY: 5, maxX: 1500, maxY: 5 })).toBe(10);
    expect(() => defaultCellSizeM({ minX: 3, minY: 5, maxX: 3, maxY: 5 })).toThrow(
      /all events are at one place/,
    );
  });
  it('gives a default bandwidth of 5 cells', () => {
    expect(defaultBandwidthM(20)).toBe(100);
  });
});

describe('suggestBandwidthM', () => {
  it('follows ArcGIS 0.9·min(SD, √(1/ln 2)·Dm)·n^−0.2 on an odd count', () => {
    const x = [0, 100, 200, 300, 1000];
    const y = [0, 50, 0, 80, 900];
    const n = 5;
    const mx = 320;
    const my = 206;
    const d = x.map((v, i) => Math.hypot(v - mx, y[i] - my)).sort((a, b) => a - b);
    const sd = Math.sqrt(x.reduce((a, v, i) => a + (v - mx) ** 2 + (y[i] - my) ** 2, 0) / n);
    const expected = 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * d[2]) * n ** -0.2;
    expectClose(suggestBandwidthM(Float64Array.from(x), Float64Array.from(y)), expected, 1e-12);
  });

  it('matches the reference on random data, even count, with and without weights', () => {
    const random = new Random(99);
    const n = 1000;
    const x = Array.from({ length: n }, () => random.normal(530_000, 800));
    const y = Array.from({ length: n }, () => random.normal(180_000, 500));
    const ones = new Array(n).fill(1);
    const w = Array.from({ length: n }, () => random.int(1, 5));
    const unweighted = suggestBandwidthM(Float64Array.from(x), Float64Array.from(y));
    // Even count: the reference takes the lower middle; ours the mean of the two middles.
    expectClose(unweighted, reference(x, y, ones), 1e-2);
    expectClose(
      suggestBandwidthM(Float64Array.from(x), Float64Array.from(y), Float64Array.from(w)),
      reference(x, y, w),
      1e-12,
    );
  });

  it('is NaN for fewer than two events', () => {
    expect(suggestBandwidthM(Float64Array.of(1), Float64Array.of(2))).toBeNaN();
  });

  it('takes the median of the distances themselves, to the last bit, with and without a use mask', () => {
    // Written out with Math.sqrt on every distance, a sort and the mean of the two middles
    // (the median as the function defines it), in the function's own order of additions.
    const plain = (x: number[], y: number[]): number => {
      const n = x.length;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
      }
      const mx = sx / n;
      const my = sy / n;
      let sq = 0;
      const d = x.map((v, i) => {
        const d2 = (v - mx) ** 2 + (y[i] - my) ** 2;
        sq += d2;
        return Math.sqrt(d2);
      });
      d.sort((a, b) => a - b);
      const dm = n % 2 === 1 ? d[n >> 1] : (d[(n >> 1) - 1] + d[n >> 1]) / 2;
      return 0.9 * Math.min(Math.sqrt(sq / n), Math.sqrt(1 / Math.LN2) * dm) * n ** -0.2;
    };
    const random = new Random(11);
    for (const n of [2, 3, 10, 11, 1000, 1001]) {
      const x = Array.from({ length: n }, () => 500_000 + random.uniform(0, 3000));
      const y = Array.from({ length: n }, () => 180_000 + random.uniform(0, 900));
      expect(suggestBandwidthM(Float64Array.from(x), Float64Array.from(y))).toBe(plain(x, y));
      const use = Uint8Array.from(x, (_, i) => (i % 3 === 0 ? 0 : 1));
      const kept = (v: number[]) => v.filter((_, i) => use[i] === 1);
      if (kept(x).length < 2) continue;
      expect(suggestBandwidthM(Float64Array.from(x), Float64Array.from(y), undefined, use)).toBe(
        plain(kept(x), kept(y)),
      );
    }
  });
});
