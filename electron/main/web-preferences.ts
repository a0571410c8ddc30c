/**
 * The web preferences of every window that shows app content (the main window and the hidden
 * print window), in one place: isolated, sandboxed, no Node anywhere, web security on.
 */
import type { WebPreferences } from 'electron';

/** The web preferences of every window that shows app content. */
export function secureWebPreferences(preload: string | undefined): WebPreferences {
  return {
    ...(preload === undefined ? {} : { preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click opens links in new windows; window.open is denied anyway (security.ts), this
    // removes the event itself.
    disableBlinkFeatures: 'Auxclick',
  };
}
