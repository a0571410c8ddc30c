/**
 * The density difference surface of a tactical assessment (issue 13 item 1): this period's kernel
 * density minus the previous period's, cell by cell, on the same grid (same extent, cell size,
 * kernel and bandwidth, so the difference is of like with like). Units stay events per km²; both
 * periods have the same length in a tactical assessment, so a difference of densities is a
 * difference of rates. NODATA (NaN, outside a clip) stays NaN. O(cells).
 */
import { cellCentreX, cellCentreY, type Grid } from '../../model/grid.js';

export interface DifferencePeak {
  x: number;
  y: number;
  /** Events per km², current minus previous. */
  value: number;
}

export interface DensityDifference {
  grid: Grid;
  /** The cell with the largest rise (null when nothing rose) and the largest fall. */
  largestRise: DifferencePeak | null;
  largestFall: DifferencePeak | null;
}

export function densityDifference(current: Grid, previous: Grid): DensityDifference {
  for (const k of ['width', 'height', 'originX', 'originY', 'cellSizeM'] as const) {
    if (current[k] !== previous[k])
      throw new RangeError(`the grids differ in ${k}: ${current[k]} and ${previous[k]}`);
  }
  const values = new Float64Array(current.values.length);
  let rise = -1;
  let fall = -1;
  for (let i = 0; i < values.length; i++) {
    const d = current.values[i]! - previous.values[i]!;
    values[i] = d;
    if (d > 0 && (rise < 0 || d > values[rise]!)) rise = i;
    if (d < 0 && (fall < 0 || d < values[fall]!)) fall = i;
  }
  const grid: Grid = { ...current, values };
  const peak = (i: number): DifferencePeak | null =>
    i < 0
      ? null
      : {
          x: cellCentreX(grid, i % grid.width),
          y: cellCentreY(grid, Math.floor(i / grid.width)),
          value: values[i]!,
        };
  return { grid, largestRise: peak(rise), largestFall: peak(fall) };
}
