/**
 * The main window, hardened in one place (DESIGN.md §5): the web preferences below are the whole
 * of what its page may do; everything else (navigation, permissions, requests, CSP) is in
 * security.ts and app-request.ts.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin.js';
import { secureWebPreferences } from './web-preferences.js';
import { MIN_SIZE, type SavedWindowState } from './window-bounds.js';

export interface MainWindowOptions {
  preload: string;
  state: SavedWindowState;
  title: string;
}

export function createMainWindow({ preload, state, title }: MainWindowOptions): BrowserWindow {
  const options: BrowserWindowConstructorOptions = {
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title,
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: secureWebPreferences(preload),
  };
  // Electronegativity cannot see into secureWebPreferences(), which sets all three (its unit test
  // asserts them), so they are switched off for this line only.
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
