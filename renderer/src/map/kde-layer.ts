/**
 * A hotspot run on the map: the density surface as an image with its unit and classes in the legend,
 * and the numbered hotspot outlines. The numbers are a symbol layer (local font, no glyph files: the
 * style has no glyphs URL), each at its polygon's label point (polygon-label.ts) with a white halo;
 * they may overlap and never hide one another, so a small hotspot beside a big one keeps its number.
 * A click on a number zooms to its hotspot.
 */
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { MapMouseEvent, SourceSpecification } from 'maplibre-gl';
import type { KdeRunResult } from '../../../shared/api/analysis-api.js';
import { h } from '../shell/dom.js';
import { css, rampColour } from './colour.js';
import { coordinateBounds } from './coordinate-bounds.js';
import { densityCanvas } from './density-image.js';
import { LAYER_ORDER } from './layers.js';
import { kdeLegendLines, legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';
import { labelPoint } from './polygon-label.js';

const HOTSPOT_COLOUR = '#7a0019';
/** The symbol layer of the hotspot numbers. */
export const HOTSPOT_LABEL_LAYER = 'hotspot-labels-text';

export function connectKdeLayer(ctx: MapContext): Dispose {
  const { ws, map, layers, legend } = ctx;
  /** Each shown hotspot's outer ring by rank, for a click on its number. */
  let rings = new Map<number, number[][]>();

  const clear = () => {
    rings = new Map();
    layers.remove('density');
    layers.remove('hotspots');
    layers.remove('hotspot-labels');
    legend.set('density', null);
    legend.set('hotspots', null);
  };

  const drawDensity = (kde: KdeRunResult) => {
    if (!(kde.maxDensity > 0)) return;
    const [nw, ne, se, sw] = kde.cornersWgs84;
    layers.set('density', {
      order: LAYER_ORDER.density,
      // A canvas source is not in the style spec's SourceSpecification, but addSource takes it.
      source: {
        type: 'canvas',
        canvas: densityCanvas(kde.grid, kde.maxDensity),
        animate: false,
        coordinates: [nw, ne, se, sw],
      } as unknown as SourceSpecification,
      layers: [
        {
          id: 'density-image',
          type: 'raster',
          source: 'density',
          paint: { 'raster-opacity': 0.85, 'raster-resampling': 'linear', 'raster-fade-duration': 0 },
        },
      ],
    });
    legend.set('density', densityLegend(kde));
  };

  const drawHotspots = (kde: KdeRunResult) => {
    const collection: FeatureCollection<Polygon, { rank: number; events: number; classLabel: string }> = {
      type: 'FeatureCollection',
      features: kde.hotspots.map((spot) => ({
        type: 'Feature',
        id: spot.rank,
        properties: { rank: spot.rank, events: spot.events, classLabel: spot.classLabel },
        geometry: { type: 'Polygon', coordinates: spot.polygonWgs84 },
      })),
    };
    layers.set('hotspots', {
      order: LAYER_ORDER.hotspots,
      source: { type: 'geojson', data: collection },
      layers: [
        {
          id: 'hotspots-fill',
          type: 'fill',
          source: 'hotspots',
          paint: { 'fill-color': HOTSPOT_COLOUR, 'fill-opacity': 0.06 },
        },
        {
          id: 'hotspots-outline',
          type: 'line',
          source: 'hotspots',
          paint: { 'line-color': HOTSPOT_COLOUR, 'line-width': 2 },
        },
      ],
    });
    drawNumbers(kde);
    legend.set(
      'hotspots',
      legendRow(
        swatch('area', 'transparent', HOTSPOT_COLOUR),
        `Hotspots (${kde.hotspots.length}), numbered by events`,
        `density ≥ ${kde.thresholds.find((t) => t.classIndex === kde.params.hotspotClass)?.label ?? 'threshold'}`,
      ),
    );
  };

  const drawNumbers = (kde: KdeRunResult) => {
    const labels: FeatureCollection<Point, { rank: number; events: number }> = {
      type: 'FeatureCollection',
      features: [],
    };
    for (const spot of kde.hotspots) {
      const ring = spot.polygonWgs84[0];
      if (ring === undefined || ring.length === 0) continue;
      rings.set(spot.rank, ring);
      labels.features.push({
        type: 'Feature',
        id: spot.rank,
        properties: { rank: spot.rank, events: spot.events },
        geometry: { type: 'Point', coordinates: labelPoint(ring) },
      });
    }
    layers.set('hotspot-labels', {
      order: LAYER_ORDER.hotspotLabels,
      source: { type: 'geojson', data: labels },
      layers: [
        {
          id: HOTSPOT_LABEL_LAYER,
          type: 'symbol',
          source: 'hotspot-labels',
          layout: {
            'text-field': ['to-string', ['get', 'rank']],
            'text-font': ['sans-serif'],
            'text-size': 15,
            // Never hidden by collision: a small hotspot next to a big one keeps its number.
            'text-allow-overlap': true,
            'text-ignore-placement': true,
          },
          paint: { 'text-color': HOTSPOT_COLOUR, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
        },
      ],
    });
  };

  const onNumberClick = (event: MapMouseEvent) => {
    const [label] = map.queryRenderedFeatures(event.point, { layers: [HOTSPOT_LABEL_LAYER] });
    const ring = rings.get(Number(label?.properties?.['rank']));
    const box = ring === undefined ? null : coordinateBounds(ring);
    if (box) ctx.fitTo(box);
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  map.on('click', HOTSPOT_LABEL_LAYER, onNumberClick);
  map.on('mouseenter', HOTSPOT_LABEL_LAYER, pointer);
  map.on('mouseleave', HOTSPOT_LABEL_LAYER, plain);

  const draw = (kde: KdeRunResult | null) => {
    clear();
    if (kde === null) return;
    drawDensity(kde);
    drawHotspots(kde);
  };
  const off = ws.on('kde', draw);
  if (ws.kde !== null) draw(ws.kde);
  return () => {
    off();
    map.off('click', HOTSPOT_LABEL_LAYER, onNumberClick);
    map.off('mouseenter', HOTSPOT_LABEL_LAYER, pointer);
    map.off('mouseleave', HOTSPOT_LABEL_LAYER, plain);
    clear();
  };
}

function densityLegend(kde: KdeRunResult): HTMLElement {
  const bar = h('div', { class: 'legend-ramp', 'aria-hidden': 'true' });
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${css(rampColour(t))} ${t * 100}%`).join(', ');
  bar.style.background = `linear-gradient(to right, ${stops})`;
  return h(
    'div',
    { class: 'legend-density', 'data-testid': 'density-legend' },
    h('div', { class: 'legend-label' }, 'Density, events per km²'),
    bar,
    h(
      'div',
      { class: 'legend-scale' },
      h('span', {}, '0'),
      h('span', {}, `${formatDensity(kde.maxDensity)} (peak)`),
    ),
    h(
      'p',
      { class: 'legend-note' },
      `Classes: ${kde.thresholds.map((t) => `${t.label} = ${formatDensity(t.value)}`).join('; ')}`,
    ),
    ...kdeLegendLines(kde).map((line) =>
      h('p', { class: 'legend-note', 'data-testid': 'kde-legend-rule' }, line),
    ),
  );
}

export function formatDensity(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-GB');
  if (value >= 10) return value.toFixed(1);
  return value.toPrecision(2);
}
