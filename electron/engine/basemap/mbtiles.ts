/**
 * Reads tiles from an MBTiles basemap (https://github.com/mapbox/mbtiles-spec, 1.3): a SQLite file
 * with `metadata(name, value)` and `tiles(zoom_level, tile_column, tile_row, tile_data)`. Rows are
 * numbered TMS-style (row 0 = south), MapLibre asks XYZ-style (y 0 = north), so
 * tile_row = 2^z − 1 − y. Vector tiles are stored gzipped; they are inflated here because a
 * custom-protocol response is handed to the page as is.
 */
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';

export interface MbtilesMetadata {
  name?: string;
  format: string;
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
  attribution?: string;
  /** Names of a vector file's layers (from the `json` row's vector_layers), to pick a style. */
  vectorLayers?: string[];
}

export interface MbtilesReader {
  readonly metadata: MbtilesMetadata;
  /** The tile's bytes (inflated), or null when the file has no such tile. */
  tile(z: number, x: number, y: number): Buffer | null;
  close(): void;
}

const TILE_CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

export function tileContentType(format: string): string {
  return TILE_CONTENT_TYPES[format] ?? 'application/octet-stream';
}

/** Parses the metadata table's rows; missing zooms fall back to the spec's 0–22 range. */
export function parseMbtilesMetadata(rows: readonly { name: string; value: string }[]): MbtilesMetadata {
  const map = new Map(rows.map((r) => [r.name, r.value]));
  const zoom = (key: string, fallback: number) => {
    const value = Number(map.get(key));
    return map.has(key) && Number.isInteger(value) && value >= 0 && value <= 30 ? value : fallback;
  };
  const bounds = map.get('bounds')?.split(',').map(Number);
  return {
    name: map.get('name'),
    format: (map.get('format') ?? 'png').toLowerCase(),
    minzoom: zoom('minzoom', 0),
    maxzoom: zoom('maxzoom', 22),
    bounds:
      bounds?.length === 4 && bounds.every(Number.isFinite)
        ? (bounds as [number, number, number, number])
        : undefined,
    attribution: map.get('attribution'),
    vectorLayers: vectorLayerNames(map.get('json')),
  };
}

/** The `id`s of a TileJSON-style `vector_layers` list, or undefined when there is none. */
export function vectorLayerNames(json: string | undefined): string[] | undefined {
  if (json === undefined) return undefined;
  try {
    const layers = (JSON.parse(json) as { vector_layers?: { id?: unknown }[] }).vector_layers;
    if (!Array.isArray(layers)) return undefined;
    return layers.map((l) => l.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return undefined;
  }
}

export function openMbtiles(path: string): MbtilesReader {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[];
    const metadata = parseMbtilesMetadata(rows);
    const select = db.prepare(
      'SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
    );
    return {
      metadata,
      tile(z, x, y) {
        const row = select.get(z, x, 2 ** z - 1 - y) as { data: Buffer } | undefined;
        if (row === undefined) return null;
        const gzipped = row.data.length > 2 && row.data[0] === 0x1f && row.data[1] === 0x8b;
        return gzipped ? gunzipSync(row.data) : row.data;
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
