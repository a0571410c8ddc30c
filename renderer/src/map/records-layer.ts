/**
 * The filtered records on the map: points coloured by dataset (each its own colour, palette.ts) or by
 * category, clustered at low zoom with each cluster's count written on it; a click on a cluster zooms
 * in to where it breaks apart. The legend says what is drawn, including when the selection has only
 * area-only records (drawn by the choropleth, not as points).
 */
import type { ExpressionSpecification, GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import type { FilteredRecords } from '../panels/workspace.js';
import { h } from '../shell/dom.js';
import { OTHER_COLOUR } from './colour.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';
import { categoryColours, datasetColours, matchColour } from './palette.js';
import { recordsToGeoJson } from './records-geojson.js';

const CLUSTER_COLOUR = '#4a7fb0';
export const RECORD_POINT_LAYER = 'records-points';
const CLUSTER_LAYER = 'records-clusters';

type ColourBy = 'dataset' | 'category';

export function connectRecordsLayer(ctx: MapContext): Dispose {
  const { ws, map, layers, legend } = ctx;
  let colourBy: ColourBy = 'dataset';
  let drawn: FilteredRecords | null = null;

  const draw = (records: FilteredRecords | null) => {
    drawn = records;
    if (records === null || records.columns.count === 0) {
      layers.remove('records');
      legend.set('records', records === null ? null : emptyLegend(records));
      return;
    }
    const { collection, skipped } = recordsToGeoJson(records.columns);
    const { colour, rows } = symbology(records);
    const source = map.getSource('records') as GeoJSONSource | undefined;
    if (layers.has('records') && source !== undefined) {
      source.setData(collection);
      map.setPaintProperty(RECORD_POINT_LAYER, 'circle-color', colour);
    } else addLayers(collection, colour);
    legend.set('records', recordsLegend(collection.features.length, skipped, rows, records));
  };

  const addLayers = (data: GeoJSON.FeatureCollection, colour: ExpressionSpecification) =>
    layers.set('records', {
      order: LAYER_ORDER.points,
      source: { type: 'geojson', data, cluster: true, clusterRadius: 36, clusterMaxZoom: 14 },
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
          paint: {
            'circle-color': colour,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 16, 5],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 0.6,
            'circle-opacity': 0.9,
          },
        },
      ],
    });

  /** The points' colour expression and the legend rows that explain it. */
  const symbology = (records: FilteredRecords): { colour: ExpressionSpecification; rows: HTMLElement[] } => {
    const { columns } = records;
    if (colourBy === 'category') {
      const { named, other } = categoryColours(columns.categoryCode, columns.categories);
      const rows = named.map((c) => legendRow(swatch('dot', c.colour), `${c.label} (${count(c.count)})`));
      if (other > 0) rows.push(legendRow(swatch('dot', OTHER_COLOUR), `Other categories (${count(other)})`));
      return {
        colour: matchColour(
          'c',
          named.map((c) => [c.code, c.colour]),
        ) as ExpressionSpecification,
        rows,
      };
    }
    const colours = datasetColours(ws.datasets.filter((d) => d.geometry === 'points').map((d) => d.id));
    const shown = new Map(records.summary.byDataset.map((d) => [d.datasetId, d.count]));
    const rows = ws.datasets
      .filter((d) => colours.has(d.id) && (shown.get(d.id) ?? 0) > 0)
      .map((d) => legendRow(swatch('dot', colours.get(d.id)!), `${d.name} (${count(shown.get(d.id)!)})`));
    return { colour: matchColour('d', colours) as ExpressionSpecification, rows };
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

  const onClusterClick = async (event: MapMouseEvent) => {
    const [cluster] = map.queryRenderedFeatures(event.point, { layers: [CLUSTER_LAYER] });
    const source = map.getSource('records') as GeoJSONSource | undefined;
    const id = cluster?.properties?.['cluster_id'] as number | undefined;
    if (cluster === undefined || source === undefined || id === undefined) return;
    const zoom = await source.getClusterExpansionZoom(id);
    const [lon, lat] = (cluster.geometry as GeoJSON.Point).coordinates as [number, number];
    map.easeTo({ center: [lon, lat], zoom: Math.min(zoom, 18), duration: 0 });
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  map.on('click', CLUSTER_LAYER, onClusterClick);
  map.on('mouseenter', CLUSTER_LAYER, pointer);
  map.on('mouseleave', CLUSTER_LAYER, plain);

  const offRecords = ws.on('records', draw);
  if (ws.records !== null) draw(ws.records);
  return () => {
    offRecords();
    map.off('click', CLUSTER_LAYER, onClusterClick);
    map.off('mouseenter', CLUSTER_LAYER, pointer);
    map.off('mouseleave', CLUSTER_LAYER, plain);
    layers.remove('records');
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
