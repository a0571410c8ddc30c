/**
 * Street names on a static map (issue 12: "maps with street labels"): each named street is labelled
 * once, along its longest straight stretch in view, when that stretch is long enough for the name
 * (≈ CHAR_PX per character at LABEL_PX) and its middle is at least MIN_GAP_PX from every label already
 * placed (longest stretches first, so the main streets win). Text is turned to follow the stretch and
 * kept upright (angle within ±90°), drawn over a white halo so it reads on any density colour.
 */
import type { MapFrame } from './frame.js';
import { attrs, escapeXml } from './svg.js';

export const LABEL_PX = 11;
const CHAR_PX = 6.2;
const MIN_GAP_PX = 60;
/** Most street names on one map, so a town-wide overview does not turn to text. */
export const MAX_STREET_LABELS = 30;

interface Stretch {
  name: string;
  x: number;
  y: number;
  lengthPx: number;
  angleDeg: number;
}

function longestStretch(
  frame: MapFrame,
  name: string,
  coords: readonly (readonly number[])[],
): Stretch | null {
  let best: Stretch | null = null;
  for (let i = 1; i < coords.length; i++) {
    const [x1, y1] = frame.toPx(coords[i - 1]![0]!, coords[i - 1]![1]!);
    const [x2, y2] = frame.toPx(coords[i]![0]!, coords[i]![1]!);
    const x = (x1 + x2) / 2;
    const y = (y1 + y2) / 2;
    if (x < 20 || y < 20 || x > frame.widthPx - 20 || y > frame.heightPx - 20) continue;
    const lengthPx = Math.hypot(x2 - x1, y2 - y1);
    if (best && lengthPx <= best.lengthPx) continue;
    let angleDeg = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
    if (angleDeg > 90) angleDeg -= 180;
    if (angleDeg <= -90) angleDeg += 180;
    best = { name, x, y, lengthPx, angleDeg };
  }
  return best;
}

/** The stretches to label, longest first, after the fit and spacing rules. */
export function streetLabelPlacements(
  frame: MapFrame,
  streets: readonly { coords: number[][]; name?: string }[],
): Stretch[] {
  const byName = new Map<string, Stretch>();
  for (const s of streets) {
    if (!s.name) continue;
    const stretch = longestStretch(frame, s.name, s.coords);
    if (!stretch || stretch.lengthPx < s.name.length * CHAR_PX + 10) continue;
    const known = byName.get(s.name);
    if (!known || stretch.lengthPx > known.lengthPx) byName.set(s.name, stretch);
  }
  const placed: Stretch[] = [];
  for (const s of [...byName.values()].sort((a, b) => b.lengthPx - a.lengthPx)) {
    if (placed.length >= MAX_STREET_LABELS) break;
    if (placed.some((p) => Math.hypot(p.x - s.x, p.y - s.y) < MIN_GAP_PX)) continue;
    placed.push(s);
  }
  return placed;
}

export function streetLabelsSvg(
  frame: MapFrame,
  streets: readonly { coords: number[][]; name?: string }[],
): string {
  const labels = streetLabelPlacements(frame, streets).map((s) => {
    const common = {
      x: s.x,
      y: s.y,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      transform: `rotate(${s.angleDeg.toFixed(1)} ${s.x.toFixed(1)} ${s.y.toFixed(1)})`,
    };
    const name = escapeXml(s.name);
    return (
      `<text ${attrs({ ...common, stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', fill: '#ffffff' })}>${name}</text>` +
      `<text ${attrs({ ...common, fill: '#3a3a3a' })}>${name}</text>`
    );
  });
  return `<g class="street-labels" font-size="${LABEL_PX}" font-style="italic">${labels.join('')}</g>`;
}
