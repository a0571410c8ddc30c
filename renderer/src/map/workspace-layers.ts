/**
 * Draws the map workspace (panels/workspace.ts) on the map and keeps it in step: the filtered records
 * as points clustered at low zoom, the density surface as an image with its unit in the legend, the
 * numbered hotspot outlines, the boundary layers the analyst switched on (the filter's area
 * highlighted), and near-repeat chains with their risk zones. One layer group per kind (layers.ts).
 *
 * The map fits the records the first time a project shows any, and whenever a panel asks to focus
 * on a place (a hotspot, a chain, an area).
 */
import type { FeatureCollection, MultiLineString, Point, Polygon } from 'geojson';
import { type GeoJSONSource, LngLatBounds, Marker, type SourceSpecification } from 'maplibre-gl';
import type { ChainsRunResult, KdeRunResult } from '../../../shared/api/analysis-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import type { Workspace } from '../panels/workspace.js';
import type { AppContext } from '../shell/app-context.js';
import { h } from '../shell/dom.js';
import { css, rampColour } from './colour.js';
import { densityCanvas } from './density-image.js';
import { LAYER_ORDER } from './layers.js';
import { kdeLegendLines, Legend, legendRow, swatch } from './legend.js';
import { labelPoint } from './polygon-label.js';
import { recordsToGeoJson } from './records-geojson.js';

const POINT_COLOUR = '#1f4e79';
const CLUSTER_COLOUR = '#4a7fb0';
const HOTSPOT_COLOUR = '#7a0019';
const BOUNDARY_COLOUR = '#5b6670';
const AREA_COLOUR = '#1f5f99';
const CHAIN_COLOUR = '#6a3d9a';
const FIT_PADDING = 40;

