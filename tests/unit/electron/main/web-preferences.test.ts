import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../../electron/main/web-preferences.js';

describe('secureWebPreferences(preload)', () => {
  const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the page with Node off everywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on, insecure content and <webview> off, spellcheck off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('switches off auxclick (middle-click opening new windows)', () => {
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('sets the preload only when given one', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect('preload' in secureWebPreferences(undefined)).toBe(false);
  });
});
