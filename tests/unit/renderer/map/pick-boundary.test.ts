import { describe, expect, it } from 'vitest';
import { boundaryAt } from '../../../../renderer/src/map/pick-boundary.js';
import type { BoundaryGeoJson } from '../../../../shared/api/import-api.js';

type Feature = BoundaryGeoJson['features'][number];

function square(id: number, name: string | null, [x0, y0, x1, y1]: number[], areaM2: number): Feature {
  return {
    type: 'Feature',
    id,
    properties: { id, code: `E0${id}`, name, areaM2 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x0!, y0!],
          [x1!, y0!],
          [x1!, y1!],
          [x0!, y1!],
          [x0!, y0!],
        ],
      ],
    },
  };
}

const layer = (name: string, features: Feature[]) => ({
  name,
  geo: { type: 'FeatureCollection' as const, features },
});

// Two wards side by side inside one district; a ward with a hole (a lake) as a MultiPolygon.
const wards = layer('Wards', [square(1, 'Abbey', [0, 0, 1, 1], 1e6), square(2, null, [1, 0, 2, 1], 1e6)]);
const district = layer('Districts', [square(9, 'Riverside', [-1, -1, 3, 2], 12e6)]);
const holed: Feature = {
  type: 'Feature',
  id: 5,
  properties: { id: 5, code: 'E05', name: 'Lakeside', areaM2: 8e6 },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [10, 10],
          [14, 10],
          [14, 14],
          [10, 14],
          [10, 10],
        ],
        [
          [11, 11],
          [13, 11],
          [13, 13],
          [11, 13],
          [11, 11],
        ],
      ],
    ],
  },
};

describe('boundaryAt', () => {
  it('finds the area under the point, named or by its code', () => {
    expect(boundaryAt([wards], 0.5, 0.5)).toEqual({ featureId: 1, name: 'Abbey', layerName: 'Wards' });
    expect(boundaryAt([wards], 1.5, 0.5)).toEqual({ featureId: 2, name: 'E02', layerName: 'Wards' });
  });

  it('takes the smallest area where layers nest, whichever layer comes first', () => {
    expect(boundaryAt([district, wards], 0.5, 0.5)?.featureId).toBe(1);
    expect(boundaryAt([wards, district], 0.5, 0.5)?.featureId).toBe(1);
    // Inside the district but in no ward.
    expect(boundaryAt([district, wards], 2.5, 1.5)?.featureId).toBe(9);
  });

  it('finds nothing outside every area or inside a hole', () => {
    expect(boundaryAt([wards], 5, 5)).toBeNull();
    expect(boundaryAt([layer('Lakes', [holed])], 12, 12)).toBeNull();
    expect(boundaryAt([layer('Lakes', [holed])], 10.5, 12)?.featureId).toBe(5);
    expect(boundaryAt([], 0.5, 0.5)).toBeNull();
  });
});
