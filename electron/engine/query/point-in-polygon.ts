/**
 * Point in (multi)polygon by the even–odd crossing rule (W. Randolph Franklin, "PNPOLY",
 * https://wrfranklin.org/Research/Short_Notes/pnpoly.html): a horizontal ray from the point crosses
 * the rings' edges an odd number of times iff the point is inside. Counting over every ring of a
 * polygon makes holes work without knowing which ring is outer. A MultiPolygon contains a point
 * when any of its polygons does.
 *
 * Edge convention (PNPOLY's): points exactly on an edge may fall either side, which is fine for
 * counting crimes in areas drawn by hand or by boundary files with finite precision.
 * Cost O(vertices) per point; `prepareArea` adds a bounding-box test that rejects most points first.
 */

export type PolygonCoords = number[][][];
export type MultiPolygonCoords = number[][][][];

export interface PreparedArea {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Rings flattened to [x0, y0, x1, y1, …] per polygon (closing vertex optional). */
  polygons: Float64Array[][];
}

function isMultiPolygon(coords: PolygonCoords | MultiPolygonCoords): coords is MultiPolygonCoords {
  return Array.isArray(coords[0]?.[0]?.[0]);
}

export function prepareArea(coords: PolygonCoords | MultiPolygonCoords): PreparedArea {
  const polygons = isMultiPolygon(coords) ? coords : [coords];
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const prepared = polygons.map((rings) =>
    rings.map((ring) => {
      const flat = new Float64Array(ring.length * 2);
      ring.forEach(([x, y], i) => {
        if (!Number.isFinite(x) || !Number.isFinite(y))
          throw new RangeError(`polygon vertex ${i} is not finite`);
        flat[2 * i] = x!;
        flat[2 * i + 1] = y!;
        if (x! < minX) minX = x!;
        if (x! > maxX) maxX = x!;
        if (y! < minY) minY = y!;
        if (y! > maxY) maxY = y!;
      });
      return flat;
    }),
  );
  return { minX, minY, maxX, maxY, polygons: prepared };
}

function inRings(rings: Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = ring[2 * i + 1]!;
      const yj = ring[2 * j + 1]!;
      if (yi > y !== yj > y) {
        const xi = ring[2 * i]!;
        const xj = ring[2 * j]!;
        if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

export function areaContains(area: PreparedArea, x: number, y: number): boolean {
  if (x < area.minX || x > area.maxX || y < area.minY || y > area.maxY) return false;
  for (const rings of area.polygons) if (inRings(rings, x, y)) return true;
  return false;
}

/** Planar area in square units (shoelace formula), holes subtracted (rings after the first). */
export function polygonAreaM2(coords: PolygonCoords | MultiPolygonCoords): number {
  const polygons = isMultiPolygon(coords) ? coords : [coords];
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let twice = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        twice += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
      }
      total += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return total;
}
