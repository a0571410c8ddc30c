/**
 * Style layers for a basemap source, one small builder per tile schema (issue 11 items 1 and 3):
 * Protomaps basemaps (@protomaps/basemaps' own layers), OpenMapTiles (which many national and
 * commercial vector tiles follow), a generic one that draws any vector file by geometry type, and
 * raster. No layer needs a sprite, and text uses the local fonts MapLibre falls back to when the
 * style has no `glyphs` URL, so nothing is fetched. Opacity is applied to every layer's paint.
 */
import { namedFlavor, layers as protomapsStyle } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';

/** The land colour under a vector basemap (the map's background while one is drawn). */
export const BASEMAP_LAND = '#f4f1ea';

/** Local font stack for labels: any sans-serif the machine has (no glyph files). */
export const LABEL_FONT = ['sans-serif'];

type Layer = LayerSpecification;

/** Protomaps basemaps, light flavour, English names; POI icons left out (they need a sprite). */
export function protomapsLayers(source: string): Layer[] {
  return (protomapsStyle(source, namedFlavor('light'), { lang: 'en' }) as Layer[])
    .filter((layer) => layer.type !== 'background')
    .filter((layer) => !(layer.type === 'symbol' && layer.layout?.['icon-image'] !== undefined))
    .map((layer) =>
      layer.type === 'symbol' ? { ...layer, layout: { ...layer.layout, 'text-font': LABEL_FONT } } : layer,
    );
}

const street = (source: string, id: string, filter: unknown[], colour: string, width: number): Layer => ({
  id,
  type: 'line',
  source,
  'source-layer': 'transportation',
  filter: filter as never,
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: {
    'line-color': colour,
    'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 10, width * 0.3, 18, width * 6],
  },
});

/** OpenMapTiles schema: land cover, water, buildings, roads by class, boundaries, names. */
export function openMapTilesLayers(source: string): Layer[] {
  const minor = ['match', ['get', 'class'], ['minor', 'service', 'track', 'path'], true, false];
  const major = [
    'match',
    ['get', 'class'],
    ['motorway', 'trunk', 'primary', 'secondary', 'tertiary'],
    true,
    false,
  ];
  return [
    {
      id: `${source}-landcover`,
      type: 'fill',
      source,
      'source-layer': 'landcover',
      paint: { 'fill-color': '#dfe9d4', 'fill-opacity': 0.7 },
    },
    {
      id: `${source}-park`,
      type: 'fill',
      source,
      'source-layer': 'park',
      paint: { 'fill-color': '#d6e8c8' },
    },
    {
      id: `${source}-water`,
      type: 'fill',
      source,
      'source-layer': 'water',
      paint: { 'fill-color': '#aad3df' },
    },
    {
      id: `${source}-waterway`,
      type: 'line',
      source,
      'source-layer': 'waterway',
      paint: { 'line-color': '#aad3df', 'line-width': 1.5 },
    },
    {
      id: `${source}-building`,
      type: 'fill',
      source,
      'source-layer': 'building',
      minzoom: 14,
      paint: { 'fill-color': '#e0dbd2', 'fill-outline-color': '#cfc8bd' },
    },
    street(source, `${source}-road-minor`, minor, '#ffffff', 1),
    street(source, `${source}-road-major`, major, '#f9d29c', 1.6),
    {
      id: `${source}-boundary`,
      type: 'line',
      source,
      'source-layer': 'boundary',
      paint: { 'line-color': '#9e9cab', 'line-dasharray': [3, 2], 'line-width': 1 },
    },
    {
      id: `${source}-road-name`,
      type: 'symbol',
      source,
      'source-layer': 'transportation_name',
      layout: {
        'symbol-placement': 'line',
        'text-field': ['coalesce', ['get', 'name:en'], ['get', 'name']],
        'text-font': LABEL_FONT,
        'text-size': 11,
      },
      paint: { 'text-color': '#444', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
    {
      id: `${source}-place-name`,
      type: 'symbol',
      source,
      'source-layer': 'place',
      layout: {
        'text-field': ['coalesce', ['get', 'name:en'], ['get', 'name']],
        'text-font': LABEL_FONT,
        'text-size': ['match', ['get', 'class'], ['city', 'town'], 15, 12],
      },
      paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
  ];
}

/** Any vector file (OS Open Zoomstack and others): each layer drawn by geometry type, named lines labelled. */
export function genericVectorLayers(source: string, vectorLayers: readonly string[]): Layer[] {
  return vectorLayers.flatMap((name): Layer[] => {
    const base = { source, 'source-layer': name };
    const id = `${source}-${name}`;
    return [
      {
        ...base,
        id: `${id}-fill`,
        type: 'fill',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: {
          'fill-color': /water|sea|river|lake/i.test(name) ? '#aad3df' : '#e8e4dc',
          'fill-opacity': 0.8,
        },
      },
      {
        ...base,
        id: `${id}-line`,
        type: 'line',
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': /water|river/i.test(name) ? '#aad3df' : '#b8b2a7', 'line-width': 1 },
      },
      {
        ...base,
        id: `${id}-label`,
        type: 'symbol',
        filter: ['has', 'name'],
        layout: {
          'symbol-placement': 'line-center',
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': 11,
        },
        paint: { 'text-color': '#444', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      },
    ];
  });
}

export function rasterLayers(source: string): Layer[] {
  return [{ id: `${source}-raster`, type: 'raster', source }];
}

const OPACITY_PROPERTY: Partial<Record<Layer['type'], string[]>> = {
  background: ['background-opacity'],
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  raster: ['raster-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
};

/**
 * The layers with their opacity scaled by `opacity` (0–1): a number is multiplied, an unset value
 * set; a zoom expression is wrapped only where MapLibre allows it (not at all: it is kept as is).
 */
export function withOpacity(layers: readonly Layer[], opacity: number): Layer[] {
  if (opacity >= 1) return [...layers];
  return layers.map((layer) => {
    const paint: Record<string, unknown> = { ...(('paint' in layer ? layer.paint : {}) ?? {}) };
    for (const property of OPACITY_PROPERTY[layer.type] ?? []) {
      const value = paint[property];
      if (value === undefined) paint[property] = opacity;
      else if (typeof value === 'number') paint[property] = value * opacity;
    }
    return { ...layer, paint } as Layer;
  });
}
