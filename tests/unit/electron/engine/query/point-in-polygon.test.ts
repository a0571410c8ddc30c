import { describe, expect, it } from 'vitest';
import {
  areaContains,
  polygonAreaM2,
  prepareArea,
} from '../../../../../electron/engine/query/point-in-polygon.js';

const square = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
  [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4],
  ],
];

describe('areaContains', () => {
  const area = prepareArea(square);
  it.each([
    [1, 1, true],
    [5, 5, false], // in the hole
    [3, 5, true],
    [11, 5, false],
    [-0.001, 5, false],
  ])('(%d, %d) inside the 10 m square with a 2 m hole: %s', (x, y, inside) => {
    expect(areaContains(area, x, y)).toBe(inside);
  });
  it('treats a MultiPolygon as the union of its polygons', () => {
    const multi = prepareArea([
      square,
      [
        [
          [20, 0],
          [30, 0],
          [30, 10],
          [20, 0],
        ],
      ],
    ]);
    expect(areaContains(multi, 29, 5)).toBe(true);
    expect(areaContains(multi, 21, 5)).toBe(false);
    expect(areaContains(multi, 5, 5)).toBe(false);
  });
});

describe('polygonAreaM2', () => {
  it('is 100 − 4 = 96 m² for the square with its hole, and adds MultiPolygon parts', () => {
    expect(polygonAreaM2(square)).toBe(96);
    expect(
      polygonAreaM2([
        square,
        [
          [
            [20, 0],
            [30, 0],
            [30, 10],
            [20, 0],
          ],
        ],
      ]),
    ).toBe(146);
  });
});
