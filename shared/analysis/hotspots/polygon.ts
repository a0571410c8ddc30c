/**
 * Planar polygon helpers for hotspot polygons and clipping boundaries, in project CRS metres
 * (DESIGN.md §4: distances and areas only ever in a projected CRS).
 *
 * Coordinates follow GeoJSON: a polygon is a list of rings, the first the exterior and the rest
 * holes; a multipolygon is a list of polygons. Area is the shoelace formula
 * A = ½ |Σ (xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ)| of the exterior minus that of each hole. Point in polygon uses the
 * even–odd rule over all rings of a polygon (a point in a hole is outside), so it needs no particular
 * ring orientation; a point exactly on an edge may fall either way. Cost O(vertices).
 */

export type Ring = number[][];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

/** Signed shoelace area of a ring: positive when counter-clockwise (x east, y north). */
export function signedRingArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return sum / 2;
}

/** Area of a polygon: |exterior| − Σ |holes|. */
export function polygonArea(polygon: PolygonCoords): number {
  let area = 0;
  polygon.forEach((ring, k) => {
    const a = Math.abs(signedRingArea(ring));
    area += k === 0 ? a : -a;
  });
  return area;
}

export function multiPolygonArea(coords: MultiPolygonCoords): number {
  let area = 0;
  for (const polygon of coords) area += polygonArea(polygon);
  return area;
}

/** Accepts GeoJSON Polygon or MultiPolygon coordinates and returns MultiPolygon coordinates. */
export function asMultiPolygon(coords: PolygonCoords | MultiPolygonCoords): MultiPolygonCoords {
  if (coords.length === 0) return [];
  const first = coords[0] as unknown[];
  const isPolygon = first.length > 0 && typeof (first[0] as unknown[])[0] === 'number';
  return isPolygon ? [coords as PolygonCoords] : (coords as MultiPolygonCoords);
}

/** Even–odd point in polygon over all rings (holes excluded). */
export function pointInPolygon(polygon: PolygonCoords, x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0];
      const yi = ring[i][1];
      const xj = ring[j][0];
      const yj = ring[j][1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function pointInMultiPolygon(coords: MultiPolygonCoords, x: number, y: number): boolean {
  for (const polygon of coords) if (pointInPolygon(polygon, x, y)) return true;
  return false;
}

/** Bounding box [minX, minY, maxX, maxY] of all rings. */
export function polygonBBox(coords: MultiPolygonCoords | PolygonCoords): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of asMultiPolygon(coords)) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * A polygon prepared for many point-in-polygon tests: its edges binned by y into horizontal strips,
 * so a test crosses only the edges of the strip holding the point (the even–odd rule needs only the
 * edges that straddle the point's y). About √edges strips; cost per test O(edges / strips) on average.
 */
export interface PreparedPolygon {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  stripHeight: number;
  /** Edges [x0, y0, x1, y1, …] of each strip. */
  strips: Float64Array[];
}

export function preparePolygon(polygon: PolygonCoords): PreparedPolygon {
  const [minX, minY, maxX, maxY] = polygonBBox(polygon);
  let edgeCount = 0;
  for (const ring of polygon) edgeCount += ring.length;
  const stripCount = Math.max(1, Math.ceil(Math.sqrt(edgeCount)));
  const stripHeight = maxY > minY ? (maxY - minY) / stripCount : 1;
  const lists: number[][] = Array.from({ length: stripCount }, () => []);
  const stripOf = (y: number) => Math.min(stripCount - 1, Math.max(0, Math.floor((y - minY) / stripHeight)));
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j];
      const [x1, y1] = ring[i];
      if (y0 === y1) continue; // horizontal edges never straddle a y
      for (let s = stripOf(Math.min(y0, y1)); s <= stripOf(Math.max(y0, y1)); s++)
        lists[s].push(x0, y0, x1, y1);
    }
  }
  return { minX, minY, maxX, maxY, stripHeight, strips: lists.map((l) => Float64Array.from(l)) };
}

/** Even–odd test against a prepared polygon; same answers as pointInPolygon. */
export function preparedContains(p: PreparedPolygon, x: number, y: number): boolean {
  if (!(x >= p.minX && x <= p.maxX && y >= p.minY && y <= p.maxY)) return false;
  const s = Math.min(p.strips.length - 1, Math.floor((y - p.minY) / p.stripHeight));
  const edges = p.strips[s];
  let inside = false;
  for (let e = 0; e < edges.length; e += 4) {
    const x0 = edges[e];
    const y0 = edges[e + 1];
    const x1 = edges[e + 2];
    const y1 = edges[e + 3];
    if (y1 > y !== y0 > y && x < ((x0 - x1) * (y - y1)) / (y0 - y1) + x1) inside = !inside;
  }
  return inside;
}
