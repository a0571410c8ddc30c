/**
 * Contour polygons of a density surface in project CRS metres (DESIGN.md §4, "Hotspot classes"),
 * by marching squares with linear interpolation (d3-contour, https://d3js.org/d3-contour).
 *
 * d3-contour reads `values[x + y·width]` with sample (x, y) at grid coordinate (x + ½, y + ½), y
 * growing downwards through the rows. Our grid stores row 0 as the northernmost row and values at cell
 * centres, so grid coordinate (X, Y) maps to
 *
 *   east  = originX + X · cellSizeM,   north = originY + (height − Y) · cellSizeM
 *
 * which puts each sample exactly on its cell centre. The y flip reverses ring orientation, so rings
 * are rewritten as GeoJSON (RFC 7946 §3.1.6) wants: exteriors counter-clockwise, holes clockwise.
 * A region is the set where value ≥ threshold; NaN cells (outside a boundary) count as below it, and
 * regions reaching the grid edge are closed along the edge. Each polygon of the returned
 * MultiPolygon is one connected part (exterior plus its holes).
 *
 * Large grids (a 2 m grid over a town is ~12 M cells) are mostly below the threshold, so the grid is
 * not contoured whole: its regions are labelled (regions.ts) and each region's bounding box, one cell
 * wider each side, is contoured alone, the other regions' cells in it set to NaN. Marching squares is
 * local, so the rings are the ones the whole grid gives. Where the boxes together would cover more
 * than a quarter of the grid (a wide bandwidth's few large regions), the whole grid is contoured
 * once instead. Either way polygons come region by region, in raster order of each region's first cell.
 */
import { contours } from 'd3-contour';
import type { Grid } from '../../model/grid.js';
import { type MultiPolygonCoords, type Ring, signedRingArea } from './polygon.js';
import { labelAt, type Regions, thresholdRegions } from './regions.js';

/** The region value ≥ threshold as MultiPolygon coordinates in project CRS metres. */
export function contourPolygons(grid: Grid, threshold: number): MultiPolygonCoords {
  return contourRegions(grid, threshold).polygons;
}

/** Contours with the regions they came from. */
export interface RegionContours {
  regions: Regions;
  polygons: MultiPolygonCoords;
  /** Region r's polygons are polygons[first[r − 1] … first[r] − 1]. */
  first: Int32Array;
}

export function contourRegions(grid: Grid, threshold: number): RegionContours {
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be finite, got ${threshold}`);
  const regions = thresholdRegions(grid.values, grid.width, grid.height, threshold);
  return paddedBoxCells(regions) <= (grid.width * grid.height) / 4
    ? bySubGrids(grid, threshold, regions)
    : byWholeGrid(grid, threshold, regions);
}

/** Cells of every region's sub-grid together (the boxes of large regions overlap). */
function paddedBoxCells(regions: Regions): number {
  let cells = 0;
  for (let b = 0; b < regions.boxes.length; b += 4)
    cells +=
      (regions.boxes[b + 2] - regions.boxes[b] + 3) * (regions.boxes[b + 3] - regions.boxes[b + 1] + 3);
  return cells;
}

/** Each region alone on its bounding box, one cell wider each side, the other regions' cells NaN. */
function bySubGrids(grid: Grid, threshold: number, regions: Regions): RegionContours {
  const { width, height, values } = grid;
  const polygons: MultiPolygonCoords = [];
  const first = new Int32Array(regions.count + 1);
  for (let label = 1; label <= regions.count; label++) {
    const b = 4 * (label - 1);
    const col0 = Math.max(0, regions.boxes[b] - 1);
    const row0 = Math.max(0, regions.boxes[b + 1] - 1);
    const w = Math.min(width - 1, regions.boxes[b + 2] + 1) - col0 + 1;
    const h = Math.min(height - 1, regions.boxes[b + 3] + 1) - row0 + 1;
    const sub = new Float64Array(w * h);
    for (let r = 0; r < h; r++) {
      const from = (row0 + r) * width + col0;
      for (let c = 0; c < w; c++) sub[r * w + c] = values[from + c];
      // Other regions' runs in the box are set below the threshold.
      for (let k = regions.runFirst[row0 + r]; k < regions.runFirst[row0 + r + 1]; k++) {
        if (regions.runLabel[k] === label) continue;
        const c0 = Math.max(col0, regions.runStart[k]);
        const c1 = Math.min(col0 + w - 1, regions.runEnd[k]);
        for (let c = c0; c <= c1; c++) sub[r * w + c - col0] = Number.NaN;
      }
    }
    const geometry = contours()
      .size([w, h])
      .contour(sub as unknown as number[], threshold);
    for (const polygon of geometry.coordinates) polygons.push(toProjected(grid, polygon, col0, row0));
    first[label] = polygons.length;
  }
  return { regions, polygons, first };
}

/**
 * The whole grid at once (when large regions cover much of it), each polygon then given to its region:
 * a vertex lies between an above-threshold sample and a below one, so the 2 × 2 samples round it
 * hold an above one, and all above samples there are 8-connected, so of one region.
 */
function byWholeGrid(grid: Grid, threshold: number, regions: Regions): RegionContours {
  const { width, height } = grid;
  const geometry = contours()
    .size([width, height])
    .contour(grid.values as unknown as number[], threshold);
  const regionOf = geometry.coordinates.map(([[[gx, gy]]]) => {
    const c0 = Math.min(width - 1, Math.max(0, Math.floor(gx - 0.5)));
    const r0 = Math.min(height - 1, Math.max(0, Math.floor(gy - 0.5)));
    let label = 0;
    for (let r = r0; r <= Math.min(height - 1, r0 + 1) && label === 0; r++)
      for (let c = c0; c <= Math.min(width - 1, c0 + 1) && label === 0; c++) label = labelAt(regions, c, r);
    return label;
  });
  const order = regionOf.map((_, k) => k).sort((a, b) => regionOf[a] - regionOf[b] || a - b);
  const polygons = order.map((k) => toProjected(grid, geometry.coordinates[k], 0, 0));
  const first = new Int32Array(regions.count + 1);
  for (const label of regionOf) first[label]++;
  for (let label = 1; label <= regions.count; label++) first[label] += first[label - 1];
  return { regions, polygons, first };
}

/** Sub-grid coordinates → project CRS metres; exteriors counter-clockwise, holes clockwise. */
function toProjected(grid: Grid, polygon: number[][][], col0: number, row0: number): Ring[] {
  const { height, originX, originY, cellSizeM } = grid;
  return polygon.map((ring, k) => {
    const out: Ring = ring.map(([gx, gy]) => [
      originX + (gx + col0) * cellSizeM,
      originY + (height - (gy + row0)) * cellSizeM,
    ]);
    const ccw = signedRingArea(out) > 0;
    // Exterior (k = 0) counter-clockwise, holes clockwise.
    if ((k === 0) !== ccw) out.reverse();
    return out;
  });
}
