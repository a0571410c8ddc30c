/**
 * Draws the project's basemap (shared/api/basemap-api.ts) as one layer group under the analysis
 * layers: the bundled sample town, a local PMTiles/MBTiles file served by the host as XYZ tiles
 * (raster, or vector styled for its schema), an intranet XYZ/WMS server, or nothing.
 */
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../../../shared/api/basemap-api.js';
import { sampleTownGeoJson, sampleTownLayers } from './basemap-sample.js';
import {
  BASEMAP_LAND,
  genericVectorLayers,
  openMapTilesLayers,
  protomapsLayers,
  rasterLayers,
  withOpacity,
} from './basemap-style.js';
import { LAYER_ORDER, type LayerGroup, type MapLayers } from './layers.js';

export const BASEMAP_GROUP = 'basemap';
const SEA = '#e3e8ed';

let sampleTown: GeoJSON.FeatureCollection | null = null;

/** The layer group that draws `basemap`, or null for none (or a file that cannot be opened). */
export function basemapGroup(basemap: Basemap, origin: string): LayerGroup | null {
  const id = BASEMAP_GROUP;
  let source: SourceSpecification;
  let layers: LayerSpecification[];
  switch (basemap.kind) {
    case 'none':
    case 'missing':
      return null;
    case 'sample':
      sampleTown ??= sampleTownGeoJson();
      source = { type: 'geojson', data: sampleTown, attribution: 'Ashbridge (invented sample town)' };
      layers = sampleTownLayers(id);
      break;
    case 'server':
      source = { type: 'raster', tiles: [basemap.tiles], tileSize: 256 };
      layers = rasterLayers(id);
      break;
    case 'file': {
      const common = {
        tiles: [`${origin}${basemap.tiles}`],
        minzoom: basemap.minzoom,
        maxzoom: basemap.maxzoom,
        ...(basemap.bounds ? { bounds: basemap.bounds } : {}),
        ...(basemap.attribution ? { attribution: basemap.attribution } : {}),
      };
      if (basemap.format !== 'pbf') {
        source = { type: 'raster', tileSize: 256, ...common };
        layers = rasterLayers(id);
      } else {
        source = { type: 'vector', ...common };
        layers =
          basemap.schema === 'protomaps'
            ? protomapsLayers(id)
            : basemap.schema === 'openmaptiles'
              ? openMapTilesLayers(id)
              : genericVectorLayers(id, basemap.vectorLayers);
      }
      break;
    }
  }
  return { order: LAYER_ORDER.basemap, source, layers: withOpacity(layers, basemap.opacity) };
}

/** Replaces the drawn basemap; a vector basemap gets a land-coloured background under it. */
export function showBasemap(map: MapLibreMap, layers: MapLayers, basemap: Basemap): void {
  const group = basemapGroup(basemap, window.location.origin);
  if (group === null) layers.remove(BASEMAP_GROUP);
  else layers.set(BASEMAP_GROUP, group);
  const vector = basemap.kind === 'file' && basemap.format === 'pbf';
  const apply = () => map.setPaintProperty('background', 'background-color', vector ? BASEMAP_LAND : SEA);
  // Not isStyleLoaded(): it is false while any source loads, and 'load' fires only once.
  if (map.getLayer('background')) apply();
  else map.once('load', apply);
}
