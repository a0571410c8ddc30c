/**
 * The filtered records on the map: points coloured by dataset (each its own colour, palette.ts) or by
 * category, clustered up to zoom 14 with each cluster's count written on it; a click on a cluster
 * zooms in to where it breaks apart. The legend says what is drawn, including when the selection has
 * only area-only records (drawn by the choropleth, not as points).
 *
 * Drawn from the workspace's point snapshot so that a filter change never re-sends every point
 * (issue 11, Performance): up to CLUSTER_MAX_ZOOM the 'records' source holds only the clusters and
 * lone points of the current zoom (point-clusters.ts, recomputed when the whole zoom changes); from
 * STREET_ZOOM the 'records-all' source holds every snapshot point once (made on first reaching that
 * zoom) and a layer filter keeps the selected rows.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  MapMouseEvent,
} from 'maplibre-gl';
import type { FilteredRecords } from '../panels/workspace.js';
import { h } from '../shell/dom.js';
import { OTHER_COLOUR } from './colour.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';
import { categoryColours, datasetColours, matchColour } from './palette.js';
import { expansionZoom, gridCells, type MercatorPoints, toMercator } from './point-clusters.js';
import { clusterFeatures, selectedRowsFilter, snapshotFeatures } from './records-features.js';

const CLUSTER_COLOUR = '#4a7fb0';
export const RECORD_POINT_LAYER = 'records-points';
/** The point layer of street zooms (every snapshot point, filtered to the selection). */
export const STREET_POINT_LAYER = 'records-all-points';
/** Layers whose features are single records (identify). */
export const RECORD_POINT_LAYERS = [RECORD_POINT_LAYER, STREET_POINT_LAYER];
const CLUSTER_LAYER = 'records-clusters';
/** Cluster cells in screen pixels (as MapLibre's clusterRadius was). */
const CLUSTER_RADIUS_PX = 36;
/** The last zoom with clusters; from STREET_ZOOM every record is drawn on its own. */
const CLUSTER_MAX_ZOOM = 14;
const STREET_ZOOM = CLUSTER_MAX_ZOOM + 1;
const NO_POINTS: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

type ColourBy = 'dataset' | 'category';
type Snapshot = FilteredRecords['points']['snapshot'];

const POINT_PAINT: CircleLayerSpecification['paint'] = {
  'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 16, 5],
  'circle-stroke-color': '#ffffff',
  'circle-stroke-width': 0.6,
  'circle-opacity': 0.9,
};

