/**
 * Which contour polygon of one class holds each event, found through the region labels instead of
 * testing every polygon: a point inside a polygon of region R lies in the square of the four cell
 * centres round it (clamped at the grid's edge, where regions close along the edge), and at least one
 * of those cells is in R, because marching squares puts every boundary between an above-threshold
 * sample and a below one. So each event is tested (even–odd, holes excluded, as preparedContains)
 * only against the polygons of the ≤ 4 regions round it; polygons are prepared on first use.
 */
import type { Grid } from '../../model/grid.js';
import type { RegionContours } from './contours.js';
import { type PreparedPolygon, preparedContains, preparePolygon } from './polygon.js';
import { labelAt } from './regions.js';

/** Polygon index holding each event, −1 where none does. */
export function eventPolygons(
  grid: Grid,
  contours: RegionContours,
  x: Float64Array,
  y: Float64Array,
): Int32Array {
  const { width, height, originX, originY, cellSizeM } = grid;
  const { regions } = contours;
  const prepared: (PreparedPolygon | undefined)[] = new Array(contours.polygons.length);
  const out = new Int32Array(x.length).fill(-1);
  const near = [0, 0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const gx = (x[i] - originX) / cellSizeM - 0.5;
    const gy = height - (y[i] - originY) / cellSizeM - 0.5;
    if (!(gx > -1 && gx < width && gy > -1 && gy < height)) continue;
    const c0 = Math.max(0, Math.floor(gx));
    const c1 = Math.min(width - 1, Math.floor(gx) + 1);
    const r0 = Math.max(0, Math.floor(gy));
    const r1 = Math.min(height - 1, Math.floor(gy) + 1);
    near[0] = labelAt(regions, c0, r0);
    near[1] = labelAt(regions, c1, r0);
    near[2] = labelAt(regions, c0, r1);
    near[3] = labelAt(regions, c1, r1);
    search: for (let k = 0; k < 4; k++) {
      const label = near[k];
      if (label === 0 || near.indexOf(label) < k) continue;
      for (let p = contours.first[label - 1]; p < contours.first[label]; p++) {
        const polygon = prepared[p] ?? preparePolygon(contours.polygons[p]);
        prepared[p] = polygon;
        if (preparedContains(polygon, x[i], y[i])) {
          out[i] = p;
          break search;
        }
      }
    }
  }
  return out;
}
