/**
 * The arrays the records layer (records-gl.ts) uploads, made from Web Mercator world positions
 * (point-clusters.ts: 0–1, y down). Pure and DOM-free, so each rule is tested on its own.
 *
 *   anchorTile / tileCoordinates  positions as float32 in the units of one zoom-14 tile
 *       (MapLibre's EXTENT = 8192 per tile) relative to the tile holding the data's first point.
 *       Float32 world units (0–1) would be off by up to ~8 px at zoom 18 (24 bits over a world of
 *       134 M px); relative to a tile they are exact to a millimetre across a county, and MapLibre
 *       gives each tile a matrix computed in float64.
 *   countLabelQuads  the glyph quads of cluster counts, centred on each cluster
 *   rowsInBox        the drawn rows inside a Mercator box (identify)
 *   nearestCluster   the cluster under a click, in pixels at the current zoom
 */

/** The anchor tile's zoom; its EXTENT units are ~0.3 mm at the equator. */
export const ANCHOR_ZOOM = 14;
/** Units per tile side in MapLibre's tile coordinates. */
export const TILE_EXTENT = 8192;

export interface AnchorTile {
  x: number;
  y: number;
  z: number;
}

/** The zoom-14 tile holding the first finite position (tile 0/0 when there is none). */
export function anchorTile(mx: Float64Array, my: Float64Array): AnchorTile {
  const tiles = 2 ** ANCHOR_ZOOM;
  for (let i = 0; i < mx.length; i++) {
    if (Number.isNaN(mx[i]!) || Number.isNaN(my[i]!)) continue;
    return {
      x: Math.min(tiles - 1, Math.floor(mx[i]! * tiles)),
      y: Math.min(tiles - 1, Math.floor(my[i]! * tiles)),
      z: ANCHOR_ZOOM,
    };
  }
  return { x: 0, y: 0, z: ANCHOR_ZOOM };
}

/** A world position in the anchor tile's units (x then y, two per point; NaN stays NaN). */
export function toTile(anchor: AnchorTile, mx: number, my: number): [number, number] {
  const tiles = 2 ** anchor.z;
  return [(mx * tiles - anchor.x) * TILE_EXTENT, (my * tiles - anchor.y) * TILE_EXTENT];
}

/** Every position in the anchor tile's units, interleaved x, y. */
export function tileCoordinates(anchor: AnchorTile, mx: Float64Array, my: Float64Array): Float32Array {
  const out = new Float32Array(mx.length * 2);
  const tiles = 2 ** anchor.z;
  for (let i = 0; i < mx.length; i++) {
    out[2 * i] = (mx[i]! * tiles - anchor.x) * TILE_EXTENT;
    out[2 * i + 1] = (my[i]! * tiles - anchor.y) * TILE_EXTENT;
  }
  return out;
}

/**
 * A glyph's box in the atlas (texture units 0–1); its quad is `widthPx` wide starting `bearingPx`
 * from the pen (the halo reaches past the advance), and the pen moves on by `advancePx` (CSS px).
 */
export interface Glyph {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
  widthPx: number;
  bearingPx: number;
  advancePx: number;
}

export interface GlyphSet {
  glyphs: ReadonlyMap<string, Glyph>;
  /** Height of every glyph box in CSS pixels. */
  heightPx: number;
}

/** Floats per label vertex: anchor x, y (tile units), offset x, y (CSS px, y down), u, v. */
export const LABEL_VERTEX_FLOATS = 6;

/**
 * Two triangles per character, each corner carrying the cluster's anchor and its pixel offset from
 * it: the text is centred on the anchor at every zoom and rotation. Characters without a glyph are
 * skipped (counts only use 0–9, '.' and 'k').
 */
export function countLabelQuads(
  anchors: Float32Array,
  labels: readonly string[],
  font: GlyphSet,
): Float32Array {
  let characters = 0;
  for (const label of labels) for (const ch of label) if (font.glyphs.has(ch)) characters++;
  const out = new Float32Array(characters * 6 * LABEL_VERTEX_FLOATS);
  let o = 0;
  const half = font.heightPx / 2;
  for (let k = 0; k < labels.length; k++) {
    const ax = anchors[2 * k]!;
    const ay = anchors[2 * k + 1]!;
    const label = labels[k]!;
    let width = 0;
    for (const ch of label) width += font.glyphs.get(ch)?.advancePx ?? 0;
    let pen = -width / 2;
    for (const ch of label) {
      const g = font.glyphs.get(ch);
      if (g === undefined) continue;
      const x0 = pen + g.bearingPx;
      const x1 = x0 + g.widthPx;
      const corners: [number, number, number, number][] = [
        [x0, -half, g.u0, g.v0],
        [x1, -half, g.u1, g.v0],
        [x0, half, g.u0, g.v1],
        [x0, half, g.u0, g.v1],
        [x1, -half, g.u1, g.v0],
        [x1, half, g.u1, g.v1],
      ];
      for (const [dx, dy, u, v] of corners) {
        out[o++] = ax;
        out[o++] = ay;
        out[o++] = dx;
        out[o++] = dy;
        out[o++] = u;
        out[o++] = v;
      }
      pen += g.advancePx;
    }
  }
  return out;
}

/** Rows of `rows` whose position lies in [minX, maxX] × [minY, maxY] (world units), in order. */
export function rowsInBox(
  mx: Float64Array,
  my: Float64Array,
  rows: ArrayLike<number>,
  box: [number, number, number, number],
): number[] {
  const [minX, minY, maxX, maxY] = box;
  const hits: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const x = mx[row]!;
    const y = my[row]!;
    if (x >= minX && x <= maxX && y >= minY && y <= maxY) hits.push(row);
  }
  return hits;
}

/**
 * The index of the cluster whose disc (radius in CSS px at `worldPx` pixels per world) holds the
 * point (world units), the nearest one when discs overlap; -1 when none does.
 */
export function nearestCluster(
  x: number,
  y: number,
  clusters: { x: ArrayLike<number>; y: ArrayLike<number>; radiusPx: ArrayLike<number> },
  worldPx: number,
): number {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let k = 0; k < clusters.x.length; k++) {
    const d = Math.hypot(clusters.x[k]! - x, clusters.y[k]! - y) * worldPx;
    if (d <= clusters.radiusPx[k]! && d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** A cluster's radius in CSS px by its count (the steps MapLibre's cluster layer used). */
export function clusterRadiusPx(count: number): number {
  if (count < 10) return 9;
  if (count < 50) return 11;
  if (count < 200) return 14;
  if (count < 1000) return 18;
  return 24;
}

/** A single point's radius in CSS px: 2.5 at zoom 10 to 5 at zoom 16, linear, held outside. */
export function pointRadiusPx(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 10) / 6));
  return 2.5 + 2.5 * t;
}
