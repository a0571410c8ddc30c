/**
 * The map: MapLibre GL with the bundled local style (resources/style/base-style.json), the British
 * Isles land outline, a reference graticule, the sample town's basemap until the project says
 * otherwise (basemap-panel.ts), and nothing fetched from anywhere. The style has no `glyphs` URL,
 * so MapLibre draws labels with local fonts. The worker script is a bundled asset served by our
 * own host, so the CSP's worker-src 'self' covers it.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import baseStyle from '../../../resources/style/base-style.json';
import land from '../../../resources/style/land-british-isles.json';
import { showBasemap } from './basemap.js';
import { graticule } from './graticule.js';
import { LAYER_ORDER, MapLayers } from './layers.js';

/** Great Britain, as an analyst opening the app first expects to see it. */
const INITIAL_VIEW = { center: [-2.6, 54.2] as [number, number], zoom: 4.9 };

export function createMap(container: HTMLElement): { map: MapLibreMap; layers: MapLayers } {
  setWorkerUrl(workerUrl);
  const map = new MapLibreMap({
    container,
    style: baseStyle as StyleSpecification,
    center: INITIAL_VIEW.center,
    zoom: INITIAL_VIEW.zoom,
    attributionControl: { compact: true },
    maplibreLogo: false,
    // Labels and cluster counts appear at once rather than fading in over 300 ms: a filter change
    // is to show on the map within 300 ms (issue 11, Performance), and a fade keeps the map busy.
    fadeDuration: 0,
    // Keeps the drawing buffer so screenshots and print-to-PDF capture the map.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

  const layers = new MapLayers(map);
  // Natural Earth 1:10m is accurate to about a kilometre: an overview for orientation, faded out
  // at town scale where it would mislead. The analyst's boundaries and basemap take over there.
  layers.set('land', {
    order: LAYER_ORDER.reference,
    source: { type: 'geojson', data: land as GeoJSON.FeatureCollection, attribution: 'Natural Earth' },
    layers: [
      {
        id: 'land-fill',
        type: 'fill',
        source: 'land',
        filter: ['==', ['get', 'kind'], 'land'],
        paint: {
          'fill-color': '#fafaf8',
          'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9, 1, 11, 0],
        },
      },
      {
        id: 'land-coast',
        type: 'line',
        source: 'land',
        filter: ['==', ['get', 'kind'], 'coast'],
        paint: {
          'line-color': '#aab4be',
          'line-width': 0.8,
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, 1, 11, 0],
        },
      },
    ],
  });
  layers.set('graticule', {
    order: LAYER_ORDER.reference,
    source: { type: 'geojson', data: graticule() },
    layers: [
      {
        id: 'graticule-lines',
        type: 'line',
        source: 'graticule',
        paint: { 'line-color': '#c3cbd3', 'line-width': 0.6, 'line-dasharray': [4, 3] },
      },
    ],
  });
  showBasemap(map, layers, { kind: 'sample', opacity: 1 });
  // A readiness flag tests and exports can wait for without reaching into MapLibre.
  map.on('idle', () => container.setAttribute('data-map-ready', 'true'));
  return { map, layers };
}
