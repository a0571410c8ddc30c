/**
 * Blocks of the profile model (model.ts) as HTML. Every string goes through escapeHtml; SVG maps and
 * charts come from our own renderers (shared/cartography, bar-chart.ts), which escape their text.
 * The hour × weekday table is shaded on ColorBrewer YlOrRd by each cell's share of the largest cell;
 * the Knox table shades only the cells the Knox report calls significant (BH q < 0.05 across the
 * table, ratio above 1.00) and shows q beside p. Findings (summary bullets, gaps, recommendations)
 * carry "edited by the analyst" where the analyst reworded them.
 */
import { schemeYlOrRd } from 'd3-scale-chromatic';
import { findingMark } from '../findings.js';
import { formatP, formatRatio } from '../format.js';
import type { Block, Finding } from '../model.js';
import { escapeHtml } from './escape.js';

const HEAT = schemeYlOrRd[9]!;

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
  const head = `<tr><th class="row"></th>${block.columnLabels.map((l) => `<th>${escapeHtml(l)}</th>`).join('')}</tr>`;
  const rows = block.values.map((row, r) => {
    const cells = row.map((v) => {
      const { fill, text } = heatColours(max > 0 ? v / max : 0);
      const shown = v > 0 ? v.toFixed(digits) : '·';
      return `<td style="background:${fill};color:${text}">${shown}</td>`;
    });
    return `<tr><th class="row">${escapeHtml(block.rowLabels[r] ?? '')}</th>${cells.join('')}</tr>`;
  });
  return `<table class="heat"><caption>${escapeHtml(block.caption)}</caption>${head}${rows.join('')}</table>${note(block.note)}`;
}

function knoxTable(block: Extract<Block, { kind: 'knox' }>): string {
  const head = `<tr><th>Distance \\ time</th>${block.timeLabels.map((l) => `<th class="c">${escapeHtml(l)}</th>`).join('')}</tr>`;
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
    return `<tr><th class="row">${escapeHtml(block.distanceLabels[r] ?? '')}</th>${cells.join('')}</tr>`;
  });
  return `<table class="knox"><caption>${escapeHtml(block.caption)}</caption>${head}${rows.join('')}</table>${note(block.note)}`;
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

/** SVG inside HTML needs no namespace declaration; dropping it keeps the file free of any URL. */
export function inlineSvg(svg: string): string {
  return svg.replace(' xmlns="http://www.w3.org/2000/svg"', '');
}

export function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.emphasis ? ' class="emphasis"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<table class="facts">${block.rows.map((r) => `<tr><th>${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`).join('')}</table>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const highlight = new Set(block.highlight ?? []);
      const head = `<tr>${block.columns.map((c) => `<th${cellClass({ align: c.align })}>${escapeHtml(c.label)}</th>`).join('')}</tr>`;
      const rows = block.rows.map(
        (row, i) =>
          `<tr${highlight.has(i) ? ' class="hl"' : ''}>${row.map((cell, c) => `<td${cellClass(block.columns[c])}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
      );
      return `<table><caption>${escapeHtml(block.caption)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${note(block.note)}`;
    }
    case 'heat':
      return heatTable(block);
    case 'knox':
      return knoxTable(block);
    case 'figure':
      return `<figure>${inlineSvg(block.svg)}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
  }
}
