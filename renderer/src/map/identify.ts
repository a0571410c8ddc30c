/**
 * Identify: a click on a point opens a popup with its record in full (identify-list.ts), and every
 * other record drawn under the pointer, grouped by place, so a repeat location lists its records
 * together. The records are read from the engine by id (getRecords): the map's features carry only ids.
 */
import { type MapMouseEvent, Popup } from 'maplibre-gl';
import { IDENTIFY_MAX_RECORDS } from '../../../shared/api/map-api.js';
import type { RecordRow } from '../../../shared/model/records.js';
import { h } from '../shell/dom.js';
import { groupByPlace, recordFacts } from './identify-list.js';
import type { Dispose, MapContext } from './map-context.js';
import { RECORD_POINT_LAYERS } from './records-layer.js';
import './map-data.css';

/** Pixels around the click that count as "on" a point. */
const HIT_PX = 5;

export function connectIdentify(ctx: MapContext): Dispose {
  const { app, ws, map } = ctx;
  const popup = new Popup({ maxWidth: '340px', closeButton: true, className: 'identify-popup' });
  let request = 0;

  const onClick = async (event: MapMouseEvent) => {
    const mine = ++request;
    const { x, y } = event.point;
    const hits = map.queryRenderedFeatures(
      [
        [x - HIT_PX, y - HIT_PX],
        [x + HIT_PX, y + HIT_PX],
      ],
      { layers: RECORD_POINT_LAYERS.filter((id) => map.getLayer(id) !== undefined) },
    );
    const ids = [...new Set(hits.map((f) => Number(f.id)).filter((id) => Number.isInteger(id) && id > 0))];
    if (ids.length === 0) return;
    let rows: RecordRow[];
    try {
      rows = await app.api.getRecords({ ids: ids.slice(0, IDENTIFY_MAX_RECORDS) });
    } catch (error) {
      if (mine === request) app.notifyError(error, 'Could not read the records at that place');
      return;
    }
    if (mine !== request || rows.length === 0) return;
    const names = new Map(ws.datasets.map((d) => [d.id, d.name]));
    popup
      .setLngLat(event.lngLat)
      .setDOMContent(identifyContent(rows, names, ids.length > IDENTIFY_MAX_RECORDS ? ids.length : null))
      .addTo(map);
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  for (const layer of RECORD_POINT_LAYERS) {
    map.on('click', layer, onClick);
    map.on('mouseenter', layer, pointer);
    map.on('mouseleave', layer, plain);
  }
  const offRecords = ws.on('records', () => popup.remove());
  return () => {
    request++;
    offRecords();
    for (const layer of RECORD_POINT_LAYERS) {
      map.off('click', layer, onClick);
      map.off('mouseenter', layer, pointer);
      map.off('mouseleave', layer, plain);
    }
    popup.remove();
  };
}

function identifyContent(
  rows: RecordRow[],
  datasetNames: Map<number, string>,
  moreThan: number | null,
): HTMLElement {
  const groups = groupByPlace(rows);
  const heading =
    rows.length === 1
      ? 'One record here'
      : `${rows.length.toLocaleString('en-GB')} records${groups.length > 1 ? ` at ${groups.length} places` : ' at this place'}`;
  return h(
    'section',
    { class: 'identify', 'data-testid': 'identify', 'aria-label': 'Records at this place' },
    h('h2', { class: 'identify-title' }, heading),
    moreThan !== null
      ? h(
          'p',
          { class: 'identify-note' },
          `Showing the first ${IDENTIFY_MAX_RECORDS} of ${moreThan}: zoom in to see fewer.`,
        )
      : null,
    ...groups.map((group) =>
      h(
        'div',
        { class: 'identify-group' },
        groups.length > 1 || group.rows.length > 1
          ? h(
              'h3',
              { class: 'identify-place' },
              `${group.location ?? 'Unnamed place'} (${group.rows.length})`,
            )
          : null,
        ...group.rows.map((row) =>
          h(
            'dl',
            { class: 'identify-record', 'data-record-id': row.id },
            ...recordFacts(row, datasetNames.get(row.datasetId) ?? null).flatMap(([label, value]) => [
              h('dt', {}, label),
              h('dd', {}, value),
            ]),
          ),
        ),
      ),
    ),
  );
}
