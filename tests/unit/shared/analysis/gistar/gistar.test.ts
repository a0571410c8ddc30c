import { describe, expect, it } from 'vitest';
import { binOf, giBins } from '../../../../../shared/analysis/gistar/classes.js';
import { countGrid } from '../../../../../shared/analysis/gistar/count-grid.js';
import { suggestDistanceBand } from '../../../../../shared/analysis/gistar/distance-band.js';
import { discHalfWidths, giStar } from '../../../../../shared/analysis/gistar/gistar.js';
import { erfc, twoSidedNormalP } from '../../../../../shared/analysis/gistar/normal.js';
import type { Grid } from '../../../../../shared/model/grid.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { bruteForceGiStar } from './brute-force.js';

describe('erfc and twoSidedNormalP', () => {
  it('gives the textbook two-sided p of z = 1.959963984540054 (0.05), 2.5758293035489 (0.01), 1.6448536269514722 (0.1)', () => {
    expectClose(twoSidedNormalP(1.959963984540054), 0.05, 1e-12);
    expectClose(twoSidedNormalP(-2.5758293035489), 0.01, 1e-11);
    expectClose(twoSidedNormalP(1.6448536269514722), 0.1, 1e-12);
  });

  it('matches published erfc values on both sides of the series / continued-fraction switch', () => {
    const relative = (got: number, want: number) => Math.abs(got - want) / want;
    expect(relative(erfc(0.5), 0.4795001221869535)).toBeLessThan(1e-13);
    expect(relative(erfc(2.4), 6.885138966450786e-4)).toBeLessThan(1e-10);
    expect(relative(erfc(2.6), 2.360344165293492e-4)).toBeLessThan(1e-10);
    expect(relative(erfc(5), 1.5374597944280349e-12)).toBeLessThan(1e-10);
    expect(erfc(0)).toBe(1);
  });
});

describe('countGrid', () => {
  it('puts an event in the cell that contains it, the east and north edges in the last cell, and counts events outside', () => {
    const extent = { minX: 0, minY: 0, maxX: 30, maxY: 20 };
    const { grid, used, outside } = countGrid(
      { x: [5, 10, 29.9, 30, 0, -1, 15], y: [5, 5, 19.9, 20, 0, 5, 21] },
      extent,
      10,
    );
    expect([grid.width, grid.height]).toEqual([3, 2]);
    expect(used).toBe(5);
    expect(outside).toBe(2);
    // Row 0 is the north row: (29.9, 19.9) and (30, 20) in its last column.
    expect(Array.from(grid.values)).toEqual([0, 0, 2, 2, 1, 0]);
  });
});

describe('discHalfWidths', () => {
  it('includes centres exactly d away: d = 2 cells gives half-widths 2, 1, 0', () => {
    expect(Array.from(discHalfWidths(20, 10))).toEqual([2, 1, 0]);
    expect(Array.from(discHalfWidths(15, 10))).toEqual([1, 1]);
  });
});

