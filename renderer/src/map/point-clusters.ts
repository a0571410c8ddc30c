/**
 * Clusters of the selected points for one zoom level, computed from typed columns (no MapLibre
 * worker, no GeoJSON of every point): the map's records source holds only what is drawn at the
 * current zoom, so a filter change re-sends a few hundred features instead of 200,000 (issue 11,
 * Performance).
 *
 * Rule: at integer zoom z the world is 512 · 2^z pixels wide (MapLibre's tile size); a point lies
 * in the grid cell (⌊px / r⌋, ⌊py / r⌋) of its Web Mercator pixel position with r = radiusPx.
 * Every cell with two or more selected points is one cluster, drawn at the mean of its points'
 * Mercator positions; a cell with one point draws the point itself. Cells are half-open ([k·r,
 * (k+1)·r)). A cluster's expansion zoom is the first zoom above z at which its points fall in more
 * than one cell (maxZoom + 1 when they never part: points at one place). O(n) per zoom, one Map
 * entry per occupied cell.
 */

/** MapLibre's world size in pixels at zoom 0 (its tiles are 512 px). */
export const WORLD_PX_AT_Z0 = 512;
/** Cell keys: column × KEY_ROWS + row; rows stay below 2^22 up to zoom 16 at radii ≥ 8 px. */
const KEY_ROWS = 4_194_304;

/** Web Mercator position of each point in world units (0–1, y down); NaN where lon/lat is unusable. */
export interface MercatorPoints {
  mx: Float64Array;
  my: Float64Array;
}

export function toMercator(lon: Float64Array, lat: Float64Array): MercatorPoints {
  const n = lon.length;
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 85.05) {
      mx[i] = Number.NaN;
      my[i] = Number.NaN;
      continue;
    }
    const sin = Math.sin((y * Math.PI) / 180);
    mx[i] = x / 360 + 0.5;
    my[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  }
  return { mx, my };
}

/** lon/lat of a Web Mercator world position. */
export function fromMercator(mx: number, my: number): [number, number] {
  const lon = (mx - 0.5) * 360;
  const lat = (360 / Math.PI) * Math.atan(Math.exp((0.5 - my) * 2 * Math.PI)) - 90;
  return [lon, lat];
}

function cellSize(zoom: number, radiusPx: number): number {
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > 16)
    throw new RangeError(`zoom must be a whole number 0–16, got ${zoom}`);
  if (!(radiusPx >= 8)) throw new RangeError(`radiusPx must be >= 8, got ${radiusPx}`);
  return (WORLD_PX_AT_Z0 * 2 ** zoom) / radiusPx;
}

function cellKey(mx: number, my: number, cellsPerWorld: number): number {
  return Math.floor(mx * cellsPerWorld) * KEY_ROWS + Math.floor(my * cellsPerWorld);
}

export interface GridCells {
  /** Cell key of each occupied cell, in order of its first point. */
  key: number[];
  count: number[];
  /** Sum of the points' Mercator x and y (the centroid is sum / count). */
  sumX: number[];
  sumY: number[];
  /** The first point's row (the point itself when count is 1). */
  first: number[];
  /** Selected rows without a usable position. */
  unplaced: number;
}

/** The occupied cells of the selected rows at `zoom`. */
export function gridCells(
  points: MercatorPoints,
  rows: Uint32Array,
  zoom: number,
  radiusPx: number,
): GridCells {
  const cells = cellSize(zoom, radiusPx);
  const out: GridCells = { key: [], count: [], sumX: [], sumY: [], first: [], unplaced: 0 };
  const slot = new Map<number, number>();
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const x = points.mx[row]!;
    const y = points.my[row]!;
    if (Number.isNaN(x)) {
      out.unplaced++;
      continue;
    }
    const key = cellKey(x, y, cells);
    const s = slot.get(key);
    if (s === undefined) {
      slot.set(key, out.key.length);
      out.key.push(key);
      out.count.push(1);
      out.sumX.push(x);
      out.sumY.push(y);
      out.first.push(row);
    } else {
      out.count[s]!++;
      out.sumX[s]! += x;
      out.sumY[s]! += y;
    }
  }
  return out;
}

/** The zoom above `zoom` at which the points of cell `key` part, or maxZoom + 1 when they never do. */
export function expansionZoom(
  points: MercatorPoints,
  rows: Uint32Array,
  zoom: number,
  key: number,
  radiusPx: number,
  maxZoom: number,
): number {
  const cells = cellSize(zoom, radiusPx);
  const members: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const x = points.mx[row]!;
    if (!Number.isNaN(x) && cellKey(x, points.my[row]!, cells) === key) members.push(row);
  }
  for (let z = zoom + 1; z <= maxZoom; z++) {
    const finer = cellSize(z, radiusPx);
    const firstKey =
      members.length === 0 ? 0 : cellKey(points.mx[members[0]!]!, points.my[members[0]!]!, finer);
    if (members.some((row) => cellKey(points.mx[row]!, points.my[row]!, finer) !== firstKey)) return z;
  }
  return maxZoom + 1;
}

/** A cluster's count as MapLibre's clustered sources write it (supercluster's abbreviation). */
export function abbreviateCount(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
}
