/**
 * Small planar geometry helpers for the synthetic town, in British National Grid metres.
 */

export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle in BNG metres (min inclusive, max inclusive). */
export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function distance(ax: number, ay: number, bx: number, by: number): number {
  return Math.hypot(ax - bx, ay - by);
}

export function insideExtent(x: number, y: number, e: Extent, marginM = 0): boolean {
  return x >= e.minX + marginM && x <= e.maxX - marginM && y >= e.minY + marginM && y <= e.maxY - marginM;
}

/** Twice the signed area of a closed ring (positive = counter-clockwise, the shoelace formula). */
export function signedArea2(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return s;
}

/** The ring closed (first point repeated last) and counter-clockwise, as RFC 7946 §3.1.6 asks. */
export function closedCounterClockwise(ring: readonly (readonly number[])[]): number[][] {
  const open = ring.map((p) => [p[0], p[1]]);
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length > 1 && first[0] === last[0] && first[1] === last[1]) open.pop();
  if (signedArea2(open) < 0) open.reverse();
  open.push([open[0][0], open[0][1]]);
  return open;
}

/** Index of the nearest seed to (x, y): the Voronoi cell the point lies in (ties to the lower index). */
export function nearestSeed(seeds: readonly Point[], x: number, y: number): number {
  let best = 0;
  let bestD2 = Number.POSITIVE_INFINITY;
  for (let i = 0; i < seeds.length; i++) {
    const d2 = (seeds[i].x - x) ** 2 + (seeds[i].y - y) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
}

/** Even–odd point-in-polygon test on one ring (closed or open). */
export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
