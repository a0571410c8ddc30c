/**
 * Street names on a static map (issue 12: "maps with street labels"): each named street is labelled
 * once, along its longest nearly straight stretch in view (consecutive pieces within MAX_BEND_DEG of
 * the stretch's first direction), when that stretch is long enough for the name
 * (≈ CHAR_PX per character at LABEL_PX) and its middle is at least MIN_GAP_PX from every label already
 * placed (longest stretches first, so the main streets win). Text is turned to follow the stretch and
 * kept upright (angle within ±90°), drawn over a white halo so it reads on any density colour.
 */
import type { MapFrame } from './frame.js';
import { attrs, escapeXml } from './svg.js';

export const LABEL_PX = 11;
const CHAR_PX = 6.2;
const MIN_GAP_PX = 60;
/** Most a stretch may bend from its first direction and still carry one label. */
const MAX_BEND_DEG = 20;
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
  // A stretch is a run of consecutive segments that all stay within MAX_BEND_DEG of the run's first
  // direction (a street drawn as many short pieces reads as one line), labelled at its middle along
  // the direction from its start to its end.
  const px = coords.map(([x, y]) => frame.toPx(x!, y!));
  let best: Stretch | null = null;
  let start = 0;
  while (start < px.length - 1) {
    const [ax, ay] = px[start]!;
    const heading = Math.atan2(px[start + 1]![1] - ay, px[start + 1]![0] - ax);
    let end = start + 1;
    while (end + 1 < px.length) {
      const [x1, y1] = px[end]!;
      const [x2, y2] = px[end + 1]!;
      const turn = Math.abs(angleBetween(Math.atan2(y2 - y1, x2 - x1), heading));
      if (turn > (MAX_BEND_DEG * Math.PI) / 180) break;
      end++;
    }
    const stretch = stretchOf(name, px, start, end);
    const inside =
      stretch.x >= 20 &&
      stretch.y >= 20 &&
      stretch.x <= frame.widthPx - 20 &&
      stretch.y <= frame.heightPx - 20;
    if (inside && (!best || stretch.lengthPx > best.lengthPx)) best = stretch;
    start = end;
  }
  return best;
}

/** Smallest signed difference of two angles, radians. */
function angleBetween(a: number, b: number): number {
  let d = a - b;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  return d;
}

/** The run px[start..end]: its length, the point half-way along it, and its upright angle. */
function stretchOf(name: string, px: readonly [number, number][], start: number, end: number): Stretch {
  let lengthPx = 0;
  for (let k = start; k < end; k++)
    lengthPx += Math.hypot(px[k + 1]![0] - px[k]![0], px[k + 1]![1] - px[k]![1]);
  let walked = 0;
  let x = px[start]![0];
  let y = px[start]![1];
  for (let k = start; k < end; k++) {
    const [x1, y1] = px[k]!;
    const [x2, y2] = px[k + 1]!;
    const piece = Math.hypot(x2 - x1, y2 - y1);
    if (walked + piece >= lengthPx / 2) {
      const t = piece > 0 ? (lengthPx / 2 - walked) / piece : 0;
      x = x1 + t * (x2 - x1);
      y = y1 + t * (y2 - y1);
      break;
    }
    walked += piece;
  }
  let angleDeg = (Math.atan2(px[end]![1] - px[start]![1], px[end]![0] - px[start]![0]) * 180) / Math.PI;
  if (angleDeg > 90) angleDeg -= 180;
  if (angleDeg <= -90) angleDeg += 180;
  return { name, x, y, lengthPx, angleDeg };
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
