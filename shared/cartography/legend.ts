/**
 * Legend box. Every legend states its unit (DESIGN.md §4 provenance): the caller passes a title such
 * as "Density (events per km²)" and one entry per colour.
 */
import { attrs, escapeXml } from './svg.js';

export interface LegendEntry {
  label: string;
  fill?: string;
  stroke?: string;
  /** 'box' (default) for areas, 'line' for boundaries and streets, 'dot' for points. */
  symbol?: 'box' | 'line' | 'dot';
}

const ROW_PX = 17;

export function legendSvg(
  title: string,
  entries: readonly LegendEntry[],
  x: number,
  y: number,
  widthPx = 190,
): string {
  const heightPx = 26 + entries.length * ROW_PX;
  const rows = entries.map((entry, i) => {
    const ry = y + 22 + i * ROW_PX;
    return `${symbolSvg(entry, x + 8, ry)}<text ${attrs({ x: x + 32, y: ry + 10 })}>${escapeXml(entry.label)}</text>`;
  });
  return [
    `<g class="legend" font-size="11">`,
    `<rect ${attrs({ x, y, width: widthPx, height: heightPx, fill: '#ffffff', 'fill-opacity': '0.92', stroke: '#999999', 'stroke-width': 0.6 })}/>`,
    `<text ${attrs({ x: x + 8, y: y + 15, 'font-weight': 'bold' })}>${escapeXml(title)}</text>`,
    ...rows,
    `</g>`,
  ].join('');
}

function symbolSvg(entry: LegendEntry, x: number, y: number): string {
  switch (entry.symbol ?? 'box') {
    case 'line':
      return `<line ${attrs({ x1: x, y1: y + 6, x2: x + 18, y2: y + 6, stroke: entry.stroke ?? '#555555', 'stroke-width': 2 })}/>`;
    case 'dot':
      return `<circle ${attrs({ cx: x + 9, cy: y + 6, r: 3.5, fill: entry.fill ?? '#333333' })}/>`;
    default:
      return `<rect ${attrs({ x, y, width: 18, height: 12, fill: entry.fill ?? 'none', stroke: entry.stroke ?? '#666666', 'stroke-width': 0.8 })}/>`;
  }
}
