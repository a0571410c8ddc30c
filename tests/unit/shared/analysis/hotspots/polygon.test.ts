import { describe, expect, it } from 'vitest';
import {
  asMultiPolygon,
  multiPolygonArea,
  pointInPolygon,
  polygonArea,
  preparedContains,
  preparePolygon,
  signedRingArea,
} from '../../../../../shared/analysis/hotspots/polygon.js';
import { Random } from '../../../../../shared/util/random.js';

const square = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const hole = [
  [2, 2],
  [2, 4],
  [4, 4],
  [4, 2],
  [2, 2],
];

describe('polygon helpers', () => {
  it('computes signed ring area (counter-clockwise positive) and subtracts holes', () => {
    expect(signedRingArea(square)).toBe(100);
    expect(signedRingArea(hole)).toBe(-4);
    expect(polygonArea([square, hole])).toBe(96);
    expect(multiPolygonArea([[square, hole], [square]])).toBe(196);
  });

  it('wraps Polygon coordinates as a MultiPolygon and leaves MultiPolygons alone', () => {
    expect(asMultiPolygon([square])).toEqual([[square]]);
    expect(asMultiPolygon([[square]])).toEqual([[square]]);
  });

  it('treats a point in a hole as outside', () => {
    expect(pointInPolygon([square, hole], 3, 3)).toBe(false);
    expect(pointInPolygon([square, hole], 5, 5)).toBe(true);
    expect(pointInPolygon([square, hole], 11, 5)).toBe(false);
  });

  it('gives the same answers prepared as plain on a star with a hole, at 5 000 random points', () => {
    const star: number[][] = [];
    for (let k = 0; k < 40; k++) {
      const r = k % 2 === 0 ? 100 : 45;
      const a = (k / 40) * 2 * Math.PI;
      star.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    star.push(star[0]);
    const polygon = [star, hole.map(([x, y]) => [x * 5, y * 5])];
    const prepared = preparePolygon(polygon);
    const random = new Random(5);
    let inside = 0;
    for (let i = 0; i < 5000; i++) {
      const x = random.uniform(-110, 110);
      const y = random.uniform(-110, 110);
      const expected = pointInPolygon(polygon, x, y);
      expect(preparedContains(prepared, x, y)).toBe(expected);
      if (expected) inside++;
    }
    expect(inside).toBeGreaterThan(1000);
  });
});
