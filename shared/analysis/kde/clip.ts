/**
 * Clipping a density surface to a boundary (DESIGN.md §4, "Kernel density" options): a cell whose
 * centre lies outside the boundary polygon becomes NaN (NODATA in an ESRI grid), a cell whose centre
 * lies inside keeps its value. The surface itself is not renormalised: kernels still spill across the
 * boundary, as in ArcGIS's "Extract by Mask" after Kernel Density.
 *
 * Scanline even–odd fill: for each row, the boundary's edges are crossed at the row's centre y
 * (half-open in y, so a vertex on the scanline counts once); crossings are sorted and the cells whose
 * centre x falls in [x₂ₖ, x₂ₖ₊₁) are inside. Holes and multipart boundaries come out right without any
 * ring orientation (parts of a multipolygon that overlap cancel out, as in any even–odd fill; boundary
 * files have disjoint parts). Cells next to a crossing are rechecked with the same half-open rule so
 * rounding in the column arithmetic cannot move a centre across the boundary. Cost O(rows · edges + cells).
 */
import { cellCentreX, cellCentreY, type Grid } from '../../model/grid.js';
import { asMultiPolygon, type MultiPolygonCoords, type PolygonCoords } from '../hotspots/polygon.js';

/** Inside mask of the grid's cells (1 = centre inside the boundary). */
export function boundaryMask(
  spec: Omit<Grid, 'values'>,
  boundary: PolygonCoords | MultiPolygonCoords,
): Uint8Array {
  const { width, height, cellSizeM, originX } = spec;
  const mask = new Uint8Array(width * height);
  const edges: number[] = [];
  for (const polygon of asMultiPolygon(boundary)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        edges.push(ring[j][0], ring[j][1], ring[i][0], ring[i][1]);
      }
    }
  }
  const crossings: number[] = [];
  for (let row = 0; row < height; row++) {
    const y = cellCentreY(spec as Grid, row);
    crossings.length = 0;
    for (let e = 0; e < edges.length; e += 4) {
      const x0 = edges[e];
      const y0 = edges[e + 1];
      const x1 = edges[e + 2];
      const y1 = edges[e + 3];
      if (y0 > y !== y1 > y) crossings.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Columns whose centre x = originX + (col + 0.5)c lies in [crossings[k], crossings[k+1]).
      const from = Math.max(0, Math.ceil((crossings[k] - originX) / cellSizeM - 0.5));
      const to = Math.min(width - 1, Math.ceil((crossings[k + 1] - originX) / cellSizeM - 0.5) - 1);
      for (let col = from; col <= to; col++) mask[row * width + col] = 1;
    }
  }
  // Exactness at the crossing points: recheck the two boundary columns of each span with the same
  // half-open rule, since the division above can round a centre onto the wrong side.
  for (let row = 0; row < height; row++) {
    const y = cellCentreY(spec as Grid, row);
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      const left = col > 0 ? mask[i - 1] : 0;
      const right = col < width - 1 ? mask[i + 1] : 0;
      if (mask[i] !== left || mask[i] !== right)
        mask[i] = insideEvenOdd(edges, cellCentreX(spec as Grid, col), y);
    }
  }
  return mask;
}

/** Sets the cells outside the boundary to NaN, in place; returns the number of cells kept. */
export function clipGridToBoundary(grid: Grid, boundary: PolygonCoords | MultiPolygonCoords): number {
  const mask = boundaryMask(grid, boundary);
  let kept = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1) kept++;
    else grid.values[i] = Number.NaN;
  }
  return kept;
}

function insideEvenOdd(edges: number[], x: number, y: number): number {
  let inside = 0;
  for (let e = 0; e < edges.length; e += 4) {
    const x0 = edges[e];
    const y0 = edges[e + 1];
    const x1 = edges[e + 2];
    const y1 = edges[e + 3];
    if (y0 > y !== y1 > y && x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) inside ^= 1;
  }
  return inside;
}
