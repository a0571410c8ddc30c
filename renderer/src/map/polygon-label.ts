/**
 * Where to put a polygon's label: the area-weighted centroid of its outer ring (shoelace formula),
 * or, when that falls outside the ring (a crescent-shaped hotspot), the ring vertex nearest to it.
 * Planar on lon/lat, which is fine at the scale of one hotspot.
 */
export function labelPoint(ring: readonly (readonly number[])[]): [number, number] {
  if (ring.length === 0) throw new RangeError('ring must have at least one vertex');
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area2 += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area2 === 0) return [ring[0][0], ring[0][1]];
  const centroid: [number, number] = [cx / (3 * area2), cy / (3 * area2)];
  if (pointInRing(centroid, ring)) return centroid;
  let best = ring[0];
  let bestD = Infinity;
  for (const p of ring) {
    const d = (p[0] - centroid[0]) ** 2 + (p[1] - centroid[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return [best[0], best[1]];
}

/** Even–odd point in ring. */
export function pointInRing(point: readonly [number, number], ring: readonly (readonly number[])[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
