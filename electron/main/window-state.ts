/**
 * Remembers the main window's size, position and maximised state in window-state.json in the
 * user-data folder (written atomically when the window closes) and restores it on a display that is
 * still attached (window-bounds.ts).
 */
import path from 'node:path';
import { type BrowserWindow, screen } from 'electron';
import { readJsonFile, writeJsonAtomic } from './json-file.js';
import { parseWindowState, restoreBounds, type SavedWindowState } from './window-bounds.js';

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

/** Call after the app is ready (the screen module needs it). */
export function loadWindowState(file: string): SavedWindowState {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return restoreBounds(
    parseWindowState(readJsonFile(file)),
    [primary, ...others].map((d) => d.workArea),
  );
}

export function trackWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    try {
      writeJsonAtomic(file, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      // Losing the window position is not worth blocking the app from closing.
      console.warn('could not save the window position:', error);
    }
  });
}
