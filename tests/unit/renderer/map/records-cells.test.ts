import { describe, expect, it } from 'vitest';
import {
  CELL_ZOOM,
  cellOrder,
  runsInBox,
  selectInOrder,
} from '../../../../renderer/src/map/records-cells.js';

/** A seeded LCG so the random cases are the same every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n points scattered over a ~5 km town (world units), every tenth without a place. */
function town(n: number, seed: number): { mx: Float64Array; my: Float64Array } {
  const next = random(seed);
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const unplaced = i % 10 === 3;
    mx[i] = unplaced ? Number.NaN : 0.4931 + next() * 1e-4;
    my[i] = unplaced ? Number.NaN : 0.3211 + next() * 7e-5;
  }
  return { mx, my };
}

/** The cell (x, y) at `zoom` of a world position, computed directly. */
function cellOf(m: number, zoom: number): number {
  return Math.floor(m * 2 ** zoom);
}

describe('cellOrder', () => {
  it('holds every placed row once, sorted by row-major cell, rows of one cell ascending', () => {
    const { mx, my } = town(2_000, 7);
    const order = cellOrder(mx, my);
    const placed = [...mx.keys()].filter((i) => !Number.isNaN(mx[i]!));
    expect([...order.rows].sort((a, b) => a - b)).toEqual(placed);
    for (let k = 1; k < order.rows.length; k++) {
      const [a, b] = [order.rows[k - 1]!, order.rows[k]!];
      const rowMajor = (i: number) => [cellOf(my[i]!, CELL_ZOOM), cellOf(mx[i]!, CELL_ZOOM)];
      const [ya, xa] = rowMajor(a);
      const [yb, xb] = rowMajor(b);
      expect(ya! < yb! || (ya === yb && (xa! < xb! || (xa === xb && a < b)))).toBe(true);
      expect(order.keys[k - 1]! <= order.keys[k]!).toBe(true);
    }
  });

  it('coarsens the cells when the data spans the world, so keys stay within 32 bits', () => {
    const mx = Float64Array.of(0.0001, 0.9999, 0.5);
    const my = Float64Array.of(0.0001, 0.9999, 0.5);
    const order = cellOrder(mx, my);
    expect(order.grid.zoom).toBeLessThan(CELL_ZOOM);
    expect(order.grid.width * order.grid.height).toBeLessThanOrEqual(2 ** 32);
    expect([...order.rows]).toEqual([0, 2, 1]);
  });

  it('is empty for rows without a place', () => {
    const order = cellOrder(Float64Array.of(Number.NaN), Float64Array.of(Number.NaN));
    expect(order.rows.length).toBe(0);
    expect(runsInBox(order.grid, order.keys, [0, 0, 1, 1])).toEqual([]);
  });
});

describe('selectInOrder', () => {
  it('keeps the selected rows (and their keys) in cell order, skipping unplaced ones', () => {
    const { mx, my } = town(500, 3);
    const order = cellOrder(mx, my);
    const selected = [13, 3, 499, 250, 0, 42];
    const { rows, keys } = selectInOrder(order, selected, mx.length);
    const expected = [...order.rows].filter((row) => selected.includes(row));
    expect([...rows]).toEqual(expected);
    expect(rows).not.toContain(3);
    expect([...keys]).toEqual(expected.map((row) => order.keys[order.rows.indexOf(row)]!));
  });
});

describe('runsInBox', () => {
  it('covers every row inside the box and only rows of cells the box meets (brute force)', () => {
    const { mx, my } = town(2_000, 11);
    const order = cellOrder(mx, my);
    const next = random(5);
    for (let trial = 0; trial < 25; trial++) {
      const x0 = 0.4931 + next() * 1e-4;
      const y0 = 0.3211 + next() * 7e-5;
      const box = [x0, y0, x0 + next() * 3e-5, y0 + next() * 3e-5];
      const runs = runsInBox(order.grid, order.keys, box);
      const drawn = new Set<number>();
      for (let r = 0; r < runs.length; r += 2) {
        expect(runs[r]!).toBeLessThan(runs[r + 1]!);
        if (r > 0) expect(runs[r]!).toBeGreaterThan(runs[r - 1]!);
        for (let k = runs[r]!; k < runs[r + 1]!; k++) drawn.add(order.rows[k]!);
      }
      const cell = (m: number) => cellOf(m, order.grid.zoom);
      for (const row of order.rows) {
        const inside =
          mx[row]! >= box[0]! && mx[row]! <= box[2]! && my[row]! >= box[1]! && my[row]! <= box[3]!;
        const cellMeets =
          cell(mx[row]!) >= cell(box[0]!) &&
          cell(mx[row]!) <= cell(box[2]!) &&
          cell(my[row]!) >= cell(box[1]!) &&
          cell(my[row]!) <= cell(box[3]!);
        if (inside) expect(drawn.has(row)).toBe(true);
        expect(drawn.has(row)).toBe(cellMeets);
      }
    }
  });

  it('finds nothing for a box away from the data, and everything for the whole world', () => {
    const { mx, my } = town(300, 2);
    const order = cellOrder(mx, my);
    expect(runsInBox(order.grid, order.keys, [0.1, 0.1, 0.2, 0.2])).toEqual([]);
    expect(runsInBox(order.grid, order.keys, [0, 0, 1, 1])).toEqual([0, order.rows.length]);
  });
});
