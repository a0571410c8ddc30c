import { describe, expect, it } from 'vitest';
import { convexHull, polygonArea } from '../../../../../shared/analysis/chains/convex-hull.js';

describe('convexHull and polygonArea', () => {
  it('drops interior and collinear points and gives the area of a 30 × 20 m rectangle', () => {
    const x = [0, 30, 30, 0, 15, 15, 10];
    const y = [0, 0, 20, 20, 10, 0, 5];
    const hull = convexHull(
      x.map((v) => v + 530000),
      y.map((v) => v + 180000),
    );
    expect(hull.length).toBe(4);
    expect(polygonArea(hull)).toBe(600);
  });

  it('gives area 0 for fewer than three distinct points or collinear points', () => {
    expect(polygonArea(convexHull([1, 1, 1], [2, 2, 2]))).toBe(0);
    expect(polygonArea(convexHull([0, 1, 2, 3], [0, 2, 4, 6]))).toBe(0);
  });
});
