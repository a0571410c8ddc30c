/**
 * One offline basemap file, PMTiles or MBTiles, behind one interface, so either host serves its
 * tiles the same way (XYZ URLs under /basemaps/<id>/) and the map needs no file-format code.
 */
import { extname } from 'node:path';
import { openMbtiles } from './mbtiles.js';
import { openPmtiles } from './pmtiles-file.js';

export interface TileFileInfo {
  /** 'png', 'jpg', 'webp' (raster) or 'pbf' (vector). */
  format: string;
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
  attribution?: string;
  /** A vector file's layer names, to pick a style for its schema. */
  vectorLayers?: string[];
  name?: string;
}

export interface TileFile {
  readonly info: TileFileInfo;
  /** The tile's bytes, uncompressed, or null when the file has no such tile. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export const BASEMAP_EXTENSIONS = ['.pmtiles', '.mbtiles'] as const;

/** Opens a .pmtiles or .mbtiles file; throws RangeError for any other file or an unreadable one. */
export async function openTileFile(path: string, name = path): Promise<TileFile> {
  const ext = extname(name).toLowerCase();
  if (ext === '.pmtiles') return openPmtiles(path);
  if (ext === '.mbtiles') {
    let reader: ReturnType<typeof openMbtiles>;
    try {
      reader = openMbtiles(path);
    } catch (error) {
      throw new RangeError(`${name} could not be read as an MBTiles file: ${(error as Error).message}`);
    }
    return {
      info: reader.metadata,
      tile: async (z, x, y) => reader.tile(z, x, y),
      close: async () => reader.close(),
    };
  }
  throw new RangeError(`a basemap must be a .pmtiles or .mbtiles file; ${name} is neither`);
}
