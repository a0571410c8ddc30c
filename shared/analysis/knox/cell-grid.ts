/**
 * Events in square cells of side R (the largest finite distance edge), the index of close-pairs.ts
 * and close-pair-bound.ts: both metrics have d ≥ max(|dx|, |dy|), so a pair closer than R lies in one
 * cell or in two adjacent ones. key = row · cols + column, with an empty column and row of padding on
 * each side of the events' box, so the keys of a cell's neighbours (key ± 1, key ± cols ± 1) never
 * wrap to the far side.
 */

/** Cell keys must stay exact integers in a double. */
export const MAX_CELL_KEY = 2 ** 52;

export interface CellGrid {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cols: number;
  rows: number;
}

/** The padded grid of cells of side `cellM` over the events' box (n ≥ 1, cellM > 0). */
export function cellGrid(x: Float64Array, y: Float64Array, cellM: number): CellGrid {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }
  const cols = Math.floor((maxX - minX) / cellM) + 3;
  const rows = Math.floor((maxY - minY) / cellM) + 3;
  return { minX, minY, maxX, maxY, cols, rows };
}

/** Each event's cell key in `grid` (check cols · rows against MAX_CELL_KEY first). */
export function cellKeys(grid: CellGrid, x: Float64Array, y: Float64Array, cellM: number): Float64Array {
  const key = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const cx = Math.floor((x[i] - grid.minX) / cellM) + 1;
    const cy = Math.floor((y[i] - grid.minY) / cellM) + 1;
    key[i] = cy * grid.cols + cx;
  }
  return key;
}
