/**
 * The project's basemap on printed maps (profile HTML/PDF and slides, issue 12). For a local raster
 * PMTiles or MBTiles file, reads the tiles every printed map needs (shared/profile/maps.ts printViews)
 * so the pure map code can draw them; for a vector file, its roads (with names) and water become the
 * maps' streets and water; for an intranet XYZ or WMS server, reads nothing (printing never reaches
 * the network) and says so on the map. The bundled sample town is sample-reference.ts.
 */
import type Database from 'better-sqlite3';
import {
  basemapCredit,
  isRasterFormat,
  type PrintTile,
  tilesForView,
} from '../../../shared/cartography/basemap-tiles.js';
import { type VectorPrintLayers, vectorTileLayers } from '../../../shared/cartography/basemap-vector.js';
import { printViews } from '../../../shared/profile/maps.js';
import type { ProfileInputs } from '../../../shared/profile/model.js';
import { readStoredBasemap } from './basemap-store.js';
import { openTileFile, type TileFile } from './tile-file.js';

export const INTRANET_NOT_PRINTED = 'Basemap not shown in print: intranet server';
export const INTRANET_CAVEAT =
  "The printed maps do not show the project's basemap: it comes from an intranet server, and printing never fetches from the network.";
/** Most tiles read for one profile (about 20 maps of up to 25 tiles at town scale). */
const MAX_TILES = 600;
/** Vector basemaps are cut for zoom 14 and drawn larger: its roads are detailed enough for street maps. */
const VECTOR_ZOOM = 14;

/** The inputs with the project's basemap for print added to their map layers. */
export async function withPrintBasemap(db: Database.Database, inputs: ProfileInputs): Promise<ProfileInputs> {
  const stored = readStoredBasemap(db);
  if (stored?.kind === 'xyz' || stored?.kind === 'wms')
    return {
      ...inputs,
      layers: { ...inputs.layers, basemapCredit: INTRANET_NOT_PRINTED },
      caveats: [...inputs.caveats, INTRANET_CAVEAT],
    };
  if (stored?.kind !== 'file') return inputs;
  let file: TileFile;
  try {
    file = await openTileFile(stored.path, stored.name);
  } catch {
    // A missing or unreadable file prints no basemap; the map panel already says what to fix.
    return inputs;
  }
  try {
    const { info } = file;
    const layers = {
      ...inputs.layers,
      basemapCredit: basemapCredit(info.attribution, info.name ?? stored.name),
    };
    if (info.format === 'pbf') {
      const vector = await readVector(file, inputs);
      // The analyst's own reference lines win over the basemap's roads, as over the sample town's.
      if (layers.streets.length === 0) layers.streets = vector.streets;
      layers.water = [...(layers.water ?? []), ...vector.water];
    } else if (isRasterFormat(info.format)) {
      const { format, minzoom, maxzoom } = info;
      const tiles = await readTiles(file, inputs);
      layers.basemap = { format, minzoom, maxzoom, tiles, opacity: stored.opacity };
    }
    return { ...inputs, layers };
  } finally {
    await file.close();
  }
}

/** The tiles the printed maps need between two zooms, each once, at most MAX_TILES. */
function wantedTiles(inputs: ProfileInputs, minzoom: number, maxzoom: number) {
  const wanted = new Map<string, { z: number; x: number; y: number }>();
  for (const view of printViews(inputs))
    for (const t of tilesForView(view.extent, view.metresPerPx, inputs.layers.crs, minzoom, maxzoom))
      if (wanted.size < MAX_TILES) wanted.set(`${t.z}/${t.x}/${t.y}`, t);
  return [...wanted.values()];
}

async function readTiles(file: TileFile, inputs: ProfileInputs): Promise<PrintTile[]> {
  const tiles: PrintTile[] = [];
  for (const t of wantedTiles(inputs, file.info.minzoom, file.info.maxzoom)) {
    const bytes = await file.tile(t.z, t.x, t.y);
    if (bytes !== null) tiles.push({ ...t, bytes });
  }
  return tiles;
}

/** A vector file's roads and water under every printed map, from one zoom (14, or the file's nearest). */
async function readVector(file: TileFile, inputs: ProfileInputs): Promise<VectorPrintLayers> {
  const z = Math.min(file.info.maxzoom, Math.max(file.info.minzoom, VECTOR_ZOOM));
  const out: VectorPrintLayers = { streets: [], water: [] };
  for (const t of wantedTiles(inputs, z, z)) {
    const bytes = await file.tile(t.z, t.x, t.y);
    if (bytes === null) continue;
    const layers = vectorTileLayers(bytes, t, inputs.layers.crs);
    out.streets.push(...layers.streets);
    out.water.push(...layers.water);
  }
  return out;
}
