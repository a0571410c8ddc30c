/**
 * The grid a density surface is computed on (DESIGN.md §4, "Kernel density"): square cells of
 * `cellSizeM` metres laid from the lower-left corner of an extent, rows north to south.
 *
 *   width  = max(1, ⌈(maxX − minX) / c⌉),  height = max(1, ⌈(maxY − minY) / c⌉)
 *
 * so the grid covers the extent and may overhang its east and north sides by less than one cell
 * (the origin stays exactly at the extent's lower-left corner, as ArcGIS and QGIS do). Without an
 * explicit extent the data's bounding box is padded by the bandwidth's support radius on every side,
 * so every event's kernel lies wholly inside the grid.
 */
import type { Grid } from '../../model/grid.js';

/** A rectangle in project CRS metres. */
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A grid's geometry without its values. */
export type GridSpec = Omit<Grid, 'values'>;

/** Bounding box of the finite points among `x, y` (indices in `use` only, when given); null if none. */
export function boundingBox(x: Float64Array, y: Float64Array, use?: Uint8Array): Extent | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    if (use && use[i] === 0) continue;
    const px = x[i];
    const py = y[i];
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/** Bounding box of the points among `x, y` inside the closed rectangle `within`; null if none. */
export function boundingBoxWithin(x: Float64Array, y: Float64Array, within: Extent): Extent | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const px = x[i];
    const py = y[i];
    if (!(px >= within.minX && px <= within.maxX && py >= within.minY && py <= within.maxY)) continue;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/** The extent grown by `marginM` on every side. */
export function padExtent(extent: Extent, marginM: number): Extent {
  return {
    minX: extent.minX - marginM,
    minY: extent.minY - marginM,
    maxX: extent.maxX + marginM,
    maxY: extent.maxY + marginM,
  };
}

/** Number of columns and rows a grid of `cellSizeM` needs to cover `extent` (at least 1 each). */
export function gridDimensions(extent: Extent, cellSizeM: number): { width: number; height: number } {
  return {
    width: Math.max(1, Math.ceil((extent.maxX - extent.minX) / cellSizeM)),
    height: Math.max(1, Math.ceil((extent.maxY - extent.minY) / cellSizeM)),
  };
}

/** The grid laid on `extent` from its lower-left corner. */
export function gridSpecForExtent(extent: Extent, cellSizeM: number): GridSpec {
  const { width, height } = gridDimensions(extent, cellSizeM);
  return { width, height, originX: extent.minX, originY: extent.minY, cellSizeM };
}

/** Whether (x, y) lies in the closed rectangle. */
export function extentContains(extent: Extent, x: number, y: number): boolean {
  return x >= extent.minX && x <= extent.maxX && y >= extent.minY && y <= extent.maxY;
}
