/**
 * The application menu as a pure template (Electron's MenuItemConstructorOptions), built from the
 * actions it triggers, so its items and wiring are tested without Electron. menu.ts installs it.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  saveProjectAs(): void;
  importData(): void;
  importBoundaries(): void;
  exportProfile(): void;
  about(): void;
  dataProtection(): void;
}

export interface MenuOptions {
  appName: string;
  /** macOS puts About and Quit in an app-named first menu. */
  isMac: boolean;
  /** Reload and DevTools exist only in development builds. */
  isDev: boolean;
}

export function buildMenuTemplate(
  actions: MenuActions,
  { appName, isMac, isDev }: MenuOptions,
): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Save Project As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveProjectAs() },
      { type: 'separator' },
      { label: 'Import Data…', accelerator: 'CmdOrCtrl+I', click: () => actions.importData() },
      { label: 'Import Boundaries…', click: () => actions.importBoundaries() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportProfile() },
      ...(isMac
        ? []
        : ([{ type: 'separator' }, { role: 'quit', label: 'Quit' }] as MenuItemConstructorOptions[])),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      ...(isMac ? [] : [about]),
      { label: 'Data Protection Notes', click: () => actions.dataProtection() },
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [appMenu] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    help,
  ];
}
