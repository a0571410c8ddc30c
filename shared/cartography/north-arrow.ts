/**
 * North arrow. In a projected grid such as the British National Grid, grid north is up; the arrow
 * says "N" and means grid north (true north differs by under 4° across Great Britain).
 */
import { attrs } from './svg.js';

export function northArrowSvg(x: number, y: number, sizePx = 28): string {
  const h = sizePx;
  const w = sizePx * 0.55;
  return [
    `<g class="north-arrow">`,
    `<path d="M${x} ${y} L${x + w / 2} ${y + h} L${x} ${y + h * 0.72} Z" fill="#222222"/>`,
    `<path d="M${x} ${y} L${x - w / 2} ${y + h} L${x} ${y + h * 0.72} Z" fill="#ffffff" stroke="#222222" stroke-width="0.8"/>`,
    `<text ${attrs({ x, y: y + h + 13, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold' })}>N</text>`,
    `</g>`,
  ].join('');
}
