import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  detectDenominator,
  readDenominator,
} from '../../../../../electron/engine/boundaries/area-denominator.js';
import { deleteBoundaryLayer } from '../../../../../electron/engine/boundaries/boundary-layers.js';
import { importBoundaries } from '../../../../../electron/engine/boundaries/import-boundaries.js';
import { makeTransform } from '../../../../../shared/crs/transform.js';
import { type TempProject, tempProject } from '../import/helpers.js';
import { squareRing } from './write-shapefile-zip.js';

describe('detectDenominator', () => {
  it('takes the first population-like column that is a positive number in every feature', () => {
    const properties = [
      { CODE: 'A', POP_NOTE: 'est.', Population: 1200, residents: '900' },
      { CODE: 'B', POP_NOTE: 'est.', Population: '3400', residents: '800' },
    ];
    expect(detectDenominator(['CODE', 'POP_NOTE', 'Population', 'residents'], properties, 'CODE')).toEqual({
      column: 'Population',
      byCode: { A: 1200, B: 3400 },
    });
  });

  it('finds none where a value is missing, zero or not a number, or no name says population', () => {
    const fields = ['CODE', 'Population'];
    expect(detectDenominator(fields, [{ CODE: 'A', Population: 5 }, { CODE: 'B' }], 'CODE')).toBeNull();
    expect(
      detectDenominator(
        fields,
        [
          { CODE: 'A', Population: 5 },
          { CODE: 'B', Population: 0 },
        ],
        'CODE',
      ),
    ).toBeNull();
    expect(detectDenominator(fields, [{ CODE: 'A', Population: 'n/a' }], 'CODE')).toBeNull();
    expect(detectDenominator(['CODE', 'AREA_HA'], [{ CODE: 'A', AREA_HA: 40 }], 'CODE')).toBeNull();
  });
});

describe('a boundary layer’s denominator in the project', () => {
  let t: TempProject;
  beforeEach(() => {
    t = tempProject();
  });
  afterEach(() => t.cleanup());

  const toWgs = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84;
  const layerFile = (name: string, properties: Record<string, unknown>[]) =>
    t.file(
      name,
      JSON.stringify({
        type: 'FeatureCollection',
        features: properties.map((p, i) => ({
          type: 'Feature',
          properties: p,
          geometry: {
            type: 'Polygon',
            coordinates: [squareRing(451000 + 1000 * i, 206000, 1000).map(([x, y]) => toWgs(x!, y!))],
          },
        })),
      }),
    );
  const importLayer = (file: string, name: string) =>
    importBoundaries(t.project.db, { filePath: file, name, projectCrs: 'EPSG:27700' });

  it('is stored at import, dropped with the layer, and never inherited by a layer reusing its id', async () => {
    const withPopulation = layerFile('wards.geojson', [
      { ward_code: 'W1', Population: 4200 },
      { ward_code: 'W2', Population: 1300 },
    ]);
    const { layer } = await importLayer(withPopulation, 'Wards');
    expect(readDenominator(t.project.db, layer.id)).toEqual({
      column: 'Population',
      byCode: { W1: 4200, W2: 1300 },
    });
    deleteBoundaryLayer(t.project.db, layer.id);
    expect(readDenominator(t.project.db, layer.id)).toBeNull();
    const without = layerFile('beats.geojson', [{ beat_code: 'B1' }, { beat_code: 'B2' }]);
    const { layer: beats } = await importLayer(without, 'Beats');
    expect(readDenominator(t.project.db, beats.id)).toBeNull();
  });
});
