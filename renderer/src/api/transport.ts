/**
 * How the renderer reaches the engine. The Api itself is the same everywhere (shared/api/api.ts);
 * what differs by host is how it is carried and how the analyst chooses a file:
 * - Electron: the preload exposes the Api as `window.hotspot` (IPC) and a native open dialog as
 *   `window.hotspotDesktop.pickFile`, which registers the chosen path in the engine and returns a FileRef.
 * - Browser against `hotspot serve`: HTTP + an event stream (web-client.ts); files are chosen with
 *   an <input type="file"> and uploaded to the host, which registers them (upload.ts in the host).
 */
import type { Api } from '../../../shared/api/api.js';
import type { DesktopApi } from '../../../shared/api/desktop.js';
import type { FileRef } from '../../../shared/api/project-api.js';

export interface PickFileOptions {
  /** Dialog title, e.g. "Choose a file to verify". */
  title?: string;
  /** File types, as an <input accept> list: ".csv,.xlsx". */
  accept?: string;
  /** Called while a browser upload of the file `name` is under way (bytes). */
  onProgress?: (loaded: number, total: number, name: string) => void;
  /** Aborts a browser upload. */
  signal?: AbortSignal;
}

export interface Transport {
  host: 'electron' | 'web';
  api: Api;
  /** Lets the analyst choose one file; null when they cancel the dialog. */
  chooseFile(options: PickFileOptions): Promise<FileRef | null>;
  /** Electron's desktop helpers (native dialogs, menu); null in a browser. */
  desktop: DesktopApi | null;
}

declare global {
  interface Window {
    /** Electron's preload: the Api over IPC (wrap with fromBridge, shared/api/bridge.ts). */
    hotspot?: Api;
    /** Electron's preload: native dialogs, project New/Open/Save As, basemaps, menu commands. */
    hotspotDesktop?: DesktopApi;
  }
}
