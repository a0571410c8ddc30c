/**
 * The project's basemap on printed maps (profile HTML/PDF and slides, issue 12): for a local raster
 * PMTiles or MBTiles file, reads the tiles every printed map needs (shared/profile/maps.ts printViews)
 * so the pure map code can draw them; for an intranet XYZ or WMS server, reads nothing (printing never
 * reaches the network) and says so on the map. The bundled sample town is sample-reference.ts.
 */
import type Database from 'better-sqlite3';
import {
  basemapCredit,
  isRasterFormat,
  type PrintTile,
  tilesForView,
} from '../../../shared/cartography/basemap-tiles.js';
import { printViews } from '../../../shared/profile/maps.js';
import type { ProfileInputs } from '../../../shared/profile/model.js';
import { readStoredBasemap } from './basemap-store.js';
import { openTileFile } from './tile-file.js';

export const INTRANET_NOT_PRINTED = 'Basemap not shown in print: intranet server';
/** Most tiles read for one profile (about 20 maps of up to 25 tiles at town scale). */
const MAX_TILES = 600;

/** The inputs with the project's basemap for print added to their map layers. */
export async function withPrintBasemap(db: Database.Database, inputs: ProfileInputs): Promise<ProfileInputs> {
  const stored = readStoredBasemap(db);
  if (stored?.kind === 'xyz' || stored?.kind === 'wms')
    return { ...inputs, layers: { ...inputs.layers, basemapCredit: INTRANET_NOT_PRINTED } };
  if (stored?.kind !== 'file') return inputs;
  let file: Awaited<ReturnType<typeof openTileFile>>;
  try {
    file = await openTileFile(stored.path, stored.name);
  } catch {
    // A missing or unreadable file prints no basemap; the map panel already says what to fix.
    return inputs;
  }
  try {
    const { info } = file;
    const credit = basemapCredit(info.attribution, info.name ?? stored.name);
    if (!isRasterFormat(info.format))
      return { ...inputs, layers: { ...inputs.layers, basemapCredit: credit } };
    const tiles = await readTiles(file, inputs);
    const basemap = {
      format: info.format,
      minzoom: info.minzoom,
      maxzoom: info.maxzoom,
      tiles,
      opacity: stored.opacity,
    };
    return { ...inputs, layers: { ...inputs.layers, basemap, basemapCredit: credit } };
  } finally {
    await file.close();
  }
}

async function readTiles(
  file: Awaited<ReturnType<typeof openTileFile>>,
  inputs: ProfileInputs,
): Promise<PrintTile[]> {
  const { minzoom, maxzoom } = file.info;
  const wanted = new Map<string, { z: number; x: number; y: number }>();
  for (const view of printViews(inputs))
    for (const t of tilesForView(view.extent, view.metresPerPx, inputs.layers.crs, minzoom, maxzoom))
      if (wanted.size < MAX_TILES) wanted.set(`${t.z}/${t.x}/${t.y}`, t);
  const tiles: PrintTile[] = [];
  for (const t of wanted.values()) {
    const bytes = await file.tile(t.z, t.x, t.y);
    if (bytes !== null) tiles.push({ ...t, bytes });
  }
  return tiles;
}
