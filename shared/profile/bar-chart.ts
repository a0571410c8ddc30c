/**
 * A small, print-friendly bar chart as SVG (for the profile and, rasterised, the slides): vertical
 * bars with a zero baseline, a light grid at "nice" steps, the value axis titled with its unit, and
 * every n-th category label when they would collide. Highlighted bars (e.g. the peak hours) are drawn
 * in the dark ramp colour, the rest in a mid grey-blue that prints well in greyscale.
 */
import { attrs, escapeXml } from '../cartography/svg.js';

export interface BarChartOptions {
  title: string;
  labels: readonly string[];
  values: readonly number[];
  /** What a bar counts, e.g. "events (aoristic)". */
  unit: string;
  widthPx?: number;
  heightPx?: number;
  highlight?: readonly number[];
}

const FONT = "font-family=\"'DejaVu Sans', 'Segoe UI', Arial, sans-serif\"";
const BAR = '#7f9cb8';
const BAR_HIGHLIGHT = '#b2182b';

/** The step of a value axis: 1, 2 or 5 × 10^k, giving at most ~5 grid lines. */
export function niceStep(max: number): number {
  if (!(max > 0)) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

export function barChartSvg(options: BarChartOptions): string {
  const { labels, values } = options;
  if (labels.length !== values.length) {
    throw new RangeError(
      `bar chart needs one label per value, got ${labels.length} labels and ${values.length} values`,
    );
  }
  const width = options.widthPx ?? 520;
  const height = options.heightPx ?? 220;
  const left = 46;
  const right = 10;
  const top = 30;
  const bottom = 34;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const step = niceStep(max);
  const axisMax = max > 0 ? Math.ceil(max / step) * step : 1;
  const y = (v: number) => top + plotH - (v / axisMax) * plotH;
  const slot = plotW / Math.max(1, values.length);
  const barW = Math.max(1, slot * 0.72);
  const highlight = new Set(options.highlight ?? []);
  const every = Math.max(1, Math.ceil((labels.reduce((m, l) => Math.max(m, l.length), 0) * 6.5) / slot));

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text ${attrs({ x: left, y: 17, 'font-size': 13, 'font-weight': 'bold', fill: '#1a1a1a' })}>${escapeXml(options.title)}</text>`,
  ];
  for (let v = 0; v <= axisMax + step / 2; v += step) {
    parts.push(
      `<line ${attrs({ x1: left, x2: left + plotW, y1: y(v), y2: y(v), stroke: v === 0 ? '#444444' : '#dddddd', 'stroke-width': v === 0 ? 1 : 0.6 })}/>`,
      `<text ${attrs({ x: left - 5, y: y(v) + 3.5, 'font-size': 10, 'text-anchor': 'end', fill: '#444444' })}>${escapeXml(axisNumber(v))}</text>`,
    );
  }
  values.forEach((value, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    const v = Number.isFinite(value) && value > 0 ? value : 0;
    parts.push(
      `<rect ${attrs({ x, y: y(v), width: barW, height: y(0) - y(v), fill: highlight.has(i) ? BAR_HIGHLIGHT : BAR })}/>`,
    );
    if (i % every === 0) {
      parts.push(
        `<text ${attrs({ x: x + barW / 2, y: top + plotH + 13, 'font-size': 10, 'text-anchor': 'middle', fill: '#333333' })}>${escapeXml(labels[i]!)}</text>`,
      );
    }
  });
  parts.push(
    `<text ${attrs({ x: 12, y: top + plotH / 2, 'font-size': 10, 'text-anchor': 'middle', fill: '#444444', transform: `rotate(-90 12 ${top + plotH / 2})` })}>${escapeXml(options.unit)}</text>`,
    '</svg>',
  );
  return parts.join('');
}

function axisNumber(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-GB') : String(Number(v.toPrecision(3)));
}