export function connectRecordsLayer(ctx: MapContext): Dispose {
  const { ws, map, layers, legend } = ctx;
  let colourBy: ColourBy = 'dataset';
  let drawn: FilteredRecords | null = null;
  /** Mercator positions of the snapshot's points (once per snapshot). */
  let placed: { snapshot: Snapshot; points: MercatorPoints } | null = null;
  /** The zoom whose clusters the records source holds. */
  let shownZoom = -1;
  /** The snapshot the street-level source holds, or null when it is not made. */
  let streetSnapshot: Snapshot | null = null;
  let colour: ExpressionSpecification = ['literal', OTHER_COLOUR];

  const clusterZoom = () => Math.min(Math.floor(map.getZoom()), STREET_ZOOM);

  const draw = (records: FilteredRecords | null) => {
    drawn = records;
    if (records === null || records.points.positions.length === 0) {
      layers.remove('records');
      layers.remove('records-all');
      streetSnapshot = null;
      legend.set('records', records === null ? null : emptyLegend(records));
      return;
    }
    const { snapshot, positions } = records.points;
    if (placed?.snapshot !== snapshot) {
      placed = { snapshot, points: toMercator(snapshot.columns.lon, snapshot.columns.lat) };
      layers.remove('records-all');
      streetSnapshot = null;
    }
    const { expression, rows } = symbology(records);
    colour = expression;
    drawClusters();
    drawStreet();
    let drawnCount = 0;
    for (let k = 0; k < positions.length; k++)
      if (!Number.isNaN(placed.points.mx[positions[k]!]!)) drawnCount++;
    legend.set('records', recordsLegend(drawnCount, positions.length - drawnCount, rows, records));
  };

  /** The records source: this zoom's clusters and lone points (none at street zooms). */
  const drawClusters = () => {
    if (drawn === null || placed === null) return;
    const zoom = clusterZoom();
    const { snapshot, positions } = drawn.points;
    const data =
      zoom > CLUSTER_MAX_ZOOM
        ? NO_POINTS
        : clusterFeatures(
            snapshot.columns,
            gridCells(placed.points, positions, zoom, CLUSTER_RADIUS_PX),
            zoom,
          );
    shownZoom = zoom;
    const source = map.getSource('records') as GeoJSONSource | undefined;
    if (layers.has('records') && source !== undefined) {
      void source.setData(data);
      map.setPaintProperty(RECORD_POINT_LAYER, 'circle-color', colour);
    } else addClusterLayers(data);
  };

  /** The street-level source, made on first reaching STREET_ZOOM, then only re-filtered. */
  const drawStreet = () => {
    if (drawn === null) return;
    const { snapshot, positions } = drawn.points;
    const street = streetSnapshot === snapshot && layers.has('records-all');
    // Not yet at street zoom: nothing to filter, so no mask of every snapshot row to build.
    if (!street && map.getZoom() < STREET_ZOOM) return;
    const filter = selectedRowsFilter(positions, snapshot.columns.count) as FilterSpecification;
    if (street) {
      map.setFilter(STREET_POINT_LAYER, filter, { validate: false });
      map.setPaintProperty(STREET_POINT_LAYER, 'circle-color', colour);
      return;
    }
    streetSnapshot = snapshot;
    layers.set('records-all', {
      order: LAYER_ORDER.points,
      source: { type: 'geojson', data: snapshotFeatures(snapshot.columns) },
      layers: [
        {
          id: STREET_POINT_LAYER,
          type: 'circle',
          source: 'records-all',
          minzoom: STREET_ZOOM,
          filter,
          paint: { ...POINT_PAINT, 'circle-color': colour },
        },
      ],
    });
  };

  const onZoomEnd = () => {
    if (drawn === null) return;
    if (clusterZoom() !== shownZoom) drawClusters();
    if (streetSnapshot === null) drawStreet();
  };

  const addClusterLayers = (data: GeoJSON.FeatureCollection) =>
    layers.set('records', {
      order: LAYER_ORDER.points,
      source: { type: 'geojson', data },
      layers: [
        {
          id: CLUSTER_LAYER,
          type: 'circle',
          source: 'records',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': CLUSTER_COLOUR,
            'circle-opacity': 0.6,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1,
            'circle-radius': ['step', ['get', 'point_count'], 9, 10, 11, 50, 14, 200, 18, 1000, 24],
          },
        },
        {
          id: 'records-cluster-count',
          type: 'symbol',
          source: 'records',
          filter: ['has', 'point_count'],
          // No glyphs URL in the style: MapLibre draws the digits with a local font.
          layout: {
            'text-field': ['get', 'point_count_abbreviated'],
            'text-font': ['sans-serif'],
            'text-size': 11,
            'text-allow-overlap': true,
          },
          paint: { 'text-color': '#0b1f33', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
        },
        {
          id: RECORD_POINT_LAYER,
          type: 'circle',
          source: 'records',
          filter: ['!', ['has', 'point_count']],
          paint: { ...POINT_PAINT, 'circle-color': colour },
        },
      ],
    });

  /**
   * The points' colour expression (over the snapshot's category codes `c` and dataset ids `d`) and
   * the legend rows that explain it.
   */
  const symbology = (
    records: FilteredRecords,
  ): { expression: ExpressionSpecification; rows: HTMLElement[] } => {
    const { columns } = records;
    if (colourBy === 'category') {
      const { named, other } = categoryColours(columns.categoryCode, columns.categories);
      const snapshotCode = new Map(
        records.points.snapshot.columns.categories.map((name, code) => [name, code]),
      );
      const rows = named.map((c) => legendRow(swatch('dot', c.colour), `${c.label} (${count(c.count)})`));
      if (other > 0) rows.push(legendRow(swatch('dot', OTHER_COLOUR), `Other categories (${count(other)})`));
      return {
        expression: matchColour(
          'c',
          named.map((c) => [c.code < 0 ? -1 : (snapshotCode.get(c.label) ?? -2), c.colour]),
        ) as ExpressionSpecification,
        rows,
      };
    }
    const colours = datasetColours(ws.datasets.filter((d) => d.geometry === 'points').map((d) => d.id));
    const shown = new Map(records.summary.byDataset.map((d) => [d.datasetId, d.count]));
    const rows = ws.datasets
      .filter((d) => colours.has(d.id) && (shown.get(d.id) ?? 0) > 0)
      .map((d) => legendRow(swatch('dot', colours.get(d.id)!), `${d.name} (${count(shown.get(d.id)!)})`));
    return { expression: matchColour('d', colours) as ExpressionSpecification, rows };
  };

  const recordsLegend = (
    drawnCount: number,
    skipped: number,
    rows: HTMLElement[],
    records: FilteredRecords,
  ): HTMLElement => {
    const choose = h(
      'select',
      { class: 'legend-select', 'aria-label': 'Colour the records by', 'data-testid': 'colour-by' },
      h('option', { value: 'dataset' }, 'by dataset'),
      h('option', { value: 'category' }, 'by category'),
    );
    choose.value = colourBy;
    choose.addEventListener('change', () => {
      colourBy = choose.value as ColourBy;
      draw(drawn);
    });
    return h(
      'div',
      { 'data-testid': 'records-legend' },
      h('div', { class: 'legend-label' }, `Records (${count(drawnCount)}), coloured `, choose),
      ...rows,
      legendRow(
        swatch('cluster', CLUSTER_COLOUR),
        'Groups of nearby records',
        'the number is how many; click to zoom in',
      ),
      skipped > 0 ? h('p', { class: 'legend-note' }, `${count(skipped)} without a location`) : null,
      areaOnlyNote(records),
    );
  };

  const onClusterClick = (event: MapMouseEvent) => {
    const [cluster] = map.queryRenderedFeatures(event.point, { layers: [CLUSTER_LAYER] });
    const key = Number(cluster?.properties?.['cluster_id']);
    const zoom = Number(cluster?.properties?.['z']);
    if (cluster === undefined || drawn === null || placed === null || !Number.isInteger(zoom)) return;
    const to = expansionZoom(
      placed.points,
      drawn.points.positions,
      zoom,
      key,
      CLUSTER_RADIUS_PX,
      CLUSTER_MAX_ZOOM,
    );
    const [lon, lat] = (cluster.geometry as GeoJSON.Point).coordinates as [number, number];
    map.easeTo({ center: [lon, lat], zoom: Math.min(to, 18), duration: 0 });
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  map.on('click', CLUSTER_LAYER, onClusterClick);
  map.on('mouseenter', CLUSTER_LAYER, pointer);
  map.on('mouseleave', CLUSTER_LAYER, plain);
  map.on('zoomend', onZoomEnd);

  const offRecords = ws.on('records', draw);
  if (ws.records !== null) draw(ws.records);
  return () => {
    offRecords();
    map.off('click', CLUSTER_LAYER, onClusterClick);
    map.off('mouseenter', CLUSTER_LAYER, pointer);
    map.off('mouseleave', CLUSTER_LAYER, plain);
    map.off('zoomend', onZoomEnd);
    layers.remove('records');
    layers.remove('records-all');
    legend.set('records', null);
  };
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** With no points drawn: either nothing matches, or the selection is area-only data. */
function emptyLegend(records: FilteredRecords): HTMLElement {
  if (records.summary.areaOnly === 0)
    return legendRow(swatch('dot', OTHER_COLOUR), 'No records match the filter');
  return h('div', { 'data-testid': 'records-legend' }, areaOnlyNote(records));
}

function areaOnlyNote(records: FilteredRecords): HTMLElement | null {
  const n = records.summary.areaOnly;
  if (n === 0) return null;
  return h(
    'p',
    { class: 'legend-note', 'data-testid': 'area-only-note' },
    `${count(n)} area-only record${n === 1 ? '' : 's'} (no point location): counted by area below, not drawn as points`,
  );
}
