/**
 * The geometry of the records layer's point tiles (records-tile-cache.ts): at street zoom the points
 * are drawn once into textures, tile by tile, and a pan draws those textures instead of the points
 * (issue 11, Performance: drawing 60,000 points in view cost software WebGL ~140 ms a frame, about
 * half in the vertex stage and half in fragments; a textured quad per tile costs next to nothing).
 *
 * Rule: at map zoom z the tiles are those of whole level L = ⌊z⌋ + 1, so a tile is 512 · 2^(z − L)
 * CSS px on screen, between 256 and 512, and drawn into a texture of that size times the pixel
 * ratio: one texel per device pixel at the zoom it was drawn for. Tile (x, y) covers world
 * [x, x + 1) / 2^L × [y, y + 1) / 2^L (Web Mercator 0–1, y down). Positions are in the anchor
 * tile's units (records-geometry.ts); a tile's own coordinates are (u, v) = world · 2^L − (x, y),
 * with v = 0 on its north edge.
 *
 * A texture holds its tile and a margin of m (a fraction of the tile) on every side: GL clips a
 * point by its centre, so a disc centred just over the edge would otherwise be cut off there. Its
 * texture coordinates are (u + m) / (1 + 2m); only the tile itself is drawn.
 */
import { WORLD_PX_AT_Z0 } from './point-clusters.js';
import { type AnchorTile, TILE_EXTENT } from './records-geometry.js';

/** The tile level for map zoom `zoom`. */
export function tileLevel(zoom: number): number {
  return Math.floor(zoom) + 1;
}

/** A tile's side in device pixels at `zoom` and `pixelRatio` (its texture's size). */
export function tileSizePx(zoom: number, pixelRatio: number): number {
  return Math.max(1, Math.round(WORLD_PX_AT_Z0 * 2 ** (zoom - tileLevel(zoom)) * pixelRatio));
}

/** The tiles of `level` that meet the box [minX, minY, maxX, maxY] (world units), row by row. */
export function tilesInBox(level: number, box: readonly number[]): [number, number][] {
  const [minX, minY, maxX, maxY] = box as [number, number, number, number];
  const n = 2 ** level;
  const clamp = (m: number) => Math.min(n - 1, Math.max(0, Math.floor(m * n)));
  const tiles: [number, number][] = [];
  for (let y = clamp(minY); y <= clamp(maxY); y++)
    for (let x = clamp(minX); x <= clamp(maxX); x++) tiles.push([x, y]);
  return tiles;
}

/** The world box [minX, minY, maxX, maxY] of tile (x, y) of `level`. */
export function tileBox(level: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** level;
  return [x / n, y / n, (x + 1) / n, (y + 1) / n];
}

/**
 * The column-major 4 × 4 matrix taking anchor-tile units to the clip space of the texture of tile
 * (x, y) with margin `margin`: the margin's north-west corner to (−1, −1), south-east to (1, 1), so
 * texture row 0 is the north edge. The offset is a small number of whole tiles near the anchor,
 * so float32 keeps it exact.
 */
export function tileClipMatrix(
  anchor: AnchorTile,
  level: number,
  x: number,
  y: number,
  margin = 0,
): Float32Array {
  const toLevel = 2 ** (level - anchor.z);
  const span = 1 + 2 * margin;
  const m = new Float32Array(16);
  m[0] = (2 * toLevel) / TILE_EXTENT / span;
  m[5] = m[0];
  m[10] = 1;
  m[12] = (2 * (anchor.x * toLevel - x + margin)) / span - 1;
  m[13] = (2 * (anchor.y * toLevel - y + margin)) / span - 1;
  m[15] = 1;
  return m;
}

/** Floats per tile-quad vertex: x, y (anchor-tile units), u, v. */
export const TILE_VERTEX_FLOATS = 4;

/**
 * Two triangles covering tile (x, y) of `level`, in anchor-tile units, with the coordinates of the
 * tile in its texture of margin `margin`.
 */
export function tileQuad(anchor: AnchorTile, level: number, x: number, y: number, margin = 0): Float32Array {
  const toAnchor = 2 ** (anchor.z - level);
  const ax = (tx: number) => (tx * toAnchor - anchor.x) * TILE_EXTENT;
  const ay = (ty: number) => (ty * toAnchor - anchor.y) * TILE_EXTENT;
  const corners: [number, number][] = [
    [0, 0],
    [1, 0],
    [0, 1],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const out = new Float32Array(corners.length * TILE_VERTEX_FLOATS);
  const texture = (t: number) => (t + margin) / (1 + 2 * margin);
  corners.forEach(([u, v], k) => {
    out.set([ax(x + u), ay(y + v), texture(u), texture(v)], k * TILE_VERTEX_FLOATS);
  });
  return out;
}
