/**
 * Where a hotspot's number disc goes (issue 12: "labels that never hide a small polygon"). The disc
 * sits on the polygon's label point when the polygon is big enough on the page to hold it with room
 * round it (its pixel bounding box at least MIN_SIDE_IN_RADII radii on each side); otherwise it goes
 * outside, just beyond a corner of the bounding box, with a leader line from that corner, so the whole
 * outline stays visible. Corners are tried north-east, north-west, south-east, south-west, and the
 * first that keeps the disc inside the frame is used.
 */
import type { MapFrame } from './frame.js';

/** A polygon smaller than this many disc radii across (either way) gets its label outside. */
export const MIN_SIDE_IN_RADII = 4;
/** Gap between the bounding box's corner and the disc's edge, in pixels. */
const GAP_PX = 6;

export interface LabelPlacement {
  x: number;
  y: number;
  /** Start of the leader line (a bounding-box corner) when the disc is outside the polygon. */
  leader: [number, number] | null;
}

type Polygons = readonly (readonly (readonly (readonly number[])[])[])[];

/** Pixel bounding box of polygons' outer rings. */
export function pixelBounds(
  frame: MapFrame,
  polygons: Polygons,
): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rings of polygons) {
    for (const [x, y] of rings[0] ?? []) {
      const [px, py] = frame.toPx(x!, y!);
      minX = Math.min(minX, px);
      maxX = Math.max(maxX, px);
      minY = Math.min(minY, py);
      maxY = Math.max(maxY, py);
    }
  }
  return { minX, minY, maxX, maxY };
}

export function hotspotLabelPlacement(
  frame: MapFrame,
  polygons: Polygons,
  labelPointM: readonly [number, number],
  radiusPx: number,
): LabelPlacement {
  if (!(radiusPx > 0)) throw new RangeError(`radiusPx must be > 0, got ${radiusPx}`);
  const b = pixelBounds(frame, polygons);
  const [lx, ly] = frame.toPx(labelPointM[0], labelPointM[1]);
  const side = MIN_SIDE_IN_RADII * radiusPx;
  if (b.maxX - b.minX >= side && b.maxY - b.minY >= side) return { x: lx, y: ly, leader: null };
  const d = radiusPx + GAP_PX;
  const corners: [number, number, number, number][] = [
    [b.maxX, b.minY, 1, -1],
    [b.minX, b.minY, -1, -1],
    [b.maxX, b.maxY, 1, 1],
    [b.minX, b.maxY, -1, 1],
  ];
  const inside = (x: number, y: number) =>
    x - radiusPx >= 0 && y - radiusPx >= 0 && x + radiusPx <= frame.widthPx && y + radiusPx <= frame.heightPx;
  for (const [cx, cy, sx, sy] of corners) {
    const x = cx + sx * d;
    const y = cy + sy * d;
    if (inside(x, y)) return { x, y, leader: [cx, cy] };
  }
  const [cx, cy] = corners[0]!;
  return { x: cx + d, y: cy - d, leader: [cx, cy] };
}
