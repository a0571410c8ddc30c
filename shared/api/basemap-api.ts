/**
 * Api methods of the basemap (issue 11 item 1): what the map draws under the analysis layers,
 * remembered per project. A local PMTiles or MBTiles file is served by the host as XYZ tiles under
 * /basemaps/<id>/ on its own origin; an intranet XYZ or WMS server is drawn from its own origin,
 * which the page's CSP then allows (and only it); 'sample' is the bundled sample-town basemap.
 */
import { z } from 'zod';
import { method } from './define.js';
import { fileRefSchema } from './project-api.js';

export const basemapChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('sample') }).strict(),
  z.object({ kind: z.literal('file'), file: fileRefSchema }).strict(),
  z.object({ kind: z.literal('xyz'), url: z.string().min(1).max(2048) }).strict(),
  z
    .object({ kind: z.literal('wms'), url: z.string().min(1).max(2048), layers: z.string().min(1).max(200) })
    .strict(),
]);
export type BasemapChoice = z.infer<typeof basemapChoiceSchema>;

/** Which style a vector file gets: by the layer names it carries. */
export type VectorSchema = 'protomaps' | 'openmaptiles' | 'generic';

/** What the map draws, as the host resolved the project's choice. */
export type Basemap = { opacity: number } & (
  | { kind: 'none' }
  | { kind: 'sample' }
  | {
      kind: 'file';
      /** The file's name as the analyst knows it. */
      name: string;
      /** Tile URL template on the host's own origin, e.g. '/basemaps/<id>/{z}/{x}/{y}'. */
      tiles: string;
      /** 'png', 'jpg', 'webp' (raster) or 'pbf' (vector). */
      format: string;
      schema: VectorSchema | null;
      vectorLayers: string[];
      minzoom: number;
      maxzoom: number;
      bounds?: [number, number, number, number];
      attribution?: string;
    }
  | { kind: 'server'; label: string; tiles: string; origin: string }
  /** The remembered file cannot be opened any more (moved, or an upload from an earlier session). */
  | { kind: 'missing'; name: string; reason: string }
);

/** One tile of a local basemap file: its bytes (uncompressed) and encoding ('png', 'pbf', …). */
export interface BasemapTile {
  data: Uint8Array;
  format: string;
}

const tileIndex = z.number().int().min(0);

export const basemapMethods = {
  getBasemap: method(z.object({}).strict())<Basemap>(),
  /**
   * Sets and remembers the open project's basemap and/or its opacity (0–1); without `choice` only
   * the opacity changes. With no project open the choice is shown but not stored.
   */
  setBasemap: method(
    z
      .object({ choice: basemapChoiceSchema.optional(), opacity: z.number().min(0).max(1).optional() })
      .strict(),
  )<Basemap>(),
  /**
   * For the hosts' tile routes (web host /basemaps/…, Electron app://): a tile of an open basemap
   * file, null where the file has none; ApiError not-found for an unknown file id.
   */
  basemapTile: method(
    z
      .object({
        id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
        z: tileIndex.max(30),
        x: tileIndex,
        y: tileIndex,
      })
      .strict(),
  )<BasemapTile | null>(),
  /** The intranet tile origins the page's CSP must allow for the open project (hosts only). */
  basemapTileOrigins: method(z.object({}).strict())<string[]>(),
};
