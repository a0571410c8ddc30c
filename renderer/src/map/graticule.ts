/**
 * A lon/lat reference graticule over Great Britain and Ireland as GeoJSON lines, drawn under the
 * analyst's layers so an empty map still shows where it is and how far it has zoomed. Generated
 * here rather than fetched: nothing leaves the machine. Lines are densified every 0.25° so
 * parallels curve correctly in Web Mercator.
 */
import type { FeatureCollection, LineString } from 'geojson';

export interface GraticuleExtent {
  west: number;
  east: number;
  south: number;
  north: number;
  stepDeg: number;
}

export const BRITISH_ISLES: GraticuleExtent = { west: -11, east: 3, south: 49, north: 61, stepDeg: 1 };

const DENSIFY_DEG = 0.25;

export function graticule(extent: GraticuleExtent = BRITISH_ISLES): FeatureCollection<LineString> {
  const { west, east, south, north, stepDeg } = extent;
  const features: FeatureCollection<LineString>['features'] = [];
  for (let lon = west; lon <= east + 1e-9; lon += stepDeg) {
    features.push(
      line(
        [
          [lon, south],
          [lon, north],
        ],
        'meridian',
        lon,
      ),
    );
  }
  for (let lat = south; lat <= north + 1e-9; lat += stepDeg) {
    const coordinates: [number, number][] = [];
    for (let lon = west; lon <= east + 1e-9; lon += DENSIFY_DEG) coordinates.push([lon, lat]);
    features.push(line(coordinates, 'parallel', lat));
  }
  return { type: 'FeatureCollection', features };
}

function line(coordinates: [number, number][], kind: 'meridian' | 'parallel', valueDeg: number) {
  return {
    type: 'Feature' as const,
    properties: { kind, valueDeg },
    geometry: { type: 'LineString' as const, coordinates },
  };
}
