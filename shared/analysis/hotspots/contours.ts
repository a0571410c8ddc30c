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
 */
import { contours } from 'd3-contour';
import type { Grid } from '../../model/grid.js';
import { type MultiPolygonCoords, type Ring, signedRingArea } from './polygon.js';

/** The region value ≥ threshold as MultiPolygon coordinates in project CRS metres. */
export function contourPolygons(grid: Grid, threshold: number): MultiPolygonCoords {
  if (!Number.isFinite(threshold)) throw new RangeError(`threshold must be finite, got ${threshold}`);
  const { width, height, originX, originY, cellSizeM } = grid;
  const generator = contours().size([width, height]);
  const geometry = generator.contour(grid.values as unknown as number[], threshold);
  return geometry.coordinates.map((polygon) =>
    polygon.map((ring, k) => {
      const out: Ring = ring.map(([gx, gy]) => [
        originX + gx * cellSizeM,
        originY + (height - gy) * cellSizeM,
      ]);
      const ccw = signedRingArea(out) > 0;
      // Exterior (k = 0) counter-clockwise, holes clockwise.
      if ((k === 0) !== ccw) out.reverse();
      return out;
    }),
  );
}
