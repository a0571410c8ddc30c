/**
 * A marked, self-contained HTML page in the profile's style (shared/profile/html/css.ts): the
 * protective marking in bands at the top and bottom of the screen and on every printed page, inline
 * CSS, no script and no external reference, so it opens offline and prints. Used by the tasking sheet
 * and the tactical assessment; their bodies are the profile's blocks (shared/profile/html/blocks.ts).
 */
import { profileCss } from '../profile/html/css.js';
import { escapeHtml } from '../profile/html/escape.js';

export interface MarkedPage {
  title: string;
  subtitle: string;
  marking: string;
  /** Rows of the cover's facts table (label, value). */
  facts: [string, string][];
  /** Body HTML (already escaped: built from blockHtml). */
  body: string;
  /** The closing line (app version, time, provenance). */
  footer: string;
  /** Leave the marking to the PDF printer's header and footer. */
  forPdf?: boolean;
}

export function markedPageHtml(page: MarkedPage): string {
  const marking = escapeHtml(page.marking);
  const facts = page.facts
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)} (${marking})</title>`,
    `<style>${profileCss(page.marking, page.forPdf === true)}</style>`,
    '</head><body>',
    `<div class="marking-band top" role="note">${marking}</div>`,
    '<main>',
    `<header class="cover"><div class="marking">${marking}</div>`,
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<div class="subtitle">${escapeHtml(page.subtitle)}</div>`,
    `<table class="facts">${facts}</table></header>`,
    page.body,
    `<p class="note">${escapeHtml(page.footer)}</p>`,
    '</main>',
    `<div class="marking-band bottom" role="note">${marking}</div>`,
    '</body></html>',
  ].join('\n');
}
