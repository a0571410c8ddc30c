/**
 * Installs the application menu (menu-template.ts) and what its items do. Project New / Open /
 * Save As run here in main (the engine then announces the project to the renderer as a job-free
 * 'project' event); Import and Export choose a file in main and hand the renderer a MenuCommand on
 * IPC.menu, since the import wizard and export dialog live in the page. Failures are shown in a
 * native message box with the engine's message (it says what to fix).
 */
import { type BrowserWindow, clipboard, dialog, Menu, type MessageBoxOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/desktop.js';
import type { AppInfo } from '../../shared/api/project-api.js';
import type { RemoteEngine } from '../engine/host/engine-client.js';
import { IPC } from '../preload/channels.js';
import { aboutDetail, DATA_PROTECTION_NOTES, licenceList } from './about.js';
import type { DesktopMainHandlers } from './desktop.js';
import { buildMenuTemplate } from './menu-template.js';

export const DATA_FILE_ACCEPT = '.csv,.txt,.tsv,.xlsx';
export const BOUNDARY_FILE_ACCEPT = '.geojson,.json';

export interface MenuDeps {
  engine: RemoteEngine;
  desktop: DesktopMainHandlers;
  mainWindow: () => BrowserWindow | null;
  appName: string;
  isDev: boolean;
}

export function registerMenu({ engine, desktop, mainWindow, appName, isDev }: MenuDeps): void {
  const showBox = async (options: MessageBoxOptions) => {
    const win = mainWindow();
    return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  };
  const send = (command: MenuCommand) => {
    const win = mainWindow();
    if (win !== null && !win.isDestroyed()) win.webContents.send(IPC.menu, command);
  };
  const run = (work: () => Promise<unknown>) => () => {
    work().catch((error: unknown) => {
      void showBox({
        type: 'error',
        title: appName,
        message: error instanceof Error ? error.message : String(error),
      });
    });
  };

  const template = buildMenuTemplate(
    {
      newProject: run(() => desktop.newProject()),
      openProject: run(() => desktop.openProject()),
      saveProjectAs: run(() => desktop.saveProjectAs()),
      importData: run(async () => {
        const file = await desktop.pickFile({ title: 'Import data', accept: DATA_FILE_ACCEPT });
        if (file !== null) send({ command: 'import-data', file });
      }),
      importBoundaries: run(async () => {
        const file = await desktop.pickFile({ title: 'Import boundaries', accept: BOUNDARY_FILE_ACCEPT });
        if (file !== null) send({ command: 'import-boundaries', file });
      }),
      exportProfile: () => send({ command: 'export' }),
      about: run(async () => {
        const info = (await engine.api.appInfo({})) as AppInfo;
        const { response } = await showBox({
          type: 'info',
          title: `About ${appName}`,
          message: `${appName} ${info.version}`,
          detail: aboutDetail(info, process.versions),
          buttons: ['OK', 'Copy licence list'],
          defaultId: 0,
          cancelId: 0,
        });
        if (response === 1) clipboard.writeText(licenceList(info));
      }),
      dataProtection: run(() =>
        showBox({
          type: 'info',
          title: 'Data protection notes',
          message: 'How Hotspot Workbench handles data',
          detail: DATA_PROTECTION_NOTES,
        }),
      ),
    },
    { appName, isMac: process.platform === 'darwin', isDev },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
