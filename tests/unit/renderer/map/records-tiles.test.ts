import { describe, expect, it } from 'vitest';
import { anchorTile, tileCoordinates } from '../../../../renderer/src/map/records-geometry.js';
import {
  TILE_VERTEX_FLOATS,
  tileBox,
  tileClipMatrix,
  tileLevel,
  tileQuad,
  tileSizePx,
  tilesInBox,
} from '../../../../renderer/src/map/records-tiles.js';

/** Column-major 4 × 4 matrix times (x, y, 0, 1): clip x, y (w is 1 for these matrices). */
function apply(m: Float32Array, x: number, y: number): [number, number] {
  return [m[0]! * x + m[4]! * y + m[12]!, m[1]! * x + m[5]! * y + m[13]!];
}

describe('tileLevel / tileSizePx', () => {
  it('uses the level above the zoom, so a tile is 256–512 CSS px on screen', () => {
    expect(tileLevel(15.5)).toBe(16);
    expect(tileLevel(15)).toBe(16);
    expect(tileSizePx(15, 1)).toBe(256);
    expect(tileSizePx(15.5, 1)).toBe(362);
    expect(tileSizePx(15.999, 2)).toBe(Math.round(512 * 2 ** -0.001 * 2));
  });
});

describe('tilesInBox', () => {
  it('lists the tiles a box meets, row by row, clamped to the world', () => {
    const n = 2 ** 3;
    expect(tilesInBox(3, [1.5 / n, 2.2 / n, 3.1 / n, 3.9 / n])).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(tilesInBox(1, [-1, -1, 2, 0.2])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(tileBox(3, 1, 2)).toEqual([1 / n, 2 / n, 2 / n, 3 / n]);
  });
});

describe('tileClipMatrix / tileQuad', () => {
  const level = 16;
  const world = (x: number, y: number) => ({ mx: Float64Array.of(x), my: Float64Array.of(y) });
  const first = world(0.49312345, 0.32111111);
  const anchor = anchorTile(first.mx, first.my);
  const [tx, ty] = [Math.floor(0.4932 * 2 ** level), Math.floor(0.3212 * 2 ** level)];

  it("takes the tile's north-west corner to (−1, −1), south-east to (1, 1), a point inside proportionally", () => {
    const m = tileClipMatrix(anchor, level, tx, ty);
    const at = (u: number, v: number) => {
      const p = world((tx + u) / 2 ** level, (ty + v) / 2 ** level);
      const xy = tileCoordinates(anchor, p.mx, p.my);
      return apply(m, xy[0]!, xy[1]!);
    };
    for (const [u, v] of [
      [0, 0],
      [1, 1],
      [0.25, 0.75],
    ] as const) {
      const [cx, cy] = at(u, v);
      expect(cx).toBeCloseTo(2 * u - 1, 4);
      expect(cy).toBeCloseTo(2 * v - 1, 4);
    }
  });

  it('gives each quad corner texture coordinates that the clip matrix agrees with', () => {
    const quad = tileQuad(anchor, level, tx, ty);
    const m = tileClipMatrix(anchor, level, tx, ty);
    expect(quad.length).toBe(6 * TILE_VERTEX_FLOATS);
    for (let k = 0; k < 6; k++) {
      const [x, y, u, v] = quad.subarray(k * TILE_VERTEX_FLOATS, (k + 1) * TILE_VERTEX_FLOATS);
      const [cx, cy] = apply(m, x!, y!);
      expect(cx).toBeCloseTo(2 * u! - 1, 4);
      expect(cy).toBeCloseTo(2 * v! - 1, 4);
    }
  });
});
