import { describe, expect, it } from 'vitest';
import { labelPoint, pointInRing } from '../../../../renderer/src/map/polygon-label.js';

describe('labelPoint', () => {
  it('puts the label of a square at its centre', () => {
    const square = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(labelPoint(square)).toEqual([2, 2]);
  });

  it('moves the label onto the ring when the centroid of a U shape falls outside it', () => {
    const u = [
      [0, 0],
      [6, 0],
      [6, 6],
      [5, 6],
      [5, 1],
      [1, 1],
      [1, 6],
      [0, 6],
      [0, 0],
    ];
    const point = labelPoint(u);
    expect(u.some(([x, y]) => x === point[0] && y === point[1])).toBe(true);
  });

  it('refuses an empty ring', () => {
    expect(() => labelPoint([])).toThrow(RangeError);
  });
});

describe('pointInRing', () => {
  it('tells inside from outside', () => {
    const triangle = [
      [0, 0],
      [10, 0],
      [0, 10],
    ];
    expect(pointInRing([2, 2], triangle)).toBe(true);
    expect(pointInRing([8, 8], triangle)).toBe(false);
  });
});
