import { describe, expect, it } from 'vitest';
import { coordinateBounds } from '../../../../renderer/src/map/coordinate-bounds.js';

describe('coordinateBounds', () => {
  it('spans nested polygon and multipolygon coordinates', () => {
    expect(
      coordinateBounds([
        [
          [
            [0, 0],
            [2, 1],
            [1, 3],
          ],
        ],
        [
          [
            [-1, 5],
            [0, 4],
          ],
        ],
      ]),
    ).toEqual([-1, 0, 2, 5]);
    expect(coordinateBounds([])).toBeNull();
  });
});