export function connectWorkspaceLayers(app: AppContext, ws: Workspace): void {
  const { map, layers } = app;
  const legend = new Legend(map.getContainer().parentElement ?? map.getContainer());
  // The map object on its container element, so end-to-end tests can read the drawn sources
  // (querySourceFeatures) the way they read the canvas; page scripts could reach it anyway.
  Object.defineProperty(map.getContainer(), 'maplibreMap', { value: map });
  let fitted = false;
  let hotspotMarkers: Marker[] = [];

  const toWgs84 = () => {
    const crs = app.project()?.crs ?? 'EPSG:27700';
    return makeTransform(crs, crs).projectToWgs84;
  };

  // ---- records ------------------------------------------------------------------------------------
  ws.on('records', (records) => {
    if (records === null || records.columns.count === 0) {
      layers.remove('records');
      legend.set(
        'records',
        records === null ? null : legendRow(swatch('dot', POINT_COLOUR), 'No records match the filter'),
      );
      return;
    }
    const { collection, bounds, skipped } = recordsToGeoJson(records.columns);
    const source = map.getSource('records') as GeoJSONSource | undefined;
    if (layers.has('records') && source !== undefined) source.setData(collection);
    else {
      layers.set('records', {
        order: LAYER_ORDER.points,
        source: {
          type: 'geojson',
          data: collection,
          cluster: true,
          clusterRadius: 36,
          clusterMaxZoom: 14,
        },
        layers: [
          {
            id: 'records-clusters',
            type: 'circle',
            source: 'records',
            filter: ['has', 'point_count'],
            paint: {
              'circle-color': CLUSTER_COLOUR,
              'circle-opacity': 0.55,
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 1,
              'circle-radius': ['step', ['get', 'point_count'], 6, 10, 9, 50, 13, 200, 18, 1000, 24],
            },
          },
          {
            id: 'records-points',
            type: 'circle',
            source: 'records',
            filter: ['!', ['has', 'point_count']],
            paint: {
              'circle-color': POINT_COLOUR,
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2, 16, 4.5],
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 0.6,
              'circle-opacity': 0.85,
            },
          },
        ],
      });
    }
    const drawn = collection.features.length.toLocaleString('en-GB');
    legend.set(
      'records',
      h(
        'div',
        {},
        legendRow(swatch('dot', POINT_COLOUR), `Records (${drawn})`),
        legendRow(
          swatch('cluster', CLUSTER_COLOUR),
          'Groups of nearby records',
          'larger circle, more records',
        ),
        skipped > 0
          ? h('p', { class: 'legend-note' }, `${skipped.toLocaleString('en-GB')} without a location`)
          : null,
      ),
    );
    if (!fitted && bounds !== null) {
      fitted = true;
      fitTo(bounds);
    }
  });

  // ---- density surface and hotspots ----------------------------------------------------------------
  ws.on('kde', (kde) => {
    for (const marker of hotspotMarkers) marker.remove();
    hotspotMarkers = [];
    if (kde === null) {
      layers.remove('density');
      layers.remove('hotspots');
      legend.set('density', null);
      legend.set('hotspots', null);
      return;
    }
    drawDensity(kde);
    drawHotspots(kde);
  });

  function drawDensity(kde: KdeRunResult): void {
    if (!(kde.maxDensity > 0)) {
      layers.remove('density');
      legend.set('density', null);
      return;
    }
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
  }

  function drawHotspots(kde: KdeRunResult): void {
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
    for (const spot of kde.hotspots) {
      const element = h(
        'button',
        {
          type: 'button',
          class: 'hotspot-label',
          'data-rank': spot.rank,
          'aria-label': `Hotspot ${spot.rank}: ${spot.events} events`,
          title: `Hotspot ${spot.rank}: ${spot.events} events`,
        },
        String(spot.rank),
      );
      element.addEventListener('click', () => {
        const box = ringBounds(spot.polygonWgs84[0]);
        if (box) fitTo(box);
      });
      const ring = spot.polygonWgs84[0];
      if (ring === undefined || ring.length === 0) continue;
      hotspotMarkers.push(new Marker({ element }).setLngLat(labelPoint(ring)).addTo(map));
    }
    legend.set(
      'hotspots',
      legendRow(
        swatch('area', 'transparent', HOTSPOT_COLOUR),
        `Hotspots (${kde.hotspots.length}), numbered by events`,
        `density ≥ ${kde.thresholds.find((t) => t.classIndex === kde.params.hotspotClass)?.label ?? 'threshold'}`,
      ),
    );
  }

  // ---- boundaries ----------------------------------------------------------------------------------
  let boundaryRequest = 0;
  const drawBoundaries = async () => {
    const request = ++boundaryRequest;
    const visible = ws.visibleBoundaries;
    const areaId = ws.filter.areaFeatureId;
    const needed = new Set(visible);
    // The area chosen in the filter is drawn even when its layer is switched off.
    let areaLayer: number | null = null;
    if (areaId !== null) {
      for (const layer of ws.boundaries) {
        const geo = await ws.boundaryGeoJson(layer.id).catch(() => null);
        if (geo?.features.some((f) => f.id === areaId)) {
          areaLayer = layer.id;
          break;
        }
      }
      if (areaLayer !== null) needed.add(areaLayer);
    }
    const collections = await Promise.all([...needed].map((id) => ws.boundaryGeoJson(id).catch(() => null)));
    if (request !== boundaryRequest) return;
    const features = collections.flatMap((c, k) =>
      c === null
        ? []
        : c.features
            .filter((f) => visible.includes([...needed][k]) || f.id === areaId)
            .map((f) => ({ ...f, properties: { ...f.properties, selected: f.id === areaId ? 1 : 0 } })),
    );
    if (features.length === 0) {
      layers.remove('boundaries');
      legend.set('boundaries', null);
      return;
    }
    layers.set('boundaries', {
      order: LAYER_ORDER.boundaries,
      source: { type: 'geojson', data: { type: 'FeatureCollection', features } as FeatureCollection },
      layers: [
        {
          id: 'boundaries-area',
          type: 'fill',
          source: 'boundaries',
          filter: ['==', ['get', 'selected'], 1],
          paint: { 'fill-color': AREA_COLOUR, 'fill-opacity': 0.08 },
        },
        {
          id: 'boundaries-line',
          type: 'line',
          source: 'boundaries',
          paint: {
            'line-color': ['case', ['==', ['get', 'selected'], 1], AREA_COLOUR, BOUNDARY_COLOUR],
            'line-width': ['case', ['==', ['get', 'selected'], 1], 2.5, 1],
            'line-dasharray': [3, 2],
          },
        },
      ],
    });
    const names = ws.boundaries.filter((b) => visible.includes(b.id)).map((b) => b.name);
    legend.set(
      'boundaries',
      h(
        'div',
        {},
        names.length > 0 ? legendRow(swatch('line', BOUNDARY_COLOUR), names.join(', ')) : null,
        areaId !== null
          ? legendRow(swatch('area', 'rgb(31 95 153 / 0.15)', AREA_COLOUR), 'Filter area')
          : null,
      ),
    );
  };
  ws.on('visibleBoundaries', () => void drawBoundaries());
  ws.on('boundaries', () => void drawBoundaries());
  ws.on('filter', (filter) => {
    if (filter.areaFeatureId !== lastArea) {
      lastArea = filter.areaFeatureId;
      void drawBoundaries();
    }
  });
  let lastArea: number | null = null;

  // ---- chains and risk zones -----------------------------------------------------------------------
  ws.on('chains', (chains) => {
    if (chains === null || chains.chains.length === 0) {
      layers.remove('chains');
      layers.remove('risk-zones');
      legend.set('chains', null);
      return;
    }
    drawChains(chains);
  });

  function drawChains(chains: ChainsRunResult): void {
    const project = toWgs84();
    const lines: FeatureCollection<MultiLineString | Point, { chain: number }> = {
      type: 'FeatureCollection',
      features: [],
    };
    const index = recordIndex();
    const columns = ws.records?.columns;
    for (const chain of chains.chains) {
      // The engine returns members, not links: draw a segment between members consecutive in time
      // that are within the link distance, which traces the series without criss-crossing lines.
      const segments: [number, number][][] = [];
      let previous: number | undefined;
      for (const id of chain.memberRecordIds) {
        const i = index.get(id);
        if (i === undefined || columns === undefined) continue;
        if (previous !== undefined) {
          const dx = Math.abs(columns.x[i] - columns.x[previous]);
          const dy = Math.abs(columns.y[i] - columns.y[previous]);
          const distance = chains.metric === 'manhattan' ? dx + dy : Math.hypot(dx, dy);
          if (distance < chains.distanceM)
            segments.push([
              [columns.lon[previous], columns.lat[previous]],
              [columns.lon[i], columns.lat[i]],
            ]);
        }
        previous = i;
      }
      if (segments.length > 0)
        lines.features.push({
          type: 'Feature',
          properties: { chain: chain.id },
          geometry: { type: 'MultiLineString', coordinates: segments },
        });
      lines.features.push({
        type: 'Feature',
        properties: { chain: chain.id },
        geometry: { type: 'Point', coordinates: project(chain.centroidX, chain.centroidY) },
      });
    }
    layers.set('chains', {
      order: LAYER_ORDER.selection,
      source: { type: 'geojson', data: lines },
      layers: [
        {
          id: 'chains-links',
          type: 'line',
          source: 'chains',
          filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
          paint: { 'line-color': CHAIN_COLOUR, 'line-width': 2, 'line-opacity': 0.8 },
        },
        {
          id: 'chains-centres',
          type: 'circle',
          source: 'chains',
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-color': '#ffffff',
            'circle-stroke-color': CHAIN_COLOUR,
            'circle-stroke-width': 2,
            'circle-radius': 4,
          },
        },
      ],
    });
    if (chains.zones.length > 0) {
      layers.set('risk-zones', {
        order: LAYER_ORDER.riskZones,
        source: {
          type: 'geojson',
          data: {
            type: 'FeatureCollection',
            features: chains.zones.map((zone) => ({
              type: 'Feature',
              properties: { chain: zone.chainId },
              geometry: { type: 'Polygon', coordinates: [zone.ring.map(([x, y]) => project(x, y))] },
            })),
          } as FeatureCollection,
        },
        layers: [
          {
            id: 'risk-zones-fill',
            type: 'fill',
            source: 'risk-zones',
            paint: { 'fill-color': CHAIN_COLOUR, 'fill-opacity': 0.12, 'fill-outline-color': CHAIN_COLOUR },
          },
        ],
      });
    } else layers.remove('risk-zones');
    legend.set(
      'chains',
      h(
        'div',
        {},
        legendRow(
          swatch('line', CHAIN_COLOUR),
          `Near-repeat chains (${chains.chains.length})`,
          chains.linkRule,
        ),
        chains.zones.length > 0
          ? legendRow(
              swatch('area', 'rgb(106 61 154 / 0.2)', CHAIN_COLOUR),
              `Risk zones (${chains.zones.length})`,
            )
          : null,
      ),
    );
  }

  function recordIndex(): Map<number, number> {
    const index = new Map<number, number>();
    const columns = ws.records?.columns;
    if (columns) for (let i = 0; i < columns.count; i++) index.set(columns.id[i], i);
    return index;
  }

  // ---- focus ---------------------------------------------------------------------------------------
  ws.on('focus', (bounds) => fitTo(bounds));

  function fitTo(bounds: [number, number, number, number]): void {
    const [west, south, east, north] = bounds;
    const pad = west === east && south === north ? 0.003 : 0;
    map.fitBounds(new LngLatBounds([west - pad, south - pad], [east + pad, north + pad]), {
      padding: FIT_PADDING,
      maxZoom: 17,
      duration: 0,
    });
  }

  app.onProjectChange((project) => {
    if (project === null) fitted = false;
  });
}

function ringBounds(ring: number[][] | undefined): [number, number, number, number] | null {
  if (!ring || ring.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
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
