/**
 * Convex hull and its area, for the footprint of a near-repeat chain (DESIGN.md §4, "Near-repeat
 * chains": "area").
 *
 * Andrew's monotone chain (A. M. Andrew, "Another efficient algorithm for convex hulls in two
 * dimensions", Information Processing Letters 9, 1979): sort points by (x, y), build the lower and
 * upper hulls with a cross-product turn test, dropping collinear points. O(k log k).
 * Area by the shoelace formula A = ½ |Σ (x_i y_{i+1} − x_{i+1} y_i)|, in m² for metre coordinates;
 * fewer than three distinct points, or all collinear, give area 0. Coordinates are taken relative
 * to the first point to keep the cross products accurate at BNG magnitudes.
 */

/** Hull vertices counter-clockwise as [x, y] pairs, without repeating the first. */
export function convexHull(x: ArrayLike<number>, y: ArrayLike<number>): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < x.length; i++) points.push([x[i], y[i]]);
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  if (unique.length < 3) return unique;
  const cross = (o: [number, number], a: [number, number], b: [number, number]): number =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Area of a simple polygon given by its vertices (shoelace), m². */
export function polygonArea(vertices: readonly [number, number][]): number {
  if (vertices.length < 3) return 0;
  const [x0, y0] = vertices[0];
  let twice = 0;
  for (let i = 0; i < vertices.length; i++) {
    const [xa, ya] = vertices[i];
    const [xb, yb] = vertices[(i + 1) % vertices.length];
    twice += (xa - x0) * (yb - y0) - (xb - x0) * (ya - y0);
  }
  return Math.abs(twice) / 2;
}
