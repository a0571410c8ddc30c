import { describe, expect, it } from 'vitest';
import { coordinateBounds, recordsToGeoJson } from '../../../../renderer/src/map/records-geojson.js';

describe('recordsToGeoJson', () => {
  it('makes one point per record with its id, category code and dataset, skipping records without lon/lat', () => {
    const result = recordsToGeoJson({
      count: 3,
      id: Float64Array.from([11, 12, 13]),
      datasetId: Int32Array.from([1, 1, 2]),
      lon: Float64Array.from([-2.4, Number.NaN, -2.3]),
      lat: Float64Array.from([53.98, 53.99, 54.0]),
      categoryCode: Int32Array.from([1, 0, -1]),
    });
    expect(result.skipped).toBe(1);
    expect(result.collection.features).toEqual([
      {
        type: 'Feature',
        id: 11,
        properties: { c: 1, d: 1 },
        geometry: { type: 'Point', coordinates: [-2.4, 53.98] },
      },
      {
        type: 'Feature',
        id: 13,
        properties: { c: -1, d: 2 },
        geometry: { type: 'Point', coordinates: [-2.3, 54.0] },
      },
    ]);
    expect(result.bounds).toEqual([-2.4, 53.98, -2.3, 54.0]);
  });

  it('gives no bounds when nothing can be drawn', () => {
    const result = recordsToGeoJson({
      count: 1,
      id: Float64Array.from([1]),
      datasetId: Int32Array.from([1]),
      lon: Float64Array.from([200]),
      lat: Float64Array.from([0]),
      categoryCode: Int32Array.from([0]),
    });
    expect(result.bounds).toBeNull();
    expect(result.skipped).toBe(1);
  });
});

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
