/**
 * The places a hotspot lies in (DESIGN.md §4 "Hotspot classes": "the places that recur"; issue 10:
 * hotspots named by neighbourhood / ward / beat where boundaries exist): for each boundary layer,
 * the feature whose polygon holds the hotspot's peak cell centre (even–odd point in polygon,
 * polygon.ts). One place per layer: the first feature found in the order given (boundary layers
 * tile their area, so there is at most one unless features overlap). A layer with no feature there
 * gives no place. Bounding boxes are tested first; cost O(features + vertices of the candidates).
 */
import { type MultiPolygonCoords, pointInMultiPolygon } from './polygon.js';

export interface PlaceFeature {
  layer: string;
  name: string;
  polygon: MultiPolygonCoords;
  /** [minX, minY, maxX, maxY] in the same CRS. */
  bbox: [number, number, number, number];
}

export interface Place {
  layer: string;
  name: string;
}

export function placesAt(x: number, y: number, features: readonly PlaceFeature[]): Place[] {
  const found = new Map<string, string>();
  for (const f of features) {
    if (found.has(f.layer)) continue;
    const [minX, minY, maxX, maxY] = f.bbox;
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) continue;
    if (pointInMultiPolygon(f.polygon, x, y)) found.set(f.layer, f.name);
  }
  return [...found].map(([layer, name]) => ({ layer, name }));
}
