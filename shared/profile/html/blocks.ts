/**
 * Blocks of the profile model (model.ts) as HTML. Every string goes through escapeHtml; SVG maps and
 * charts come from our own renderers (shared/cartography, bar-chart.ts), which escape their text.
 * The hour × weekday table is shaded on ColorBrewer YlOrRd by each cell's share of the largest cell;
 * the Knox table shades only the cells the Knox report calls significant (BH q < 0.05 across the
 * table, ratio above 1.00) and shows q beside p. Findings (summary bullets, gaps, recommendations)
 * carry "edited by the analyst" where the analyst reworded them.
 *
 * Accessibility (the PDF is tagged from this markup): every table has a header row of <th scope="col">
 * in a <thead> (Chromium repeats it on each printed page), row labels are <th scope="row">, part
 * headings are <h3>, and a figure's SVG is an image named by its caption. A table surely shorter than
 * a page (at most KEEP_TABLE_ROWS rows, none with a cell over KEEP_CELL_CHARS characters) is marked
 * `keep` so the print CSS does not split it; a longer one breaks between rows, so it never moves whole
 * to the next page and leaves the one before half empty.
 */
import { schemeYlOrRd } from 'd3-scale-chromatic';
import { findingMark } from '../findings.js';
import { formatP, formatRatio } from '../format.js';
import type { Block, Finding } from '../model.js';
import { escapeHtml } from './escape.js';

const HEAT = schemeYlOrRd[9]!;

/** Tables of at most this many rows of short cells are kept whole on one page. */
export const KEEP_TABLE_ROWS = 12;
/** A cell longer than this wraps to several lines in a narrow column: its table may be tall. */
export const KEEP_CELL_CHARS = 80;

function keep(rows: readonly (readonly string[])[]): string {
  const short =
    rows.length <= KEEP_TABLE_ROWS && rows.every((r) => r.every((c) => c.length <= KEEP_CELL_CHARS));
  return short ? ' keep' : '';
}

function cellClass(
  column: { align: 'left' | 'right' | 'center'; wrap?: 'nowrap' | 'anywhere' } | undefined,
): string {
  const names = [
    column?.align === 'right' ? 'r' : column?.align === 'center' ? 'c' : '',
    column?.wrap === 'nowrap' ? 'nw' : column?.wrap === 'anywhere' ? 'brk' : '',
  ].filter((n) => n !== '');
  return names.length > 0 ? ` class="${names.join(' ')}"` : '';
}

/** A background and a readable text colour for a share 0–1 of the table's largest value. */
export function heatColours(share: number): { fill: string; text: string } {
  if (!(share > 0)) return { fill: '#ffffff', text: '#9aa3ad' };
  const k = Math.min(HEAT.length - 1, Math.floor(share * HEAT.length));
  return { fill: HEAT[k]!, text: k >= 6 ? '#ffffff' : '#1b1f24' };
}

function heatTable(block: Extract<Block, { kind: 'heat' }>): string {
  const max = Math.max(0, ...block.values.flat());
  const digits = max < 10 ? 1 : 0;
  const head = `<tr><th scope="col" class="row">Day</th>${block.columnLabels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('')}</tr>`;
  const rows = block.values.map((row, r) => {
    const cells = row.map((v) => {
      const { fill, text } = heatColours(max > 0 ? v / max : 0);
      const shown = v > 0 ? v.toFixed(digits) : '·';
      return `<td style="background:${fill};color:${text}">${shown}</td>`;
    });
    return `<tr><th scope="row" class="row">${escapeHtml(block.rowLabels[r] ?? '')}</th>${cells.join('')}</tr>`;
  });
  return `<table class="heat"><caption>${escapeHtml(block.caption)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${note(block.note)}`;
}

function knoxTable(block: Extract<Block, { kind: 'knox' }>): string {
  const head = `<tr><th scope="col">Distance \\ time</th>${block.timeLabels.map((l) => `<th scope="col" class="c">${escapeHtml(l)}</th>`).join('')}</tr>`;
  const rows = block.observed.map((row, r) => {
    const cells = row.map((observed, c) => {
      const ratio = block.ratio[r]![c]!;
      const p = block.pValue[r]![c]!;
      const q = block.qValue?.[r]?.[c];
      const sig = block.significant?.[r]?.[c] === true;
      return (
        `<td${sig ? ' class="sig"' : ''}>${observed.toLocaleString('en-GB')}<br>` +
        `<span class="ratio">${formatRatio(ratio)}</span><br><span class="p">p ${escapeHtml(formatP(p))}` +
        `${q === undefined ? '' : ` · q ${escapeHtml(formatP(q))}`}</span></td>`
      );
    });
    return `<tr><th scope="row" class="row">${escapeHtml(block.distanceLabels[r] ?? '')}</th>${cells.join('')}</tr>`;
  });
  return `<table class="knox"><caption>${escapeHtml(block.caption)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${note(block.note)}`;
}

function note(text: string | undefined): string {
  return text ? `<p class="note">${escapeHtml(text)}</p>` : '';
}

/** One finding as a list item, with "edited by the analyst" when the analyst reworded it. */
export function findingItem(f: Finding): string {
  const mark = findingMark(f);
  return (
    `<li data-finding="${escapeHtml(f.id)}">${escapeHtml(f.text)}` +
    `${mark === null ? '' : ` <span class="edited${f.stale ? ' stale' : ''}">(${escapeHtml(mark)})</span>`}</li>`
  );
}

export function findingsList(
  findings: readonly Finding[],
  tag: 'ul' | 'ol' = 'ul',
  cls = 'findings',
): string {
  return `<${tag} class="${cls}">${findings.map(findingItem).join('')}</${tag}>`;
}

/**
 * SVG inside HTML needs no namespace declaration; dropping it keeps the file free of any URL. With a
 * `label`, the SVG is one image named by it (role="img", aria-label), which the tagged PDF carries as
 * the figure's alternative text instead of every map label read out one by one.
 */
export function inlineSvg(svg: string, label?: string): string {
  const bare = svg.replace(' xmlns="http://www.w3.org/2000/svg"', '');
  return label === undefined
    ? bare
    : bare.replace(/^(\s*)<svg\b/, `$1<svg role="img" aria-label="${escapeHtml(label)}"`);
}

export function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'paragraph':
      return `<p${block.emphasis ? ' class="emphasis"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<table class="facts">${block.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`).join('')}</table>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const highlight = new Set(block.highlight ?? []);
      const head = `<tr>${block.columns.map((c) => `<th scope="col"${cellClass({ align: c.align })}>${escapeHtml(c.label)}</th>`).join('')}</tr>`;
      const rows = block.rows.map(
        (row, i) =>
          `<tr${highlight.has(i) ? ' class="hl"' : ''}>${row.map((cell, c) => `<td${cellClass(block.columns[c])}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
      );
      return `<table class="data${keep(block.rows)}"><caption>${escapeHtml(block.caption)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${note(block.note)}`;
    }
    case 'heat':
      return heatTable(block);
    case 'knox':
      return knoxTable(block);
    case 'figure':
      return `<figure>${inlineSvg(block.svg, block.caption)}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
  }
}
