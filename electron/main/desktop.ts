/**
 * The desktop helpers behind `window.hotspotDesktop` and the File menu: native dialogs whose chosen
 * paths are registered with the engine (the page only ever sees a FileRef or the project's info),
 * project New / Open / Save As run here in main, local basemaps, and the intranet tile origin,
 * which widens the CSP only after the analyst confirms it in a native message box.
 */
import { type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { LocalBasemap } from '../../shared/api/desktop.js';
import { ApiError, type Envelope } from '../../shared/api/errors.js';
import type { FileRef, ProjectInfo } from '../../shared/api/project-api.js';
import { tileOrigin } from '../../shared/security/csp.js';
import { dispatch } from '../engine/dispatch.js';
import type { RemoteEngine } from '../engine/host/engine-client.js';
import { PROJECT_EXTENSION } from './argv.js';
import type { BasemapRegistry } from './basemaps.js';
import type { DesktopHandlers } from './desktop-dispatch.js';
import { dialogFilters } from './dialog-filters.js';
import type { SettingsStore } from './settings.js';

export interface DesktopDeps {
  engine: RemoteEngine;
  mainWindow: () => BrowserWindow | null;
  basemaps: BasemapRegistry;
  settings: SettingsStore;
}

const PROJECT_FILTERS = [{ name: 'Hotspot Workbench project', extensions: [PROJECT_EXTENSION.slice(1)] }];

function unwrap<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw ApiError.fromData(envelope.error);
  return envelope.value as T;
}

export function createDesktopHandlers({ engine, mainWindow, basemaps, settings }: DesktopDeps) {
  const openPath = async (options: OpenDialogOptions): Promise<string | null> => {
    const win = mainWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  };
  const savePath = async (options: SaveDialogOptions): Promise<string | null> => {
    const win = mainWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const withExtension = (path: string) =>
    path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : path + PROJECT_EXTENSION;

  return {
    pickFile: async (input: { title?: string; accept?: string }): Promise<FileRef | null> => {
      const path = await openPath({
        title: input.title,
        properties: ['openFile'],
        filters: dialogFilters(input.accept),
      });
      return path === null ? null : engine.files.register(path);
    },
    chooseSaveFile: async (input: {
      title?: string;
      defaultName: string;
      accept?: string;
    }): Promise<FileRef | null> => {
      const path = await savePath({
        title: input.title,
        defaultPath: input.defaultName,
        filters: dialogFilters(input.accept),
      });
      return path === null ? null : engine.files.registerTarget(path);
    },
    newProject: async (): Promise<ProjectInfo | null> => {
      const path = await savePath({
        title: 'New project',
        defaultPath: `Untitled${PROJECT_EXTENSION}`,
        filters: PROJECT_FILTERS,
      });
      return path === null
        ? null
        : unwrap(await dispatch(engine.api, 'createProject', { path: withExtension(path) }));
    },
    openProject: async (): Promise<ProjectInfo | null> => {
      const path = await openPath({
        title: 'Open project',
        properties: ['openFile'],
        filters: PROJECT_FILTERS,
      });
      return path === null ? null : unwrap(await dispatch(engine.api, 'openProject', { path }));
    },
    saveProjectAs: async (): Promise<ProjectInfo | null> => {
      const current = unwrap<ProjectInfo | null>(await dispatch(engine.api, 'getProject', {}));
      if (current === null) throw new ApiError('no-project', 'Open or create a project first.');
      const path = await savePath({
        title: 'Save project as',
        defaultPath: current.path,
        filters: PROJECT_FILTERS,
      });
      if (path === null) return null;
      // The engine copies the project (SQLite online backup) and opens the copy.
      return unwrap(await engine.command({ name: 'saveProjectAs', path: withExtension(path) }));
    },
    chooseBasemap: async (): Promise<LocalBasemap | null> => {
      const path = await openPath({
        title: 'Choose a basemap',
        properties: ['openFile'],
        filters: [{ name: 'Offline basemap', extensions: ['pmtiles', 'mbtiles'] }],
      });
      return path === null ? null : basemaps.add(path);
    },
    allowTileOrigin: async ({ origin }: { origin: string }): Promise<boolean> => {
      const canonical = tileOrigin(origin);
      if (settings.get().tileOrigins.includes(canonical)) return true;
      const options = {
        type: 'question' as const,
        buttons: ['Allow', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        title: 'Allow a tile server',
        message: `Let the map load tiles from ${canonical}?`,
        detail:
          'Only allow your organisation’s intranet tile server. The map will request tiles for the area you view from it; nothing else is sent.',
      };
      const win = mainWindow();
      const { response } = win
        ? await dialog.showMessageBox(win, options)
        : await dialog.showMessageBox(options);
      if (response !== 0) return false;
      settings.addTileOrigin(canonical);
      return true;
    },
    tileOrigins: async (): Promise<string[]> => settings.get().tileOrigins,
  } satisfies DesktopHandlers;
}

export type DesktopMainHandlers = ReturnType<typeof createDesktopHandlers>;
