/**
 * The basemap of the open project (issue 11 item 1), for both hosts: resolves the remembered choice
 * into what the map draws, keeps the local tile files open under unguessable ids (the page names a
 * file by id, never by path), serves their tiles, and says which intranet origin the CSP must allow.
 * With no project open, or before the analyst chooses, the map shows the bundled sample town.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Basemap, BasemapChoice } from '../../../shared/api/basemap-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import { wmsTileServer, xyzTileServer } from '../../../shared/cartography/basemap-url.js';
import type { EngineContext } from '../context.js';
import { readStoredBasemap, type StoredBasemap, writeStoredBasemap } from './basemap-store.js';
import { openTileFile, type TileFile } from './tile-file.js';
import { vectorSchema } from './vector-schema.js';

/** Where tiles of a local basemap are served on the host's own origin. */
export const BASEMAP_TILE_PREFIX = '/basemaps/';
const DEFAULT: StoredBasemap = { kind: 'sample', opacity: 1 };

export class BasemapService {
  /** Open tile files by path, each with its id; ids are stable while the host runs. */
  private readonly open = new Map<string, { id: string; file: TileFile }>();

  constructor(private readonly ctx: Pick<EngineContext, 'maybeProject' | 'files'>) {}

  /** The open project's basemap (the sample town when none is chosen or no project is open). */
  async current(): Promise<Basemap> {
    const project = this.ctx.maybeProject();
    return this.resolve((project && readStoredBasemap(project.db)) ?? DEFAULT);
  }

  /** Checks and remembers the analyst's choice for the open project. */
  async choose(choice: BasemapChoice | undefined, opacity?: number): Promise<Basemap> {
    const project = this.ctx.maybeProject();
    const previous = (project && readStoredBasemap(project.db)) ?? DEFAULT;
    const stored =
      choice === undefined
        ? { ...previous, opacity: opacity ?? previous.opacity }
        : this.toStored(choice, opacity ?? previous.opacity);
    const basemap = await this.resolve(stored);
    if (basemap.kind === 'missing') throw new ApiError('refused', basemap.reason);
    if (project) writeStoredBasemap(project.db, stored);
    return basemap;
  }

  /** The intranet origins the page's CSP must allow for the open project's basemap. */
  tileOrigins(): string[] {
    const project = this.ctx.maybeProject();
    const stored = project ? readStoredBasemap(project.db) : null;
    try {
      if (stored?.kind === 'xyz') return [xyzTileServer(stored.url).origin];
      if (stored?.kind === 'wms') return [wmsTileServer(stored.url, stored.layers).origin];
    } catch {
      // A stored address this version refuses allows nothing.
    }
    return [];
  }

  /** Whether `id` names an open local basemap file. */
  has(id: string): boolean {
    return [...this.open.values()].some((e) => e.id === id);
  }

  /** One tile of an open local basemap, or null (no such file id, or no such tile). */
  async tile(
    id: string,
    z: number,
    x: number,
    y: number,
  ): Promise<{ data: Uint8Array; format: string } | null> {
    const entry = [...this.open.values()].find((e) => e.id === id);
    if (entry === undefined) return null;
    const data = await entry.file.tile(z, x, y);
    return data === null ? null : { data, format: entry.file.info.format };
  }

  async closeAll(): Promise<void> {
    const entries = [...this.open.values()];
    this.open.clear();
    await Promise.all(entries.map((e) => e.file.close()));
  }

  private toStored(choice: BasemapChoice, opacity: number): StoredBasemap {
    try {
      switch (choice.kind) {
        case 'file':
          return { kind: 'file', path: this.ctx.files.resolve(choice.file), name: choice.file.name, opacity };
        case 'xyz':
          xyzTileServer(choice.url);
          return { kind: 'xyz', url: choice.url.trim(), opacity };
        case 'wms':
          wmsTileServer(choice.url, choice.layers);
          return { kind: 'wms', url: choice.url.trim(), layers: choice.layers.trim(), opacity };
        default:
          return { kind: choice.kind, opacity };
      }
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('invalid-argument', error.message);
      throw error;
    }
  }

  private async resolve(stored: StoredBasemap): Promise<Basemap> {
    const { opacity } = stored;
    switch (stored.kind) {
      case 'none':
      case 'sample':
        return { kind: stored.kind, opacity };
      case 'xyz': {
        const server = xyzTileServer(stored.url);
        return { kind: 'server', label: `Tiles from ${server.origin}`, ...server, opacity };
      }
      case 'wms': {
        const server = wmsTileServer(stored.url, stored.layers);
        return {
          kind: 'server',
          label: `WMS layer ${stored.layers} from ${server.origin}`,
          ...server,
          opacity,
        };
      }
      case 'file':
        return this.resolveFile(stored.path, stored.name, opacity);
    }
  }

  private async resolveFile(path: string, name: string, opacity: number): Promise<Basemap> {
    let entry = this.open.get(path);
    if (entry === undefined) {
      if (!existsSync(path))
        return {
          kind: 'missing',
          name,
          reason: `The basemap file ${name} is no longer there; choose it again.`,
          opacity,
        };
      try {
        entry = { id: randomBytes(16).toString('base64url'), file: await openTileFile(path, name) };
      } catch (error) {
        return { kind: 'missing', name, reason: (error as Error).message, opacity };
      }
      this.open.set(path, entry);
    }
    const info = entry.file.info;
    const vectorLayers = info.vectorLayers ?? [];
    return {
      kind: 'file',
      name: info.name ?? name,
      tiles: `${BASEMAP_TILE_PREFIX}${entry.id}/{z}/{x}/{y}`,
      format: info.format,
      schema: info.format === 'pbf' ? vectorSchema(vectorLayers) : null,
      vectorLayers,
      minzoom: info.minzoom,
      maxzoom: info.maxzoom,
      ...(info.bounds ? { bounds: info.bounds } : {}),
      ...(info.attribution ? { attribution: info.attribution } : {}),
      opacity,
    };
  }
}
