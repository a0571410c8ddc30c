/**
 * Finding a Chromium for headless printing (the CLI and tests; the desktop app uses Electron's own
 * printToPDF). Looks at HOTSPOT_CHROMIUM, then the usual install locations. Launch flags keep the
 * browser offline: no background networking, component updates, sync or first-run requests.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const OFFLINE_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
];

export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const fromEnv = env.HOTSPOT_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}
