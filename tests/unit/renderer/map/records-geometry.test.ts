import { describe, expect, it } from 'vitest';
import {
  ANCHOR_ZOOM,
  anchorTile,
  clusterRadiusPx,
  countLabelQuads,
  type GlyphSet,
  LABEL_VERTEX_FLOATS,
  nearestCluster,
  pointRadiusPx,
  rowsInBox,
  TILE_EXTENT,
  tileCoordinates,
  toTile,
} from '../../../../renderer/src/map/records-geometry.js';

describe('anchorTile / tileCoordinates', () => {
  it('anchors on the zoom-14 tile of the first placed point and measures in 8192ths of it', () => {
    const tiles = 2 ** 14;
    // Row 0 has no place; row 1 is 0.25 of the way into tile (8000, 5000); row 2 one tile east.
    const mx = new Float64Array([Number.NaN, 8000.25 / tiles, 8001.25 / tiles]);
    const my = new Float64Array([Number.NaN, 5000.5 / tiles, 5000.5 / tiles]);
    const anchor = anchorTile(mx, my);
    expect(anchor).toEqual({ x: 8000, y: 5000, z: ANCHOR_ZOOM });
    const xy = tileCoordinates(anchor, mx, my);
    expect(Number.isNaN(xy[0]!)).toBe(true);
    expect(xy[2]).toBeCloseTo(0.25 * TILE_EXTENT, 3);
    expect(xy[3]).toBeCloseTo(0.5 * TILE_EXTENT, 3);
    expect(xy[4]).toBeCloseTo(1.25 * TILE_EXTENT, 3);
    expect(toTile(anchor, mx[2]!, my[2]!)[0]).toBeCloseTo(xy[4]!, 2);
  });

  it('keeps two points 1 cm apart distinct in float32 (a world coordinate would merge them)', () => {
    // 1 cm at latitude 54° is about 1.5e-9 of the world's width at the equator's scale.
    const mx = new Float64Array([0.4931, 0.4931 + 1.5e-9]);
    const my = new Float64Array([0.3211, 0.3211]);
    const xy = tileCoordinates(anchorTile(mx, my), mx, my);
    expect(xy[2]! - xy[0]!).toBeGreaterThan(0);
    expect(Math.fround(mx[1]!) - Math.fround(mx[0]!)).toBe(0);
  });

  it('falls back to tile 0/0 with no placed point', () => {
    expect(anchorTile(new Float64Array([Number.NaN]), new Float64Array([Number.NaN]))).toEqual({
      x: 0,
      y: 0,
      z: ANCHOR_ZOOM,
    });
  });
});

describe('countLabelQuads', () => {
  const font: GlyphSet = {
    heightPx: 10,
    glyphs: new Map([
      ['1', { u0: 0, u1: 0.5, v0: 0, v1: 1, widthPx: 8, bearingPx: -1, advancePx: 6 }],
      ['k', { u0: 0.5, u1: 1, v0: 0, v1: 1, widthPx: 10, bearingPx: -1, advancePx: 8 }],
    ]),
  };

  it('writes six vertices per known character, centred on the anchor by the advances', () => {
    const quads = countLabelQuads(new Float32Array([100, 200, 300, 400]), ['1k', '1?'], font);
    // '1k' = 2 characters, '1?' = 1 known character.
    expect(quads.length).toBe(3 * 6 * LABEL_VERTEX_FLOATS);
    const vertex = (v: number) => [...quads.subarray(v * LABEL_VERTEX_FLOATS, (v + 1) * LABEL_VERTEX_FLOATS)];
    // '1k' is 6 + 8 = 14 px wide: the pen starts at -7; '1' spans -8 to 0, 'k' from -2 to 8.
    expect(vertex(0)).toEqual([100, 200, -8, -5, 0, 0]);
    expect(vertex(5)).toEqual([100, 200, 0, 5, 0.5, 1]);
    expect(vertex(6)).toEqual([100, 200, -2, -5, 0.5, 0]);
    expect(vertex(11)).toEqual([100, 200, 8, 5, 1, 1]);
    // '1?' counts only the '1': 6 px wide, pen at -3, quad -4 to 4.
    expect(vertex(12)).toEqual([300, 400, -4, -5, 0, 0]);
    expect(vertex(17)).toEqual([300, 400, 4, 5, 0.5, 1]);
  });
});

describe('rowsInBox', () => {
  it('finds exactly the listed rows inside the box (brute-force reference)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 2000;
    const mx = Float64Array.from({ length: n }, random);
    const my = Float64Array.from({ length: n }, random);
    const rows = Uint32Array.from({ length: 700 }, (_, k) => (k * 3) % n);
    const box: [number, number, number, number] = [0.2, 0.3, 0.45, 0.6];
    const expected = [...rows].filter(
      (r) => mx[r]! >= 0.2 && mx[r]! <= 0.45 && my[r]! >= 0.3 && my[r]! <= 0.6,
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(rowsInBox(mx, my, rows, box)).toEqual(expected);
  });

  it('never finds a row without a place', () => {
    expect(rowsInBox(new Float64Array([Number.NaN]), new Float64Array([0.5]), [0], [0, 0, 1, 1])).toEqual([]);
  });
});

describe('nearestCluster', () => {
  // At 1,000 px per world, 0.01 world units are 10 px.
  const clusters = { x: [0.5, 0.52], y: [0.5, 0.5], radiusPx: [9, 14] };

  it('picks the disc holding the point, the nearest centre where discs overlap', () => {
    expect(nearestCluster(0.508, 0.5, clusters, 1000)).toBe(0); // 8 px from 0, 12 px from 1
    expect(nearestCluster(0.511, 0.5, clusters, 1000)).toBe(1); // 11 px from 0 (outside 9), 9 px from 1
    expect(nearestCluster(0.5, 0.5085, clusters, 1000)).toBe(0); // 8.5 px below 0: inside, near its rim
  });

  it('finds none outside every disc', () => {
    expect(nearestCluster(0.5, 0.52, clusters, 1000)).toBe(-1);
  });
});

describe('clusterRadiusPx / pointRadiusPx', () => {
  it('steps cluster radii at 10, 50, 200 and 1,000 records', () => {
    expect([2, 9, 10, 49, 50, 199, 200, 999, 1000, 50_000].map(clusterRadiusPx)).toEqual([
      9, 9, 11, 11, 14, 14, 18, 18, 24, 24,
    ]);
  });

  it('grows points from 2.5 px at zoom 10 to 5 px at zoom 16, held outside', () => {
    expect([8, 10, 13, 16, 19].map(pointRadiusPx)).toEqual([2.5, 2.5, 3.75, 5, 5]);
  });
});
