import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basemapGroup } from '../../../../renderer/src/map/basemap.js';
import { sampleTownGeoJson, sampleTownLayers } from '../../../../renderer/src/map/basemap-sample.js';
import {
  genericVectorLayers,
  LABEL_FONT,
  openMapTilesLayers,
  protomapsLayers,
  withOpacity,
} from '../../../../renderer/src/map/basemap-style.js';
import { LAYER_ORDER } from '../../../../renderer/src/map/layers.js';

type AnyLayer = {
  id: string;
  type: string;
  source?: string;
  'source-layer'?: string;
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
};
const all = (layers: unknown[]) => layers as AnyLayer[];

describe('the local style', () => {
  it('has no glyphs or sprite URL, so labels use local fonts and nothing is fetched', () => {
    const style = JSON.parse(readFileSync('resources/style/base-style.json', 'utf8')) as Record<
      string,
      unknown
    >;
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
  });
});

describe('style builders', () => {
  it('Protomaps: every layer on the given source, no background, no icons, labels in the local font', () => {
    const layers = all(protomapsLayers('basemap'));
    expect(layers.length).toBeGreaterThan(30);
    expect(layers.every((l) => l.source === 'basemap')).toBe(true);
    expect(layers.some((l) => l.type === 'background')).toBe(false);
    const symbols = layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(5);
    expect(symbols.every((l) => l.layout?.['icon-image'] === undefined)).toBe(true);
    expect(symbols.every((l) => l.layout?.['text-font'] === LABEL_FONT)).toBe(true);
    expect(new Set(layers.map((l) => l['source-layer']))).toEqual(
      new Set(['earth', 'landcover', 'landuse', 'roads', 'water', 'buildings', 'boundaries', 'places']),
    );
  });

  it('OpenMapTiles: the schema’s layer names, street names along the line', () => {
    const layers = all(openMapTilesLayers('basemap'));
    expect(new Set(layers.map((l) => l['source-layer']))).toEqual(
      new Set([
        'landcover',
        'park',
        'water',
        'waterway',
        'building',
        'transportation',
        'boundary',
        'transportation_name',
        'place',
      ]),
    );
    const roadNames = layers.find((l) => l['source-layer'] === 'transportation_name')!;
    expect(roadNames.layout?.['symbol-placement']).toBe('line');
  });

  it('generic: a fill, a line and a label per vector layer, water in blue', () => {
    const layers = all(genericVectorLayers('b', ['roads', 'surfacewater']));
    expect(layers.map((l) => l.id)).toEqual([
      'b-roads-fill',
      'b-roads-line',
      'b-roads-label',
      'b-surfacewater-fill',
      'b-surfacewater-line',
      'b-surfacewater-label',
    ]);
    expect(layers[3]!.paint?.['fill-color']).toBe('#aad3df');
  });

  it('withOpacity scales numbers, sets unset opacities, and leaves full opacity alone', () => {
    const layers = all(
      withOpacity(
        [
          { id: 'a', type: 'fill', source: 's', paint: { 'fill-opacity': 0.8 } },
          { id: 'b', type: 'raster', source: 's' },
          { id: 'c', type: 'symbol', source: 's', layout: { 'text-field': 'x' } },
        ],
        0.5,
      ),
    );
    expect(layers[0]!.paint).toEqual({ 'fill-opacity': 0.4 });
    expect(layers[1]!.paint).toEqual({ 'raster-opacity': 0.5 });
    expect(layers[2]!.paint).toEqual({ 'text-opacity': 0.5, 'icon-opacity': 0.5 });
    const full = [{ id: 'a', type: 'fill', source: 's', paint: { 'fill-opacity': 0.8 } }] as never[];
    expect(withOpacity(full, 1)).toEqual(full);
  });
});

