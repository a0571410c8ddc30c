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
import { HIT_PX, type RecordsOnMap } from './records-layer.js';
import './map-data.css';

export function connectIdentify(ctx: MapContext, records: RecordsOnMap): Dispose {
  const { app, ws, map } = ctx;
  const popup = new Popup({ maxWidth: '340px', closeButton: true, className: 'identify-popup' });
  let request = 0;

  const onClick = async (event: MapMouseEvent) => {
    const mine = ++request;
    // The single points drawn under the pointer (the records layer's own hit test: it draws them).
    const ids = records.idsNear(event.point, HIT_PX);
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
  map.on('click', onClick);
  const offRecords = ws.on('records', () => popup.remove());
  return () => {
    request++;
    offRecords();
    map.off('click', onClick);
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
