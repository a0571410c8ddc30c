import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-boundary-preview-'));
  engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
  await engine.api.createProject({ path: join(dir, 'p.hsw') });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 54],
      [x + 0.01, 54],
      [x + 0.01, 54.01],
      [x, 54],
    ],
  ],
});

describe('previewBoundaries', () => {
  it('lists the properties with examples and the engine’s guesses, counting non-polygon features', async () => {
    const path = join(dir, 'wards.geojson');
    writeFileSync(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { WD24CD: 'E1', WD24NM: 'North', pop: 10 }, geometry: square(-2.4) },
          { type: 'Feature', properties: { WD24CD: 'E2', WD24NM: 'South', pop: 10 }, geometry: square(-2.3) },
          {
            type: 'Feature',
            properties: { WD24CD: 'E3', WD24NM: 'Mill' },
            geometry: { type: 'Point', coordinates: [-2, 54] },
          },
        ],
      }),
    );
    const file = engine.context.files.register(path, 'wards.geojson');
    const preview = await engine.api.previewBoundaries({ file });
    expect(preview.format).toBe('geojson');
    expect(preview.features).toBe(2);
    expect(preview.skipped).toBe(1);
    expect(preview.fields).toEqual(['WD24CD', 'WD24NM', 'pop']);
    expect(preview.examples).toEqual({ WD24CD: ['E1', 'E2'], WD24NM: ['North', 'South'], pop: ['10'] });
    expect(preview.detected).toEqual({ codeField: 'WD24CD', nameField: 'WD24NM' });
    expect(preview.crs).toBeNull();
    // Previewing stores nothing.
    expect(await engine.api.listBoundaryLayers({})).toEqual([]);
  });
});
