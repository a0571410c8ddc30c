/**
 * Counts of events per grid cell, the input of Getis-Ord Gi* (issue 13 item 2, DESIGN.md §4
 * "Study area"). Cells of `cellSizeM` are laid from the extent's lower-left corner exactly as the
 * KDE grid is (shared/analysis/kde/extent.ts: ⌈span / c⌉ columns and rows, rows north to south).
 * An event belongs to the cell that contains it: column ⌊(x − minX)/c⌋, row from the south
 * ⌊(y − minY)/c⌋, each cell half-open [left, right) × [bottom, top); an event on the extent's east or
 * north edge goes in the last column or row. Events outside the closed extent rectangle (or with a
 * non-finite coordinate) are left out and counted, never silently dropped. O(events).
 */
import type { Grid } from '../../model/grid.js';
import { type Extent, extentContains, gridSpecForExtent } from '../kde/extent.js';
import { checkGridSize } from '../kde/guard-rails.js';

export interface CountGrid {
  /** Events per cell (weights summed when given). */
  grid: Grid;
  /** Events counted in the grid. */
  used: number;
  /** Events outside the extent, left out. */
  outside: number;
}

export function checkExtent(extent: Extent): void {
  const { minX, minY, maxX, maxY } = extent;
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || !(maxX > minX && maxY > minY)) {
    throw new RangeError(
      `the extent needs finite minX < maxX and minY < maxY, got ${minX},${minY},${maxX},${maxY}`,
    );
  }
}

export function countGrid(
  points: { x: ArrayLike<number>; y: ArrayLike<number>; weight?: ArrayLike<number> },
  extent: Extent,
  cellSizeM: number,
): CountGrid {
  if (!(cellSizeM > 0 && Number.isFinite(cellSizeM)))
    throw new RangeError(`cellSizeM must be > 0, got ${cellSizeM}`);
  checkExtent(extent);
  const spec = gridSpecForExtent(extent, cellSizeM);
  const { width, height } = spec;
  checkGridSize(width, height, cellSizeM);
  const values = new Float64Array(width * height);
  let used = 0;
  let outside = 0;
  for (let i = 0; i < points.x.length; i++) {
    const x = points.x[i]!;
    const y = points.y[i]!;
    if (!(Number.isFinite(x) && Number.isFinite(y) && extentContains(extent, x, y))) {
      outside++;
      continue;
    }
    const col = Math.min(width - 1, Math.floor((x - extent.minX) / cellSizeM));
    const rowFromSouth = Math.min(height - 1, Math.floor((y - extent.minY) / cellSizeM));
    values[col + (height - 1 - rowFromSouth) * width] += points.weight ? points.weight[i]! : 1;
    used++;
  }
  return { grid: { ...spec, values }, used, outside };
}
