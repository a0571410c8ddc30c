/**
 * HTML → PDF with headless Chromium's print-to-PDF (the same engine as Electron's printToPDF), for
 * the CLI and tests. Every request the page makes is aborted unless it is the page itself or a
 * data:/blob: URL, so a profile can never reach the network while printing.
 *
 * The PDF is tagged (`tagged`: headings, tables with their header cells, lists and figures with their
 * alternative text become the PDF's structure tree, so a screen reader can read it) and carries an
 * outline of its headings (`outline`: the reader's bookmarks). Its title is the page's <title> and
 * its language the page's `lang`.
 */
import { chromium } from 'playwright-core';
import { ApiError } from '../../../shared/api/errors.js';
import { findChromium, OFFLINE_CHROMIUM_ARGS } from './chromium.js';

export interface PdfOptions {
  /** Header and footer text on every page (the protective marking). */
  marking: string;
}

export async function printHtmlToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new ApiError(
      'refused',
      'PDF export needs Chromium or Chrome: install it (Debian: apt-get install chromium) or set HOTSPOT_CHROMIUM to its path. HTML and PPTX exports work without it.',
    );
  }
  const browser = await chromium.launch({ executablePath, args: OFFLINE_CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('data:') || url.startsWith('blob:') ? route.continue() : route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    const band = (text: string) =>
      `<div style="width:100%;font-size:9px;font-family:Arial,sans-serif;text-align:center;font-weight:bold;letter-spacing:0.08em;">${escapeHtml(text)}</div>`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: band(options.marking),
      footerTemplate: `<div style="width:100%;font-size:9px;font-family:Arial,sans-serif;display:flex;justify-content:space-between;padding:0 14mm;"><span style="font-weight:bold;letter-spacing:0.08em;">${escapeHtml(options.marking)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '18mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
