/**
 * The profile's stylesheet, inlined into the one HTML file (no external references). Sober report
 * typography: a humanist sans for text, tabular figures in tables, a restrained blue-grey accent.
 * Print: A4 with 18 mm top and bottom margins that carry the protective marking in the page margin
 * boxes (@top-center / @bottom-center, supported by Chromium's printing); for the PDF export the
 * marking comes from the printer's header and footer templates instead, so the margin boxes are
 * left out (`forPdf`). On screen the marking sits in fixed bands at the top and bottom of the window.
 *
 * Page breaks (print): the sections flow on from one another (no forced page per section, which left
 * pages holding three bullets), so a page ends only where the next block does not fit. A heading
 * never ends a page (`break-after: avoid` on the group label, h2, h3, captions and a section's lead
 * sentence) and a paragraph never leaves one or two lines alone at a page foot or head (orphans,
 * widows). Figures, list items, short tables (`table.keep`, facts, the hour × weekday and Knox
 * tables) and a table's note stay whole; a long
 * table breaks only between rows and repeats its header row on the next page.
 */
import { cssString } from './escape.js';

export function profileCss(marking: string, forPdf: boolean): string {
  const m = cssString(marking);
  const marginBoxes = forPdf
    ? ''
    : `
  @top-center { content: ${m}; font: 700 8.5pt 'DejaVu Sans', Arial, sans-serif; letter-spacing: 0.08em; color: #000; }
  @bottom-center { content: ${m}; font: 700 8.5pt 'DejaVu Sans', Arial, sans-serif; letter-spacing: 0.08em; color: #000; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'DejaVu Sans', Arial, sans-serif; color: #333; }`;
  return `
:root { --ink: #1b1f24; --muted: #5a6470; --rule: #c9d0d8; --accent: #24476b; --band: #e9eef3; --hl: #fff4d6; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #eceff2; font: 10.5pt/1.45 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; }
.marking-band { position: fixed; left: 0; right: 0; z-index: 10; text-align: center; font-weight: 700; letter-spacing: 0.1em;
  font-size: 9pt; padding: 3px 0; background: #ffffff; border: solid #1b1f24; border-width: 0; }
.marking-band.top { top: 0; border-bottom-width: 1.5px; }
.marking-band.bottom { bottom: 0; border-top-width: 1.5px; }
main { max-width: 210mm; margin: 34px auto; background: #fff; padding: 16mm 15mm; box-shadow: 0 1px 6px rgba(0,0,0,0.15); }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 6pt; color: var(--accent); font-weight: 700; }
h2 { font-size: 15pt; margin: 0 0 8pt; padding-bottom: 3pt; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 12pt; margin: 16pt 0 6pt; color: var(--accent); }
section > h3:first-of-type { margin-top: 10pt; }
.group { font-size: 8.5pt; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); margin: 0 0 2pt; }
p { margin: 0 0 7pt; }
p.emphasis { font-weight: 600; }
section { margin-top: 20pt; }
.cover { border-bottom: 1px solid var(--rule); padding-bottom: 12pt; margin-bottom: 8pt; }
.cover .marking { display: inline-block; border: 2px solid var(--ink); padding: 2pt 8pt; font-weight: 700; letter-spacing: 0.1em; margin-bottom: 14pt; }
.cover .subtitle { font-size: 12.5pt; color: var(--muted); margin-bottom: 12pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 3pt; font-size: 8.6pt; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 700; font-size: 9pt; padding: 0 0 4pt; color: var(--ink); }
th { text-align: left; background: var(--band); border-bottom: 1.5px solid var(--accent); padding: 3pt 5pt; font-weight: 700; vertical-align: bottom; }
td { border-bottom: 0.6px solid var(--rule); padding: 2.5pt 5pt; vertical-align: top; }
th.r, td.r { text-align: right; white-space: nowrap; }
td.nw { white-space: nowrap; }
th.c, td.c { text-align: center; }
tr.hl td { background: var(--hl); font-weight: 600; }
table.facts { width: auto; min-width: 60%; }
table.facts th { background: none; border-bottom: 0.6px solid var(--rule); font-weight: 600; color: var(--muted); width: 34%; white-space: nowrap; }
table.facts td { word-break: break-word; }
.note { font-size: 8pt; color: var(--muted); margin: 0 0 10pt; }
figure { margin: 8pt 0 12pt; break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; border: 0.6px solid var(--rule); }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 3pt; }
table.heat { table-layout: fixed; font-size: 7pt; }
table.heat th, table.heat td { padding: 2pt 0; text-align: center; border: 0.5px solid #fff; }
table.heat th.row { width: 9%; text-align: left; padding-left: 3pt; }
table.knox td { text-align: center; font-size: 8pt; line-height: 1.25; }
table.knox td.sig { background: #fdd49e; }
table.knox .ratio { font-weight: 700; }
table.knox .p { color: var(--muted); font-size: 7pt; }
table.knox th.row { white-space: nowrap; }
span.edited { font-size: 8pt; font-style: italic; color: var(--muted); }
span.edited.stale { color: #a03a00; }
.review { font-size: 9pt; color: var(--muted); }
ul.findings li { margin-bottom: 4pt; }
.analyst { border-left: 3px solid var(--accent); background: #f6f8fa; padding: 6pt 9pt; margin: 8pt 0; }
.analyst .label { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin-bottom: 3pt; }
ol.actions { margin: 0 0 8pt 16pt; padding: 0; }
ol.actions li { margin-bottom: 4pt; }
ul { margin: 0 0 8pt 16pt; padding: 0; }
li { margin-bottom: 3pt; }
.appendix table { font-size: 7.6pt; }
.appendix td { overflow-wrap: break-word; }
td.brk { word-break: break-all; font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 6.8pt; }
.mono { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 7.4pt; }
@page { size: A4; margin: 18mm 14mm 18mm 14mm;${marginBoxes}
}
@media print {
  body { background: #fff; font-size: 9.8pt; }
  .marking-band { display: none; }
  main { margin: 0; padding: 0; box-shadow: none; max-width: none; }
  p, li { orphans: 3; widows: 3; }
  .group, h1, h2, h3, caption, p.lead { break-after: avoid; }
  h2, h3 { break-inside: avoid; }
  table.keep, table.facts, table.heat, table.knox, figure, .analyst, tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  table + p.note { break-before: avoid; }
}
`;
}
