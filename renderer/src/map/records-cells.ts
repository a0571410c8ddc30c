/**
 * Which records to draw at street zoom: only those near the view (issue 11, Performance: panning at
 * street zoom drew all 200,000 selected points every frame, one or two frames a second in software
 * WebGL, where points off screen still run through the vertex stage).
 *
 * Rule: the world is cut into the square cells of one zoom level (CELL_ZOOM: 1/2^17 of the world,
 * about 300 m at the equator and 180 m in Britain, a quarter of a 1,440 px view at zoom 15.5). A
 * point at Web Mercator (mx, my) lies in cell (⌊mx·2^z⌋, ⌊my·2^z⌋), keyed row-major over the box
 * of occupied cells: key = (cy − y0) · width + (cx − x0). Rows sorted by key put the cells of one
 * grid row that a view box meets in one contiguous run, so a view is one run per grid row in view,
 * each found by two binary searches: O(rows in view · log n) per frame, and the drawn index ranges
 * need no upload. The order is made once per snapshot (a sort of packed key·2^b + row numbers) and
 * a selection keeps that order in one O(n) pass over a mask.
 *
 * Keys must fit 32 bits and, packed with a row number, 53: for data spanning a continent or more the
 * cells are coarsened (a lower zoom) until they do. Rows without a place (NaN) are left out.
 */

export const CELL_ZOOM = 17;

/** The box of occupied cells at `zoom`, in whole cells. */
export interface CellGrid {
  zoom: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** Placed rows sorted by the key of their cell, with each row's key beside it. */
export interface CellOrder {
  grid: CellGrid;
  rows: Uint32Array;
  keys: Uint32Array;
}

/** Every placed row (mx, my finite) in cell order; rows of one cell keep their ascending order. */
export function cellOrder(mx: Float64Array, my: Float64Array, zoom: number = CELL_ZOOM): CellOrder {
  const placed: number[] = [];
  for (let i = 0; i < mx.length; i++) if (!Number.isNaN(mx[i]!) && !Number.isNaN(my[i]!)) placed.push(i);
  const rowBits = Math.max(1, Math.ceil(Math.log2(mx.length + 1)));
  const grid = occupiedGrid(mx, my, placed, zoom, Math.min(32, 53 - rowBits));
  const packed = new Float64Array(placed.length);
  const rowSpan = 2 ** rowBits;
  placed.forEach((row, k) => {
    packed[k] = cellKey(grid, mx[row]!, my[row]!) * rowSpan + row;
  });
  packed.sort();
  const rows = new Uint32Array(placed.length);
  const keys = new Uint32Array(placed.length);
  for (let k = 0; k < packed.length; k++) {
    const key = Math.floor(packed[k]! / rowSpan);
    keys[k] = key;
    rows[k] = packed[k]! - key * rowSpan;
  }
  return { grid, rows, keys };
}

/**
 * The rows of `order` that are in `selected` (snapshot row numbers, any order; `rowCount` rows in
 * the snapshot), in cell order.
 */
export function selectInOrder(
  order: CellOrder,
  selected: ArrayLike<number>,
  rowCount: number,
): { rows: Uint32Array; keys: Uint32Array } {
  const mask = new Uint8Array(rowCount);
  for (let k = 0; k < selected.length; k++) mask[selected[k]!] = 1;
  let n = 0;
  for (let k = 0; k < order.rows.length; k++) if (mask[order.rows[k]!] === 1) n++;
  const rows = new Uint32Array(n);
  const keys = new Uint32Array(n);
  let o = 0;
  for (let k = 0; k < order.rows.length; k++) {
    if (mask[order.rows[k]!] !== 1) continue;
    rows[o] = order.rows[k]!;
    keys[o++] = order.keys[k]!;
  }
  return { rows, keys };
}

/**
 * The runs [start, end) of positions in `keys` (sorted cell keys of `grid`) whose cells meet the
 * box [minX, minY, maxX, maxY] (world units), as flat pairs in ascending order; touching runs are
 * joined.
 */
export function runsInBox(grid: CellGrid, keys: Uint32Array, box: readonly number[]): number[] {
  const [minX, minY, maxX, maxY] = box as [number, number, number, number];
  const cells = 2 ** grid.zoom;
  const cx0 = Math.max(0, Math.floor(minX * cells) - grid.x0);
  const cx1 = Math.min(grid.width - 1, Math.floor(maxX * cells) - grid.x0);
  const cy0 = Math.max(0, Math.floor(minY * cells) - grid.y0);
  const cy1 = Math.min(grid.height - 1, Math.floor(maxY * cells) - grid.y0);
  const runs: number[] = [];
  if (cx0 > cx1) return runs;
  for (let cy = cy0; cy <= cy1; cy++) {
    const start = lowerBound(keys, cy * grid.width + cx0);
    const end = lowerBound(keys, cy * grid.width + cx1 + 1);
    if (end === start) continue;
    if (runs.length > 0 && runs[runs.length - 1] === start) runs[runs.length - 1] = end;
    else runs.push(start, end);
  }
  return runs;
}

/** The smallest grid at `zoom` or coarser holding every placed row whose keys fit `keyBits`. */
function occupiedGrid(
  mx: Float64Array,
  my: Float64Array,
  placed: readonly number[],
  zoom: number,
  keyBits: number,
): CellGrid {
  let minX = 1;
  let minY = 1;
  let maxX = 0;
  let maxY = 0;
  for (const row of placed) {
    minX = Math.min(minX, mx[row]!);
    maxX = Math.max(maxX, mx[row]!);
    minY = Math.min(minY, my[row]!);
    maxY = Math.max(maxY, my[row]!);
  }
  if (placed.length === 0) return { zoom, x0: 0, y0: 0, width: 1, height: 1 };
  for (let z = zoom; ; z--) {
    const cells = 2 ** z;
    const x0 = cellIndex(minX, cells);
    const y0 = cellIndex(minY, cells);
    const width = cellIndex(maxX, cells) - x0 + 1;
    const height = cellIndex(maxY, cells) - y0 + 1;
    if (width * height <= 2 ** keyBits || z === 0) return { zoom: z, x0, y0, width, height };
  }
}

/** The cell of world position m along one axis; the world's far edge (m = 1) is in the last cell. */
function cellIndex(m: number, cells: number): number {
  return Math.min(cells - 1, Math.floor(m * cells));
}

function cellKey(grid: CellGrid, mx: number, my: number): number {
  const cells = 2 ** grid.zoom;
  return (cellIndex(my, cells) - grid.y0) * grid.width + (cellIndex(mx, cells) - grid.x0);
}

/** The first position in ascending `keys` whose key is ≥ key (keys.length when none is). */
function lowerBound(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
