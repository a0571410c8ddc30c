/**
 * Where a dataset's points are expected to be, to catch strays (a point at 0,0, a typo putting a
 * burglary 300 km away) before any analysis (DESIGN.md §4 guard rails).
 *
 * Robust extent: on each axis, median ± max(k · 1.4826 · MAD, minHalfWidthM), where MAD is the
 * median absolute deviation (1.4826 · MAD estimates the standard deviation for normal data but,
 * unlike it, is not dragged by the strays themselves). k = 8 keeps every real point of a town or
 * a force area and flags points tens of kilometres away. The floor keeps a tight cluster (all
 * records in one street) from flagging its neighbours. Cost: O(n log n) (two sorts per axis).
 */

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface RobustExtentOptions {
  /** Half-width in robust standard deviations. Default 8. */
  k?: number;
  /** Smallest half-width in the data's units (metres in a projected CRS). Default 2000. */
  minHalfWidthM?: number;
}

function median(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function axisRange(values: ArrayLike<number>, k: number, floor: number): [number, number] {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(values[i]!);
  const sorted = Float64Array.from(finite).sort();
  const med = median(sorted);
  const deviations = sorted.map((v) => Math.abs(v - med)).sort();
  const halfWidth = Math.max(k * 1.4826 * median(deviations), floor);
  return [med - halfWidth, med + halfWidth];
}

/**
 * The robust extent of points (non-finite values ignored), or null when there are none.
 *
 *   robustExtent(Float64Array.of(0, 1, 2, 1e6), Float64Array.of(0, 1, 2, 3), { k: 8, minHalfWidthM: 10 })
 *   // → x range 1.5 ± 17.8: the point at x = 1e6 falls outside
 */
export function robustExtent(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: RobustExtentOptions = {},
): Extent | null {
  const k = options.k ?? 8;
  const floor = options.minHalfWidthM ?? 2000;
  if (!(k > 0)) throw new RangeError(`k must be > 0, got ${k}`);
  if (!(floor >= 0)) throw new RangeError(`minHalfWidthM must be >= 0, got ${floor}`);
  if (x.length !== y.length) throw new RangeError(`x and y differ in length: ${x.length} vs ${y.length}`);
  let any = false;
  for (let i = 0; i < x.length && !any; i++) any = Number.isFinite(x[i]!) && Number.isFinite(y[i]!);
  if (!any) return null;
  const [minX, maxX] = axisRange(x, k, floor);
  const [minY, maxY] = axisRange(y, k, floor);
  return { minX, minY, maxX, maxY };
}

/** True when (x, y) lies in the extent (edges included). */
export function inExtent(extent: Extent, x: number, y: number): boolean {
  return x >= extent.minX && x <= extent.maxX && y >= extent.minY && y <= extent.maxY;
}

/** True when WGS84 (lon, lat) lies in a [west, south, east, north] box (edges included). */
export function inLonLatBox(
  box: readonly [number, number, number, number],
  lon: number,
  lat: number,
): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}
