/**
 * Ring orientation for RFC 7946 GeoJSON (§3.1.6, the right-hand rule): a polygon's exterior ring is
 * counter-clockwise and its holes clockwise, seen with x (longitude) east and y (latitude) north.
 *
 * Orientation is the sign of the shoelace area of the closed ring (x_i, y_i), i = 0 … n−1:
 *   A = ½ Σ (x_i · y_{i+1} − x_{i+1} · y_i),   A > 0 ⇔ counter-clockwise.
 * A ring of zero area is left as it is. O(n) per ring. Works on any planar coordinates; on lon/lat
 * over a town the sign is that of the ring on the ground.
 */

export type Ring = readonly (readonly number[])[];

/** Shoelace signed area of a ring (closed or not): positive counter-clockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    sum += x0! * y1! - x1! * y0!;
  }
  return sum / 2;
}

/** The polygon's rings with the exterior (first) counter-clockwise and the holes clockwise. */
export function rightHandRule(rings: readonly Ring[]): number[][][] {
  return rings.map((ring, i) => {
    const copy = ring.map((p) => [...p]);
    const area = signedArea(copy);
    const wantCounterClockwise = i === 0;
    return area !== 0 && area > 0 !== wantCounterClockwise ? copy.reverse() : copy;
  });
}
