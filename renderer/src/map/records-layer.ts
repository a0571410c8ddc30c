/**
 * The filtered records on the map: points coloured by dataset (each its own colour, palette.ts) or by
 * category, clustered up to zoom 14 with each cluster's count written on it; a click on a cluster
 * zooms in to where it breaks apart. The legend says what is drawn, including when the selection has
 * only area-only records (drawn by the choropleth, not as points).
 *
 * Drawn from the workspace's point snapshot by one custom WebGL layer (records-gl.ts) so that a filter
 * change is drawn in the next frame (issue 11, Performance): the snapshot's positions and colours are
 * uploaded once per snapshot (colours again when the colouring changes), and each filter change sends
 * only the selected rows as an index buffer and the clusters of the current whole zoom
 * (point-clusters.ts, recomputed when the whole zoom changes). From STREET_ZOOM every selected record
 * is drawn on its own. What is drawn is also what a click finds: `idsNear` (identify) and the
 * cluster under the pointer are computed from the same rows and cells.
 */
import type { MapMouseEvent, PointLike } from 'maplibre-gl';
import type { FilteredRecords } from '../panels/workspace.js';
import { h } from '../shell/dom.js';
import { OTHER_COLOUR } from './colour.js';
import { LAYER_ORDER } from './layers.js';
import { legendRow, swatch } from './legend.js';
import type { Dispose, MapContext } from './map-context.js';
import { categoryColours, datasetColours } from './palette.js';
import {
  abbreviateCount,
  expansionZoom,
  fromMercator,
  type GridCells,
  gridCells,
  type MercatorPoints,
  toMercator,
  WORLD_PX_AT_Z0,
} from './point-clusters.js';
import { type CellOrder, cellOrder, runsInBox, selectInOrder } from './records-cells.js';
import {
  type AnchorTile,
  anchorTile,
  clusterRadiusPx,
  nearestCluster,
  rowsInBox,
  tileCoordinates,
  toTile,
} from './records-geometry.js';
import { RecordsGlLayer } from './records-gl.js';

const CLUSTER_COLOUR = '#4a7fb0';
/** The custom layer that draws every record (clusters, points, counts). */
export const RECORDS_LAYER = 'records-gl';
/** Cluster cells in screen pixels (as MapLibre's clusterRadius was). */
const CLUSTER_RADIUS_PX = 36;
/** The last zoom with clusters; from STREET_ZOOM every record is drawn on its own. */
const CLUSTER_MAX_ZOOM = 14;
const STREET_ZOOM = CLUSTER_MAX_ZOOM + 1;

type ColourBy = 'dataset' | 'category';
type Snapshot = FilteredRecords['points']['snapshot'];

/** The records layer as other map modules see it. */
export interface RecordsOnMap {
  dispose: Dispose;
  /** Record ids of the single points drawn within `px` pixels of a screen point. */
  idsNear(point: { x: number; y: number }, px: number): number[];
}

/** The clusters of one whole zoom, as drawn and as a click finds them. */
interface ShownClusters {
  zoom: number;
  cells: GridCells;
  /** Index into cells of each drawn cluster (cells of two or more points). */
  cell: number[];
  mx: Float64Array;
  my: Float64Array;
  radiusPx: Float32Array;
}

