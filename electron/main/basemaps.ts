/**
 * The local basemap files the analyst picked in this session (DESIGN.md §3 "Map"), by id. Like the
 * engine's FileRegistry, only paths chosen in a native dialog get in, and the page names a file by
 * an unguessable id, never by path. MBTiles files stay open for reading while registered.
 */
import { randomBytes } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { BasemapTile } from '../../shared/api/basemap-api.js';
import type { LocalBasemap } from '../../shared/api/desktop.js';
import type { Envelope } from '../../shared/api/errors.js';
import { type MbtilesReader, openMbtiles } from '../engine/basemap/mbtiles.js';
import { pmtilesUrl, tileUrlTemplate } from './basemap-path.js';

export type RegisteredBasemap =
  | { kind: 'pmtiles'; path: string }
  | { kind: 'mbtiles'; path: string; reader: MbtilesReader };

/** Asks the engine (its own process) for a tile of a file the project chose: undefined for an unknown id. */
export type EngineTileSource = (input: {
  id: string;
  z: number;
  x: number;
  y: number;
}) => Promise<Envelope<unknown>>;

export class BasemapRegistry {
  private readonly entries = new Map<string, RegisteredBasemap>();
  private engineTiles: EngineTileSource | null = null;

  /** Lets the app protocol serve the tiles of basemap files the engine opened for the project. */
  useEngine(source: EngineTileSource): void {
    this.engineTiles = source;
  }

  /** A tile of a file open in the engine: null for no such tile, undefined for no such file. */
  async engineTile(id: string, z: number, x: number, y: number): Promise<BasemapTile | null | undefined> {
    if (this.engineTiles === null) return undefined;
    const envelope = await this.engineTiles({ id, z, x, y });
    return envelope.ok ? (envelope.value as BasemapTile | null) : undefined;
  }

  /** Registers a .pmtiles or .mbtiles file and describes it for the map. Throws RangeError for other files. */
  add(path: string): LocalBasemap {
    const ext = extname(path).toLowerCase();
    const id = randomBytes(16).toString('base64url');
    const name = basename(path);
    if (ext === '.pmtiles') {
      this.entries.set(id, { kind: 'pmtiles', path });
      return { kind: 'pmtiles', id, name, url: pmtilesUrl(id) };
    }
    if (ext === '.mbtiles') {
      const reader = openMbtiles(path);
      this.entries.set(id, { kind: 'mbtiles', path, reader });
      const { format, minzoom, maxzoom, bounds, attribution } = reader.metadata;
      return {
        kind: 'mbtiles',
        id,
        name: reader.metadata.name ?? name,
        tiles: tileUrlTemplate(id),
        format,
        minzoom,
        maxzoom,
        ...(bounds === undefined ? {} : { bounds }),
        ...(attribution === undefined ? {} : { attribution }),
      };
    }
    throw new RangeError(`basemap must be a .pmtiles or .mbtiles file, got '${name}'`);
  }

  get(id: string): RegisteredBasemap | undefined {
    return this.entries.get(id);
  }

  closeAll(): void {
    for (const entry of this.entries.values()) if (entry.kind === 'mbtiles') entry.reader.close();
    this.entries.clear();
  }
}
