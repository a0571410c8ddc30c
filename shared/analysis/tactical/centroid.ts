/**
 * Area centroid of a polygon's exterior ring (holes ignored: a hotspot outline's holes are small),
 * by the shoelace formulas Cx = Σ (xᵢ + xᵢ₊₁)(xᵢyᵢ₊₁ − xᵢ₊₁yᵢ) / 6A, Cy likewise. A degenerate ring
 * (zero area) gives the mean of its vertices. Coordinates are shifted to the first vertex first so
 * the products stay small with British National Grid metres. O(vertices).
 */
import type { PolygonCoords } from '../hotspots/polygon.js';

export function polygonCentroid(polygon: PolygonCoords): { x: number; y: number } {
  const ring = polygon[0];
  if (!ring || ring.length === 0) throw new RangeError('the polygon has no exterior ring');
  const [ox, oy] = ring[0]!;
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = ring[i]![0]! - ox!;
    const y0 = ring[i]![1]! - oy!;
    const x1 = ring[i + 1]![0]! - ox!;
    const y1 = ring[i + 1]![1]! - oy!;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) {
    const n = ring.length;
    return {
      x: ring.reduce((s, p) => s + p[0]!, 0) / n,
      y: ring.reduce((s, p) => s + p[1]!, 0) / n,
    };
  }
  return { x: ox! + cx / (3 * twiceArea), y: oy! + cy / (3 * twiceArea) };
}
