/**
 * "Pick a boundary" mode (issue 13 item 5): the analyst clicks a boundary area on the map and gets
 * that feature, to save as an area. The hit test runs on the boundary layers' own GeoJSON (the
 * features the map draws), not on rendered fills: the map fills only the filter's area, so the other
 * areas have outlines but no fill to hit. Escape cancels.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import {
  asMultiPolygon,
  type MultiPolygonCoords,
  type PolygonCoords,
  pointInMultiPolygon,
} from '../../../shared/analysis/hotspots/polygon.js';
import type { BoundaryGeoJson } from '../../../shared/api/import-api.js';

export interface PickedBoundary {
  featureId: number;
  /** The feature's name, or its code when it has none. */
  name: string;
  layerName: string;
}

export interface PickableLayer {
  name: string;
  geo: BoundaryGeoJson;
}

/**
 * The boundary feature under a WGS84 point, or null. Where layers nest (a ward inside a district),
 * the smallest area under the point is the one meant.
 */
export function boundaryAt(
  layers: readonly PickableLayer[],
  lon: number,
  lat: number,
): PickedBoundary | null {
  let best: { picked: PickedBoundary; areaM2: number } | null = null;
  for (const layer of layers) {
    for (const f of layer.geo.features) {
      const coords = asMultiPolygon(f.geometry.coordinates as PolygonCoords | MultiPolygonCoords);
      if (!pointInMultiPolygon(coords, lon, lat)) continue;
      if (best !== null && best.areaM2 <= f.properties.areaM2) continue;
      best = {
        picked: { featureId: f.id, name: f.properties.name ?? f.properties.code, layerName: layer.name },
        areaM2: f.properties.areaM2,
      };
    }
  }
  return best?.picked ?? null;
}

/**
 * Waits for a click on a boundary area. `hit` finds the feature under a point; a click on no area
 * calls `missed` and keeps waiting. `done` gets the feature, or null on Escape or cancel. Returns a
 * function that cancels.
 */
export function startPicking(
  map: MapLibreMap,
  hit: (lon: number, lat: number) => PickedBoundary | null,
  missed: () => void,
  done: (picked: PickedBoundary | null) => void,
): () => void {
  const canvas = map.getCanvas();
  const cursor = canvas.style.cursor;
  canvas.style.cursor = 'pointer';
  const finish = (picked: PickedBoundary | null) => {
    map.off('click', onClick);
    window.removeEventListener('keydown', onKey);
    canvas.style.cursor = cursor;
    done(picked);
  };
  const onClick = (e: MapMouseEvent) => {
    const picked = hit(e.lngLat.lng, e.lngLat.lat);
    if (picked === null) missed();
    else finish(picked);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') finish(null);
  };
  map.on('click', onClick);
  window.addEventListener('keydown', onKey);
  return () => finish(null);
}
