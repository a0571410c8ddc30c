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
});
