import { describe, expect, it } from 'vitest';
import {
  abbreviateCount,
  expansionZoom,
  fromMercator,
  gridCells,
  toMercator,
} from '../../../../renderer/src/map/point-clusters.js';

/** Web Mercator pixel position at zoom z with 512 px tiles, written out independently. */
function pixel(lon: number, lat: number, zoom: number): [number, number] {
  const world = 512 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return [
    ((lon + 180) / 360) * world,
    ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world,
  ];
}

describe('toMercator / fromMercator', () => {
  it('puts (0, 0) at the world centre and returns lon/lat it was given', () => {
    const m = toMercator(new Float64Array([0, -2.4, Number.NaN]), new Float64Array([0, 53.9, 1]));
    expect(m.mx[0]).toBeCloseTo(0.5, 12);
    expect(m.my[0]).toBeCloseTo(0.5, 12);
    const [lon, lat] = fromMercator(m.mx[1]!, m.my[1]!);
    expect(lon).toBeCloseTo(-2.4, 9);
    expect(lat).toBeCloseTo(53.9, 9);
    expect(Number.isNaN(m.mx[2]!)).toBe(true);
  });
});

describe('gridCells', () => {
  it('groups the selected rows by 36-pixel cell exactly as a brute-force count does', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 3000;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lon[i] = -2.5 + random() * 0.1;
      lat[i] = 53.9 + random() * 0.06;
    }
    const rows = new Uint32Array([...Array(n).keys()].filter((i) => i % 3 !== 0));
    const points = toMercator(lon, lat);
    for (const zoom of [8, 12, 14]) {
      const cells = gridCells(points, rows, zoom, 36);
      const expected = new Map<string, number[]>();
      for (const row of rows) {
        const [px, py] = pixel(lon[row]!, lat[row]!, zoom);
        const key = `${Math.floor(px / 36)},${Math.floor(py / 36)}`;
        expected.set(key, [...(expected.get(key) ?? []), row]);
      }
      expect(cells.key.length).toBe(expected.size);
      expect(cells.count.reduce((a, b) => a + b, 0)).toBe(rows.length);
      const sortedCounts = [...expected.values()].map((m) => m.length).sort((a, b) => a - b);
      expect([...cells.count].sort((a, b) => a - b)).toEqual(sortedCounts);
      // Each cell's first row is the first selected row that fell in it.
      const firsts = new Set([...expected.values()].map((m) => m[0]));
      expect(cells.first.every((row) => firsts.has(row))).toBe(true);
    }
  });

  it('counts rows without a position as unplaced and draws a lone point as itself', () => {
    const points = toMercator(new Float64Array([1, Number.NaN]), new Float64Array([51, 51]));
    const cells = gridCells(points, new Uint32Array([0, 1]), 10, 36);
    expect(cells.unplaced).toBe(1);
    expect(cells.count).toEqual([1]);
    expect(cells.first).toEqual([0]);
  });

  it('refuses a fractional zoom and a radius under 8 px', () => {
    const points = toMercator(new Float64Array([1]), new Float64Array([51]));
    expect(() => gridCells(points, new Uint32Array([0]), 10.5, 36)).toThrow(RangeError);
    expect(() => gridCells(points, new Uint32Array([0]), 10, 4)).toThrow(RangeError);
  });
});

describe('expansionZoom', () => {
  it('is the first zoom at which two points 100 m apart fall in different cells', () => {
    // 0.0015° of longitude at 51° N is about 105 m; a 36 px cell at zoom z is 36 · 40075016 ·
    // cos(51°) / (512 · 2^z) m: 1,773 m at z10, 111 m at z14, 55 m at z15.
    const lon = new Float64Array([0.0001, 0.0016]);
    const lat = new Float64Array([51, 51]);
    const points = toMercator(lon, lat);
    const rows = new Uint32Array([0, 1]);
    const cells = gridCells(points, rows, 10, 36);
    expect(cells.count).toEqual([2]);
    const to = expansionZoom(points, rows, 10, cells.key[0]!, 36, 18);
    const apartAt = [11, 12, 13, 14, 15, 16].find((z) => {
      const [a, b] = [pixel(lon[0]!, lat[0]!, z), pixel(lon[1]!, lat[1]!, z)];
      return (
        Math.floor(a[0] / 36) !== Math.floor(b[0] / 36) || Math.floor(a[1] / 36) !== Math.floor(b[1] / 36)
      );
    });
    expect(to).toBe(apartAt);
    expect(to).toBeGreaterThanOrEqual(13);
    expect(to).toBeLessThanOrEqual(15);
  });

  it('is maxZoom + 1 for points at one place', () => {
    const points = toMercator(new Float64Array([1, 1]), new Float64Array([51, 51]));
    const rows = new Uint32Array([0, 1]);
    const cells = gridCells(points, rows, 12, 36);
    expect(expansionZoom(points, rows, 12, cells.key[0]!, 36, 14)).toBe(15);
  });
});

describe('abbreviateCount', () => {
  it('writes counts as MapLibre clusters do', () => {
    expect(abbreviateCount(999)).toBe('999');
    expect(abbreviateCount(1234)).toBe('1.2k');
    expect(abbreviateCount(12_345)).toBe('12k');
  });
});
