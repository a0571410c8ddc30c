/**
 * HTML → PDF in the desktop app with Electron's own printToPDF (DESIGN.md §3 "Exports"), for the
 * exports: the self-contained export HTML is written to a private temporary file and loaded in a
 * hidden window that runs no script (javascript: false), uses a throw-away in-memory session whose
 * only allowed request is that file (plus data: images), and is destroyed afterwards. Same
 * signature as the CLI's Chromium printer (electron/engine/export/print-pdf.ts), so the engine can
 * be given either.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { pdfOptions } from './print-options.js';
import { secureWebPreferences } from './web-preferences.js';

export interface PdfOptions {
  /** Protective marking printed in the header and footer of every page. */
  marking?: string;
}

/** How long a page may take to load before printing is abandoned. */
export const PRINT_LOAD_TIMEOUT_MS = 30_000;

let printCount = 0;

export async function printHtmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hotspot-print-'));
  const file = path.join(dir, 'export.html');
  const fileUrl = pathToFileURL(file).href;
  await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
  // A fresh in-memory partition per print: no cache or storage shared with the app or between prints.
  const printSession = session.fromPartition(`hotspot-print-${process.pid}-${++printCount}`, {
    cache: false,
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url === fileUrl || details.url.startsWith('data:')) });
  });
  const webPreferences = { ...secureWebPreferences(undefined), session: printSession, javascript: false };
  // Electronegativity cannot see into secureWebPreferences(), which sets all three (its unit test
  // asserts them), so they are switched off for this line only.
  const win = new BrowserWindow({ show: false, webPreferences }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      win.loadURL(fileUrl),
      new Promise((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`The export page did not load within ${PRINT_LOAD_TIMEOUT_MS / 1000} s.`)),
          PRINT_LOAD_TIMEOUT_MS,
        );
      }),
    ]);
    const pdf = await win.webContents.printToPDF(pdfOptions(options.marking));
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    clearTimeout(timer);
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
