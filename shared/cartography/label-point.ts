/**
 * Where to put a polygon's label: the area-weighted centroid of its largest outer ring (shoelace
 * formula). Good enough for compact shapes such as wards and hotspots; a concave ring may put it
 * outside, which is acceptable for a printed map label.
 */
export function ringArea(ring: readonly (readonly number[])[]): number {
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twiceArea += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return twiceArea / 2;
}

export function ringCentroid(ring: readonly (readonly number[])[]): [number, number] {
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    twiceArea += cross;
    cx += (ring[j]![0]! + ring[i]![0]!) * cross;
    cy += (ring[j]![1]! + ring[i]![1]!) * cross;
  }
  if (twiceArea === 0) return [ring[0]![0]!, ring[0]![1]!];
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

/** Label point of a MultiPolygon's coordinates: the centroid of its largest outer ring. */
export function labelPoint(
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
): [number, number] {
  let best = polygons[0]![0]!;
  let bestArea = -1;
  for (const rings of polygons) {
    const area = Math.abs(ringArea(rings[0]!));
    if (area > bestArea) {
      bestArea = area;
      best = rings[0]!;
    }
  }
  return ringCentroid(best);
}
