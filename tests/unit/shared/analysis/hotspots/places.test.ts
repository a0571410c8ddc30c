import { describe, expect, it } from 'vitest';
import { type PlaceFeature, placesAt } from '../../../../../shared/analysis/hotspots/places.js';

const square = (x0: number, y0: number, size: number) => [
  [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
];
const feature = (layer: string, name: string, x0: number, y0: number, size: number): PlaceFeature => ({
  layer,
  name,
  polygon: square(x0, y0, size),
  bbox: [x0, y0, x0 + size, y0 + size],
});

// Two wards side by side (west and east halves of a 200 m square) and one neighbourhood in the west.
const features = [
  feature('Wards', 'Westfield', 0, 0, 100),
  feature('Wards', 'Eastgate', 100, 0, 100),
  feature('Neighbourhoods', 'Old Town', 0, 0, 100),
];

describe('placesAt', () => {
  it('names the feature of each layer holding the point', () => {
    expect(placesAt(50, 50, features)).toEqual([
      { layer: 'Wards', name: 'Westfield' },
      { layer: 'Neighbourhoods', name: 'Old Town' },
    ]);
  });

  it('gives no place for a layer with no feature at the point', () => {
    expect(placesAt(150, 50, features)).toEqual([{ layer: 'Wards', name: 'Eastgate' }]);
    expect(placesAt(500, 500, features)).toEqual([]);
  });
});