describe('giStar', () => {
  it('matches a brute-force Gi* to 1e-9 on random grids, distances and masks', () => {
    const rng = createRandom(13);
    for (let trial = 0; trial < 25; trial++) {
      const width = rng.int(3, 18);
      const height = rng.int(3, 14);
      const values = Float64Array.from({ length: width * height }, () =>
        rng.next() < 0.5 ? 0 : rng.int(0, 9),
      );
      values[0] = 3; // never all equal
      values[1] = 0;
      const grid: Grid = { width, height, originX: 1000, originY: 2000, cellSizeM: 50, values };
      const d = 50 * (0.6 + rng.next() * 4.2);
      const mask =
        trial % 3 === 0 ? Uint8Array.from(values, (_, i) => (i < 2 || rng.next() < 0.8 ? 1 : 0)) : undefined;
      const got = giStar(grid, mask ? { distanceM: d, mask } : { distanceM: d });
      const want = bruteForceGiStar(grid, d, mask);
      want.forEach((z, i) => {
        if (Number.isNaN(z)) expect(got.z[i]).toBeNaN();
        else expect(Math.abs(got.z[i] - z)).toBeLessThan(1e-9);
      });
    }
  });

  it('computes a 3 × 3 grid with one busy centre by hand: the centre z = 2/√5 at d = 1 cell', () => {
    // x = 8 in the centre, 0 elsewhere: n = 9, x̄ = 8/9, S = √(64/9 − 64/81) = 8√8/9.
    // Centre: W = 5, Σwx = 8 → z = (8 − 40/9) / (S √((45 − 25)/8)) = (32/9) / ((8√8/9)·√2.5) = 2/√5.
    const values = new Float64Array(9);
    values[4] = 8;
    const got = giStar(
      { width: 3, height: 3, originX: 0, originY: 0, cellSizeM: 1, values },
      { distanceM: 1 },
    );
    const s = (8 * Math.sqrt(8)) / 9;
    expectClose(got.z[4], (8 - (5 * 8) / 9) / (s * Math.sqrt((9 * 5 - 25) / 8)), 1e-12);
    expectClose(got.z[4], 2 / Math.sqrt(5), 1e-12);
    // A corner: W = 3, no busy neighbour → (0 − 3·8/9) / (S √((27 − 9)/8)).
    expectClose(got.z[0], -(3 * 8) / 9 / (s * Math.sqrt(18 / 8)), 1e-12);
    expect(got.neighbours[4]).toBe(5);
    expect(got.cells).toBe(9);
  });

  it('leaves z NaN when every cell holds the same count', () => {
    const got = giStar(
      { width: 2, height: 2, originX: 0, originY: 0, cellSizeM: 1, values: new Float64Array(4).fill(2) },
      { distanceM: 1 },
    );
    expect(Array.from(got.z).every(Number.isNaN)).toBe(true);
  });

  it('refuses a distance ≤ 0', () => {
    expect(() =>
      giStar(
        { width: 2, height: 1, originX: 0, originY: 0, cellSizeM: 1, values: new Float64Array(2) },
        { distanceM: 0 },
      ),
    ).toThrow(RangeError);
  });

  it('finds a planted cluster hot at 99 % after BH and no hot cells far from it', () => {
    const rng = createRandom(5);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 0; k < 400; k++) {
      xs.push(rng.next() * 2000);
      ys.push(rng.next() * 2000);
    }
    for (let k = 0; k < 120; k++) {
      xs.push(1500 + rng.next() * 150);
      ys.push(500 + rng.next() * 150);
    }
    const { grid } = countGrid({ x: xs, y: ys }, { minX: 0, minY: 0, maxX: 2000, maxY: 2000 }, 100);
    const result = giStar(grid, { distanceM: 150 });
    const bins = giBins(result);
    // Cell containing (1550, 550): col 15, row from south 5 → row 14.
    expect(bins[15 + 14 * 20]).toBe(3);
    for (let r = 0; r < 20; r++)
      for (let c = 0; c < 20; c++) {
        const far = Math.hypot(c - 15, 20 - 1 - r - 5) > 4;
        if (far) expect(bins[c + r * 20]).toBeLessThanOrEqual(0);
      }
  });
});

describe('binOf', () => {
  it('bins by confidence and sign: q 0.005 → ±3, 0.03 → ±2, 0.08 → ±1, 0.2 → 0', () => {
    expect([binOf(3, 0.005), binOf(-2.2, 0.03), binOf(1.7, 0.08), binOf(1, 0.2)]).toEqual([3, -2, 1, 0]);
  });
});

describe('suggestDistanceBand', () => {
  it('averages each distinct location’s nearest-neighbour distance (duplicates once) with a 1.5-cell floor', () => {
    // Locations (0,0), (3,0), (3,4), (0,0) again: NN distances 3, 3, 4 → 10/3.
    const band = suggestDistanceBand([0, 3, 3, 0], [0, 0, 4, 0], 1);
    expect(band.locations).toBe(3);
    expectClose(band.annM as number, 10 / 3, 1e-12);
    expectClose(band.distanceM, 10 / 3, 1e-12);
    expect(suggestDistanceBand([0, 3, 3], [0, 0, 4], 10).distanceM).toBe(15);
  });

  it('matches a brute-force nearest-neighbour average on random points', () => {
    const rng = createRandom(2);
    const x = Array.from({ length: 300 }, () => rng.next() * 5000);
    const y = Array.from({ length: 300 }, () => rng.next() * 800);
    let total = 0;
    for (let i = 0; i < 300; i++) {
      let best = Infinity;
      for (let j = 0; j < 300; j++) if (j !== i) best = Math.min(best, Math.hypot(x[i] - x[j], y[i] - y[j]));
      total += best;
    }
    expectClose(suggestDistanceBand(x, y, 1).annM as number, total / 300, 1e-12);
  });
});
