/**
 * A raster grid (STYLE.md habit 2), as DESIGN.md §4 defines it for density surfaces:
 * square cells of `cellSizeM` metres; `originX, originY` is the lower-left corner of the grid;
 * rows are stored north to south (ESRI ASCII grid order), so row 0 is the northernmost row;
 * `values[col + row * width]`; each value is the quantity at the cell's centre.
 */
export interface Grid {
  width: number;
  height: number;
  originX: number;
  originY: number;
  cellSizeM: number;
  values: Float64Array;
}

/** Centre x of column `col`. */
export function cellCentreX(grid: Grid, col: number): number {
  return grid.originX + (col + 0.5) * grid.cellSizeM;
}

/** Centre y of row `row` (row 0 is the northernmost). */
export function cellCentreY(grid: Grid, row: number): number {
  return grid.originY + (grid.height - row - 0.5) * grid.cellSizeM;
}
