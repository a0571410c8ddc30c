/** Small SVG string builders: escaping and path data from projected coordinates. */
import type { MapFrame } from './frame.js';

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** Rounds to 0.1 px: plenty for print and keeps the SVG small. */
function px(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** Path data for a line string [[x, y], …]. */
export function lineData(frame: MapFrame, coords: readonly (readonly number[])[]): string {
  let d = '';
  for (let i = 0; i < coords.length; i++) {
    const [sx, sy] = frame.toPx(coords[i]![0]!, coords[i]![1]!);
    d += `${i === 0 ? 'M' : 'L'}${px(sx)} ${px(sy)}`;
  }
  return d;
}

/** Path data for polygon rings (outer ring then holes); draw with fill-rule evenodd. */
export function polygonData(frame: MapFrame, rings: readonly (readonly (readonly number[])[])[]): string {
  return rings.map((ring) => `${lineData(frame, ring)}Z`).join('');
}

/** Path data for a MultiPolygon's coordinates. */
export function multiPolygonData(
  frame: MapFrame,
  polygons: readonly (readonly (readonly (readonly number[])[])[])[],
): string {
  return polygons.map((rings) => polygonData(frame, rings)).join('');
}

export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${typeof v === 'number' ? px(v) : escapeXml(v as string)}"`)
    .join(' ');
}
