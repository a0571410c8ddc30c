/**
 * Electron main: a list of registrations, one per concern (as Electron Fiddle's main reads). The
 * logic lives in the modules named here; this file only orders them. Security, the app:// protocol
 * and the single-instance lock are registered before the app is ready; the menu and the window
 * once it is.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog } from 'electron';
import { buildCsp } from '../../shared/security/csp.js';
import { dispatch } from '../engine/dispatch.js';
import { projectPathFromArgv } from './argv.js';
import { BasemapRegistry } from './basemaps.js';
import { createDesktopHandlers } from './desktop.js';
import { startEngineProcess } from './engine-process.js';
import { registerIpc } from './ipc.js';
import { registerMenu } from './menu.js';
import { printHtmlToPdf } from './print-pdf.js';
import { registerProtocols } from './protocol.js';
import { registerSecurity } from './security.js';
import { SettingsStore } from './settings.js';
import { registerSingleInstance } from './single-instance.js';
import { createMainWindow } from './window.js';
import { loadWindowState, trackWindowState, windowStateFile } from './window-state.js';

const APP_NAME = 'Hotspot Workbench';
// Beside this bundle (dist/electron/main.js): the preload; one level up: the engine and the renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
const preload = path.join(here, 'preload.cjs');
const engineScript = path.join(here, '..', 'engine.js');
const rendererDir = path.join(here, '..', 'renderer');

app.setName(APP_NAME);
const whenReady = app.whenReady();
const settings = new SettingsStore(path.join(app.getPath('userData'), 'settings.json'));
const tileOrigins = () => settings.get().tileOrigins;
const basemaps = new BasemapRegistry();
let mainWindow: BrowserWindow | null = null;
/** A project named on the command line or by the OS before the window could show it. */
let pendingProject = projectPathFromArgv(process.argv, process.cwd());
let openProjectAt: (projectPath: string) => void = (projectPath) => {
  pendingProject = projectPath;
};

registerSecurity({ tileOrigins }, whenReady);
registerProtocols({ rendererDir, basemaps, csp: () => buildCsp({ tileOrigins: tileOrigins() }) }, whenReady);
const isPrimary = registerSingleInstance({
  focus: () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  },
  openProject: (projectPath) => openProjectAt(projectPath),
});

if (isPrimary) {
  // The engine in its own utility process; main answers its print requests (printToPDF).
  const engine = startEngineProcess(
    engineScript,
    { appVersion: app.getVersion(), host: 'electron', hostPrintsPdf: true },
    { printPdf: printHtmlToPdf },
  );
  basemaps.useEngine((input) => dispatch(engine.api, 'basemapTile', input));
  const desktop = createDesktopHandlers({ engine, mainWindow: () => mainWindow, basemaps, settings });
  registerIpc({ engine, desktop, mainWindow: () => mainWindow });
  registerQuit(() => Promise.all([engine.close(), basemaps.closeAll()]));

  void whenReady.then(() => {
    registerMenu({
      engine,
      desktop,
      mainWindow: () => mainWindow,
      appName: APP_NAME,
      isDev: !app.isPackaged,
    });
    const stateFile = windowStateFile(app.getPath('userData'));
    const win = createMainWindow({ preload, state: loadWindowState(stateFile), title: APP_NAME });
    mainWindow = win;
    trackWindowState(win, stateFile);
    win.on('closed', () => {
      mainWindow = null;
    });
    // From the first page load on, projects open directly; the page then hears the 'opened' event.
    win.webContents.once('did-finish-load', () => {
      openProjectAt = (projectPath) => {
        void dispatch(engine.api, 'openProject', { path: projectPath }).then((result) => {
          if (!result.ok) dialog.showErrorBox(APP_NAME, result.error.message);
        });
      };
      if (pendingProject !== null) openProjectAt(pendingProject);
      pendingProject = null;
    });
  });
}

/** Quits when the window closes, after `shutdown` has stopped the workers and closed the project. */
function registerQuit(shutdown: () => Promise<unknown>): void {
  let stage: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (stage === 'stopped') return;
    event.preventDefault();
    if (stage === 'stopping') return;
    stage = 'stopping';
    void shutdown().finally(() => {
      stage = 'stopped';
      app.quit();
    });
  });
}
