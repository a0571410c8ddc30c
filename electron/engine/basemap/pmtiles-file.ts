/**
 * Reads a local PMTiles v3 archive (https://github.com/protomaps/PMTiles) with the `pmtiles`
 * library over a file handle: the header gives the tile type, zooms and bounds, the JSON metadata
 * the vector layers; getZxy finds a tile through the directories and inflates it.
 */
import { open } from 'node:fs/promises';
import { PMTiles, type Source, TileType } from 'pmtiles';
import { vectorLayerNames } from './mbtiles.js';
import type { TileFile } from './tile-file.js';

const FORMATS: Partial<Record<TileType, string>> = {
  [TileType.Mvt]: 'pbf',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
};

export async function openPmtiles(path: string): Promise<TileFile> {
  const handle = await open(path, 'r');
  const source: Source = {
    getKey: () => path,
    getBytes: async (offset, length) => {
      const bytes = new Uint8Array(length);
      const { bytesRead } = await handle.read(bytes, 0, length, offset);
      return { data: bytes.buffer.slice(0, bytesRead) };
    },
  };
  try {
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    const format = FORMATS[header.tileType];
    if (format === undefined) throw new RangeError('its tiles are of a type the map cannot draw');
    const metadata = (await archive.getMetadata()) as { name?: unknown; attribution?: unknown };
    const bounds: [number, number, number, number] = [
      header.minLon,
      header.minLat,
      header.maxLon,
      header.maxLat,
    ];
    return {
      info: {
        format,
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        ...(bounds.every(Number.isFinite) && bounds[0] < bounds[2] ? { bounds } : {}),
        ...(typeof metadata.attribution === 'string' ? { attribution: metadata.attribution } : {}),
        ...(typeof metadata.name === 'string' ? { name: metadata.name } : {}),
        ...optional('vectorLayers', vectorLayerNames(JSON.stringify(metadata))),
      },
      tile: async (z, x, y) => {
        const found = await archive.getZxy(z, x, y);
        return found === undefined ? null : new Uint8Array(found.data);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    const why =
      error instanceof RangeError
        ? error.message
        : `it is not a PMTiles archive (${(error as Error).message})`;
    throw new RangeError(`${path.split(/[\\/]/).pop()} could not be used as a basemap: ${why}`);
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