describe('the sample town basemap', () => {
  const geojson = sampleTownGeoJson();
  const streets = JSON.parse(
    readFileSync('resources/sample/streets.geojson', 'utf8'),
  ) as GeoJSON.FeatureCollection;

  it('holds every street of resources/sample with its name as the label, and the 8 wards', () => {
    const ours = geojson.features.filter((f) => f.properties?.['layer'] === 'street');
    expect(ours.length).toBe(streets.features.length);
    expect(ours.map((f) => f.properties?.['label'])).toEqual(
      streets.features.map((f) => f.properties?.['name']),
    );
    expect(geojson.features.filter((f) => f.properties?.['layer'] === 'ward').length).toBe(8);
  });

  it('names each ward once, at a point inside it (not once per tile the polygon spans)', () => {
    const wards = JSON.parse(
      readFileSync('resources/sample/wards.geojson', 'utf8'),
    ) as GeoJSON.FeatureCollection;
    const labels = geojson.features.filter((f) => f.properties?.['layer'] === 'ward-label');
    expect(labels.map((f) => f.properties?.['label'])).toEqual(
      wards.features.map((f) => f.properties?.['WD24NM']),
    );
    labels.forEach((label, i) => {
      const [x, y] = (label.geometry as GeoJSON.Point).coordinates as [number, number];
      const ring = (wards.features[i]!.geometry as GeoJSON.Polygon).coordinates[0]!;
      let inside = false;
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        const [ax, ay] = ring[a]!;
        const [bx, by] = ring[b]!;
        if (ay! > y !== by! > y && x < ((bx! - ax!) * (y - ay!)) / (by! - ay!) + ax!) inside = !inside;
      }
      expect(inside, `${label.properties?.['label']} label inside its ward`).toBe(true);
    });
  });

  it('labels streets along their line and wards by name', () => {
    const layers = all(sampleTownLayers('basemap'));
    const streetNames = layers.find((l) => l.id === 'basemap-street-name')!;
    expect(streetNames.layout).toMatchObject({ 'symbol-placement': 'line', 'text-field': ['get', 'label'] });
    expect(layers.find((l) => l.id === 'basemap-ward-name')?.type).toBe('symbol');
  });
});

describe('basemapGroup(basemap, origin)', () => {
  const file = {
    kind: 'file' as const,
    name: 't',
    tiles: '/basemaps/abcdefgh/{z}/{x}/{y}',
    minzoom: 0,
    maxzoom: 14,
    vectorLayers: ['earth', 'roads'],
    opacity: 1,
  };

  it('draws nothing for none or a missing file', () => {
    expect(basemapGroup({ kind: 'none', opacity: 1 }, 'http://h')).toBeNull();
    expect(basemapGroup({ kind: 'missing', name: 'x', reason: 'gone', opacity: 1 }, 'http://h')).toBeNull();
  });

  it('a raster file: raster source on the host origin, under the analysis layers', () => {
    const group = basemapGroup({ ...file, format: 'png', schema: null, opacity: 0.5 }, 'http://127.0.0.1:9');
    expect(group?.order).toBeLessThan(LAYER_ORDER.boundaries);
    expect(group?.source).toMatchObject({
      type: 'raster',
      tiles: ['http://127.0.0.1:9/basemaps/abcdefgh/{z}/{x}/{y}'],
    });
    expect(group?.layers).toEqual([
      { id: 'basemap-raster', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.5 } },
    ]);
  });

  it('a vector file styled for its schema', () => {
    const group = basemapGroup({ ...file, format: 'pbf', schema: 'protomaps' }, 'app://hotspot');
    expect(group?.source).toMatchObject({ type: 'vector', maxzoom: 14 });
    expect(all(group!.layers).some((l) => l['source-layer'] === 'roads')).toBe(true);
  });

  it('an intranet server: its own template as given', () => {
    const group = basemapGroup(
      {
        kind: 'server',
        label: 'x',
        tiles: 'https://t.local/{z}/{x}/{y}.png',
        origin: 'https://t.local',
        opacity: 1,
      },
      'http://h',
    );
    expect(group?.source).toEqual({
      type: 'raster',
      tiles: ['https://t.local/{z}/{x}/{y}.png'],
      tileSize: 256,
    });
  });
});
