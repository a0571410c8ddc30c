import { describe, expect, it } from 'vitest';
import { pointInMultiPolygon } from '../../../../../shared/analysis/hotspots/polygon.js';
import { boundaryMask } from '../../../../../shared/analysis/kde/clip.js';
import { cellCentreX, cellCentreY, type Grid } from '../../../../../shared/model/grid.js';

describe('boundaryMask', () => {
  it('marks exactly the cells whose centre is inside a multipolygon with a hole (vs point in polygon)', () => {
    const spec = { width: 47, height: 31, originX: 1000, originY: 2000, cellSizeM: 13 };
    const boundary = [
      [
        [1010, 2010],
        [1500, 2050],
        [1580, 2390],
        [1200, 2360],
        [1010, 2010],
      ],
      [
        [1200, 2100],
        [1300, 2100],
        [1300, 2250],
        [1200, 2250],
        [1200, 2100],
      ],
    ];
    const island = [
      [
        [1585, 2025],
        [1610, 2025],
        [1610, 2045],
        [1585, 2045],
        [1585, 2025],
      ],
    ];
    const coords = [boundary, island];
    const mask = boundaryMask(spec, coords);
    const grid = { ...spec, values: new Float64Array(0) } as Grid;
    let inside = 0;
    for (let row = 0; row < spec.height; row++) {
      for (let col = 0; col < spec.width; col++) {
        const expected = pointInMultiPolygon(coords, cellCentreX(grid, col), cellCentreY(grid, row)) ? 1 : 0;
        expect(mask[row * spec.width + col], `row ${row} col ${col}`).toBe(expected);
        inside += expected;
      }
    }
    expect(inside).toBeGreaterThan(300);
  });
});
