/**
 * The bundled basemap of the sample town, Ashbridge (issue 11 item 2): its wards, beats, the River
 * Ash and named streets from resources/sample as one GeoJSON source, styled like a town plan, with street
 * names along the streets and ward names in the wards, in local fonts (no glyph files).
 */
import type { LayerSpecification } from 'maplibre-gl';
import beatsText from '../../../resources/sample/beats.geojson?raw';
import streetsText from '../../../resources/sample/streets.geojson?raw';
import wardsText from '../../../resources/sample/wards.geojson?raw';
import waterText from '../../../resources/sample/water.geojson?raw';
import { labelPoint } from '../../../shared/cartography/label-point.js';
import { LABEL_FONT } from './basemap-style.js';

type Collection = GeoJSON.FeatureCollection;

/** Each bundled file's features tagged with the basemap layer they belong to, and a `label`. */
export function sampleTownGeoJson(): Collection {
  const tag = (
    text: string,
    layer: string,
    label: (p: Record<string, unknown>) => unknown,
  ): GeoJSON.Feature[] =>
    (JSON.parse(text) as Collection).features.map((f) => ({
      ...f,
      properties: { ...f.properties, layer, label: String(label(f.properties ?? {}) ?? '') },
    }));
  const wards = tag(wardsText, 'ward', (p) => p['WD24NM']);
  return {
    type: 'FeatureCollection',
    features: [
      ...wards,
      ...wards.map(wardLabel),
      ...tag(beatsText, 'beat', (p) => p['BEAT_NAME']),
      ...tag(waterText, 'water', (p) => p['name']),
      ...tag(streetsText, 'street', (p) => p['name']),
    ],
  };
}

/**
 * A ward's name as a point at its centroid: a polygon's own label would be placed once per tile
 * the polygon spans (GeoJSON sources are tiled), so big wards got their name three or four times.
 */
function wardLabel(ward: GeoJSON.Feature): GeoJSON.Feature {
  const polygon = ward.geometry as GeoJSON.Polygon;
  return {
    type: 'Feature',
    properties: { layer: 'ward-label', label: ward.properties?.['label'] },
    geometry: { type: 'Point', coordinates: labelPoint([polygon.coordinates]) },
  };
}

const layer = (value: string) => ['==', ['get', 'layer'], value] as never;
const major = ['match', ['get', 'kind'], ['main', 'centre', 'ring'], true, false] as never;
const width = (base: number) =>
  ['interpolate', ['exponential', 1.6], ['zoom'], 12, base * 0.4, 17, base * 5] as never;

export function sampleTownLayers(source: string): LayerSpecification[] {
  const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 };
  return [
    { id: `${source}-land`, type: 'fill', source, filter: layer('ward'), paint: { 'fill-color': '#f4f1ea' } },
    {
      id: `${source}-water`,
      type: 'fill',
      source,
      filter: layer('water'),
      paint: { 'fill-color': '#aad3df' },
    },
    {
      id: `${source}-beat-line`,
      type: 'line',
      source,
      filter: layer('beat'),
      minzoom: 13,
      paint: { 'line-color': '#b9b3c9', 'line-width': 0.8, 'line-dasharray': [2, 2] },
    },
    {
      id: `${source}-ward-line`,
      type: 'line',
      source,
      filter: layer('ward'),
      paint: { 'line-color': '#8e88a6', 'line-width': 1.4, 'line-dasharray': [4, 2] },
    },
    {
      id: `${source}-street-casing`,
      type: 'line',
      source,
      filter: layer('street'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#bbb2a2', 'line-width': width(1.6) },
    },
    {
      id: `${source}-street`,
      type: 'line',
      source,
      filter: ['all', layer('street'), ['!', major]] as never,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': width(1.1) },
    },
    {
      id: `${source}-street-major`,
      type: 'line',
      source,
      filter: ['all', layer('street'), major] as never,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#f6d7a0', 'line-width': width(1.8) },
    },
    {
      id: `${source}-street-name`,
      type: 'symbol',
      source,
      filter: layer('street'),
      minzoom: 14,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 14, 10, 17, 13],
        'symbol-spacing': 300,
      },
      paint: { 'text-color': '#4a4a4a', ...halo },
    },
    {
      id: `${source}-water-name`,
      type: 'symbol',
      source,
      filter: layer('water'),
      minzoom: 13,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'label'],
        'text-font': LABEL_FONT,
        'text-size': 12,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': '#3c6f8f', ...halo },
    },
    {
      id: `${source}-ward-name`,
      type: 'symbol',
      source,
      filter: layer('ward-label'),
      maxzoom: 15,
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 13 },
      paint: { 'text-color': '#5b5675', ...halo },
    },
  ];
}
