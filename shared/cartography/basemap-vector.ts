/**
 * A vector basemap (Mapbox Vector Tiles) on printed maps: its roads with their names and its water,
 * in project CRS metres, ready for the static map's street and water layers (as the bundled sample
 * town's are). Reads the Protomaps (roads, water) and OpenMapTiles (transportation,
 * transportation_name, water) layer names; everything else in the tile is left out.
 */
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { makeTransform } from '../crs/transform.js';
import { tileToLonLat } from './basemap-tiles.js';

export interface VectorPrintLayers {
  streets: { coords: number[][]; name?: string; major?: boolean }[];
  water: { polygons: number[][][][]; label: string }[];
}

const ROAD_LAYERS = ['roads', 'transportation', 'transportation_name'];
const WATER_LAYERS = ['water'];
/** Protomaps kinds and OpenMapTiles classes drawn as main roads. */
const MAJOR = /^(highway|major_road|motorway|trunk|primary|secondary)/i;
const LINE = 2;
const POLYGON = 3;

/** The roads and water of one decoded tile (bytes uncompressed), projected to `crs`. */
export function vectorTileLayers(
  bytes: Uint8Array,
  tile: { z: number; x: number; y: number },
  crs: string,
): VectorPrintLayers {
  const vt = new VectorTile(new PbfReader(bytes));
  const { toProject } = makeTransform('EPSG:4326', crs);
  const out: VectorPrintLayers = { streets: [], water: [] };
  for (const [name, layer] of Object.entries(vt.layers)) {
    const isRoad = ROAD_LAYERS.includes(name);
    if (!isRoad && !WATER_LAYERS.includes(name)) continue;
    // Tile units (0…extent) → tile coordinates → WGS84 → project CRS.
    const place = (p: { x: number; y: number }) =>
      toProject(...tileToLonLat(tile.z, tile.x + p.x / layer.extent, tile.y + p.y / layer.extent));
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      const rings = feature.loadGeometry().map((ring) => ring.map(place));
      if (isRoad && feature.type === LINE) out.streets.push(...rings.map((coords) => road(coords, feature)));
      if (!isRoad && feature.type === POLYGON) {
        const label = typeof feature.properties.name === 'string' ? feature.properties.name : 'Water';
        out.water.push({ polygons: [rings], label });
      }
    }
  }
  return out;
}

function road(coords: number[][], feature: VectorTileFeature): VectorPrintLayers['streets'][number] {
  const { name, kind, class: cls } = feature.properties;
  const type = String(kind ?? cls ?? '');
  return {
    coords,
    ...(typeof name === 'string' && name.trim() !== '' ? { name } : {}),
    major: MAJOR.test(type),
  };
}