export function connectRecordsLayer(ctx: MapContext): RecordsOnMap {
  const { ws, map, layers, legend } = ctx;
  const gl = new RecordsGlLayer(RECORDS_LAYER);
  let colourBy: ColourBy = 'dataset';
  let drawn: FilteredRecords | null = null;
  /**
   * Mercator positions of the snapshot's points and their anchor tile (once per snapshot), and the
   * points in cell order (made at the first street zoom).
   */
  let placed: {
    snapshot: Snapshot;
    points: MercatorPoints;
    anchor: AnchorTile;
    order?: CellOrder;
  } | null = null;
  /** The colouring the layer holds (which snapshot, which colours). */
  let colourKey = '';
  /** The rows drawn as single points (at street zoom in cell order, with their keys) and the clusters. */
  let shownRows: Uint32Array = new Uint32Array(0);
  let shownCells: Uint32Array | null = null;
  let shown: ShownClusters | null = null;

  const clusterZoom = () => Math.min(Math.floor(map.getZoom()), STREET_ZOOM);

  const draw = (records: FilteredRecords | null) => {
    drawn = records;
    if (records === null || records.points.positions.length === 0) {
      layers.remove('records');
      shown = null;
      shownRows = new Uint32Array(0);
      shownCells = null;
      legend.set('records', records === null ? null : emptyLegend(records));
      return;
    }
    const { snapshot, positions } = records.points;
    if (placed?.snapshot !== snapshot) {
      const points = toMercator(snapshot.columns.lon, snapshot.columns.lat);
      const anchor = anchorTile(points.mx, points.my);
      placed = { snapshot, points, anchor };
      gl.setPositions(anchor, tileCoordinates(anchor, points.mx, points.my));
      colourKey = '';
    }
    const { colours, rows } = symbology(records);
    const key = `${colourBy} ${[...colours].join(' ')}`;
    if (key !== colourKey) {
      colourKey = key;
      gl.setColours(rowColours(snapshot, colourBy, colours));
    }
    drawScene();
    if (!layers.has('records'))
      layers.set('records', { order: LAYER_ORDER.points, source: null, layers: [gl] });
    // Drawn now, before the panels that follow the same records event: software WebGL renders the
    // frame in the GPU process while this thread goes on with the charts (issue 11, Performance).
    else if (map.getLayer(RECORDS_LAYER) !== undefined) map.redraw();
    let drawnCount = 0;
    for (let k = 0; k < positions.length; k++)
      if (!Number.isNaN(placed.points.mx[positions[k]!]!)) drawnCount++;
    legend.set('records', recordsLegend(drawnCount, positions.length - drawnCount, rows, records));
  };

  /** This zoom's clusters and single points; at street zooms every placed selected row. */
  const drawScene = () => {
    if (drawn === null || placed === null) return;
    const zoom = clusterZoom();
    const { positions } = drawn.points;
    const { mx } = placed.points;
    if (zoom > CLUSTER_MAX_ZOOM) {
      placed.order ??= cellOrder(mx, placed.points.my);
      const { rows, keys } = selectInOrder(placed.order, positions, mx.length);
      shownRows = rows;
      shownCells = keys;
      shown = null;
      gl.setScene({
        rows,
        cells: { grid: placed.order.grid, keys },
        clusters: { xy: new Float32Array(0), radiusPx: new Float32Array(0), labels: [] },
        key: { drawn, zoom },
      });
      return;
    }
    const cells = gridCells(placed.points, positions, zoom, CLUSTER_RADIUS_PX);
    const single: number[] = [];
    const cell: number[] = [];
    for (let s = 0; s < cells.key.length; s++) {
      if (cells.count[s] === 1) single.push(cells.first[s]!);
      else cell.push(s);
    }
    const clusters: ShownClusters = {
      zoom,
      cells,
      cell,
      mx: new Float64Array(cell.length),
      my: new Float64Array(cell.length),
      radiusPx: new Float32Array(cell.length),
    };
    const xy = new Float32Array(cell.length * 2);
    const labels: string[] = [];
    cell.forEach((s, k) => {
      const count = cells.count[s]!;
      clusters.mx[k] = cells.sumX[s]! / count;
      clusters.my[k] = cells.sumY[s]! / count;
      clusters.radiusPx[k] = clusterRadiusPx(count);
      [xy[2 * k], xy[2 * k + 1]] = toTile(placed!.anchor, clusters.mx[k]!, clusters.my[k]!);
      labels.push(abbreviateCount(count));
    });
    shown = clusters;
    shownRows = Uint32Array.from(single);
    shownCells = null;
    gl.setScene({
      rows: shownRows,
      clusters: { xy, radiusPx: clusters.radiusPx, labels },
      key: { drawn, zoom },
    });
  };

  const onZoomEnd = () => {
    if (drawn !== null && clusterZoom() !== (shown?.zoom ?? STREET_ZOOM)) drawScene();
  };

  /**
   * Each colour of the points, by dataset id or by the snapshot's category code (anything else is
   * grey), and the legend rows that explain them.
   */
  const symbology = (records: FilteredRecords): { colours: Map<number, string>; rows: HTMLElement[] } => {
    const { columns } = records;
    if (colourBy === 'category') {
      const { named, other } = categoryColours(columns.categoryCode, columns.categories);
      const snapshotCode = new Map(
        records.points.snapshot.columns.categories.map((name, code) => [name, code]),
      );
      const rows = named.map((c) => legendRow(swatch('dot', c.colour), `${c.label} (${count(c.count)})`));
      if (other > 0) rows.push(legendRow(swatch('dot', OTHER_COLOUR), `Other categories (${count(other)})`));
      return {
        colours: new Map(named.map((c) => [c.code < 0 ? -1 : (snapshotCode.get(c.label) ?? -2), c.colour])),
        rows,
      };
    }
    const colours = datasetColours(ws.datasets.filter((d) => d.geometry === 'points').map((d) => d.id));
    const perDataset = new Map(records.summary.byDataset.map((d) => [d.datasetId, d.count]));
    const rows = ws.datasets
      .filter((d) => colours.has(d.id) && (perDataset.get(d.id) ?? 0) > 0)
      .map((d) =>
        legendRow(swatch('dot', colours.get(d.id)!), `${d.name} (${count(perDataset.get(d.id)!)})`),
      );
    return { colours, rows };
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

  /** World position (Web Mercator, 0–1) of a screen point. */
  const worldAt = (point: PointLike): [number, number] => {
    const { lng, lat } = map.unproject(point);
    const m = toMercator(Float64Array.of(lng), Float64Array.of(lat));
    return [m.mx[0]!, m.my[0]!];
  };

  /** The drawn cluster under a screen point, as an index into `shown`, or -1. */
  const clusterAt = (point: { x: number; y: number }): number => {
    if (shown === null) return -1;
    const [x, y] = worldAt([point.x, point.y]);
    const radius = { x: shown.mx, y: shown.my, radiusPx: shown.radiusPx };
    return nearestCluster(x, y, radius, WORLD_PX_AT_Z0 * 2 ** map.getZoom());
  };

  const idsNear = (point: { x: number; y: number }, px: number): number[] => {
    if (drawn === null || placed === null || shownRows.length === 0) return [];
    const corners = [
      worldAt([point.x - px, point.y - px]),
      worldAt([point.x + px, point.y - px]),
      worldAt([point.x - px, point.y + px]),
      worldAt([point.x + px, point.y + px]),
    ];
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    const box: [number, number, number, number] = [
      Math.min(...xs),
      Math.min(...ys),
      Math.max(...xs),
      Math.max(...ys),
    ];
    const { id } = placed.snapshot.columns;
    const { mx, my } = placed.points;
    if (shownCells === null || placed.order === undefined)
      return rowsInBox(mx, my, shownRows, box).map((row) => id[row]!);
    // Street zoom: only the cells the box meets, as the layer draws them.
    const runs = runsInBox(placed.order.grid, shownCells, box);
    const hits: number[] = [];
    for (let r = 0; r < runs.length; r += 2)
      for (const row of rowsInBox(mx, my, shownRows.subarray(runs[r], runs[r + 1]), box)) hits.push(id[row]!);
    return hits;
  };

  const onClick = (event: MapMouseEvent) => {
    const k = clusterAt(event.point);
    if (k < 0 || shown === null || drawn === null || placed === null) return;
    const to = expansionZoom(
      placed.points,
      drawn.points.positions,
      shown.zoom,
      shown.cells.key[shown.cell[k]!]!,
      CLUSTER_RADIUS_PX,
      CLUSTER_MAX_ZOOM,
    );
    const [lon, lat] = fromMercator(shown.mx[k]!, shown.my[k]!);
    map.easeTo({ center: [lon, lat], zoom: Math.min(to, 18), duration: 0 });
  };
  /** The pointer over a cluster or a point; the cursor is left alone elsewhere (other layers set it). */
  let pointing = false;
  const onMove = (event: MapMouseEvent) => {
    const over = clusterAt(event.point) >= 0 || idsNear(event.point, HIT_PX).length > 0;
    if (over === pointing) return;
    pointing = over;
    map.getCanvas().style.cursor = over ? 'pointer' : '';
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);
  map.on('zoomend', onZoomEnd);

  const offRecords = ws.on('records', draw);
  if (ws.records !== null) draw(ws.records);
  const dispose = () => {
    offRecords();
    map.off('click', onClick);
    map.off('mousemove', onMove);
    map.off('zoomend', onZoomEnd);
    layers.remove('records');
    legend.set('records', null);
  };
  return { dispose, idsNear };
}

/** Pixels around the pointer that count as "on" a point (identify uses the same). */
export const HIT_PX = 5;

/** Each snapshot row's RGBA by its dataset or category (grey when `colours` has none for it). */
function rowColours(snapshot: Snapshot, by: ColourBy, colours: Map<number, string>): Uint8Array {
  const { count: n, datasetId, categoryCode } = snapshot.columns;
  const keys = by === 'dataset' ? datasetId : categoryCode;
  const rgb = new Map([...colours].map(([key, hex]) => [key, hexRgb(hex)]));
  const other = hexRgb(OTHER_COLOUR);
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = rgb.get(keys[i]!) ?? other;
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = 255;
  }
  return out;
}

function hexRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
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
