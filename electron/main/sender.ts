/**
 * Who may call the engine over IPC (STYLE.md habit 12, as VS Code's main process does): only the
 * main frame of our window, showing a page of the app's own origin. A sub-frame, a page that has
 * navigated elsewhere, or a destroyed frame (null URL) is refused.
 */
import { originOf } from './app-origin.js';

export function isTrustedSender(
  frameUrl: string | null | undefined,
  isMainFrame: boolean,
  expectedOrigin: string,
): boolean {
  if (!isMainFrame || typeof frameUrl !== 'string' || frameUrl === '') return false;
  return originOf(frameUrl) === expectedOrigin;
}
