/**
 * What the desktop app offers beyond the Api (DESIGN.md §3, §5: "file paths only from the
 * analyst's dialogs"): native file dialogs, project New / Open / Save As, local basemaps, the
 * intranet tile origin, and the application menu's commands. Electron's preload exposes it as
 * `window.hotspotDesktop`; the web host has no equivalent (files are uploaded there), so the
 * renderer treats it as optional. The Api itself stays transport-neutral.
 */
import { z } from 'zod';
import type { FileRef, ProjectInfo } from './project-api.js';

/** An <input accept>-style list of extensions, e.g. ".csv,.xlsx". */
const acceptSchema = z
  .string()
  .max(200)
  .regex(/^\s*\.[A-Za-z0-9]{1,10}(\s*,\s*\.[A-Za-z0-9]{1,10})*\s*$/, 'accept must look like ".csv,.xlsx"');

export const pickFileInputSchema = z
  .object({ title: z.string().min(1).max(200).optional(), accept: acceptSchema.optional() })
  .strict();
export type PickFileInput = z.input<typeof pickFileInputSchema>;

export const chooseSaveFileInputSchema = z
  .object({
    title: z.string().min(1).max(200).optional(),
    /** Suggested file name, e.g. 'north-ward-profile.pdf'; never a path. */
    defaultName: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^/\\:*?"<>|\0]+$/, 'defaultName must be a file name without a folder'),
    accept: acceptSchema.optional(),
  })
  .strict();
export type ChooseSaveFileInput = z.input<typeof chooseSaveFileInputSchema>;

export const tileOriginInputSchema = z.object({ origin: z.string().min(1).max(2048) }).strict();

export const emptyInputSchema = z.object({}).strict();

/** A basemap file the analyst picked, served to the map by the app's own protocol. */
export type LocalBasemap =
  | { kind: 'pmtiles'; id: string; name: string /** Range-readable URL of the whole file. */; url: string }
  | {
      kind: 'mbtiles';
      id: string;
      name: string;
      /** Tile URL template, e.g. 'app://hotspot/basemaps/<id>/{z}/{x}/{y}'. */
      tiles: string;
      /** Tile encoding from the file's metadata: 'png', 'jpg', 'webp' or 'pbf' (vector). */
      format: string;
      minzoom: number;
      maxzoom: number;
      /** [west, south, east, north] in degrees, when the file says. */
      bounds?: [number, number, number, number];
      attribution?: string;
    };

/** Commands the application menu sends to the renderer (project New/Open/Save As are done in main). */
export type MenuCommand =
  | { command: 'import-data'; file: FileRef }
  | { command: 'import-boundaries'; file: FileRef }
  | { command: 'export' };

export interface DesktopApi {
  /** A native open dialog; the chosen file is registered with the engine. Null when cancelled. */
  pickFile(input: PickFileInput): Promise<FileRef | null>;
  /** A native save dialog for an export's destination (the file may not exist yet). Null when cancelled. */
  chooseSaveFile(input: ChooseSaveFileInput): Promise<FileRef | null>;
  /** Save dialog, then creates and opens the project. Null when cancelled. */
  newProject(): Promise<ProjectInfo | null>;
  /** Open dialog, then opens the project. Null when cancelled. */
  openProject(): Promise<ProjectInfo | null>;
  /** Save dialog, then copies the open project there (SQLite backup) and opens the copy. */
  saveProjectAs(): Promise<ProjectInfo | null>;
  /** Open dialog for a .pmtiles or .mbtiles basemap. Null when cancelled. */
  chooseBasemap(): Promise<LocalBasemap | null>;
  /** Asks the analyst to confirm an intranet tile origin; true when it is now allowed. */
  allowTileOrigin(input: { origin: string }): Promise<boolean>;
  /** The intranet tile origins currently allowed. */
  tileOrigins(): Promise<string[]>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

export type DesktopMethodName = Exclude<keyof DesktopApi, 'onMenu'>;

/** Each desktop method's input schema: main validates every call against it before acting. */
export const desktopInputSchemas = {
  pickFile: pickFileInputSchema,
  chooseSaveFile: chooseSaveFileInputSchema,
  newProject: emptyInputSchema,
  openProject: emptyInputSchema,
  saveProjectAs: emptyInputSchema,
  chooseBasemap: emptyInputSchema,
  allowTileOrigin: tileOriginInputSchema,
  tileOrigins: emptyInputSchema,
} satisfies Record<DesktopMethodName, z.ZodType>;

export const DESKTOP_METHOD_NAMES = Object.keys(desktopInputSchemas) as DesktopMethodName[];

export function isDesktopMethodName(name: unknown): name is DesktopMethodName {
  return typeof name === 'string' && Object.hasOwn(desktopInputSchemas, name);
}
