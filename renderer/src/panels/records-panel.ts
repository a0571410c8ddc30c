/**
 * Filter tab: the records of the current selection as a table: sortable by each column (click a
 * header), exported as CSV (all the selected records, not only those shown), and a record's number
 * locates it on the map (ringed there: map/located-layer.ts). Built only while open, so a filter change costs nothing when it is closed.
 */
import { h, replaceChildren } from '../shell/dom.js';
import { registerPanel, Subscriptions } from '../shell/panels.js';
import { describeFilter } from './describe-filter.js';
import { type RecordRow, recordRows, recordsCsv, type SortKey, sortRows } from './records-rows.js';
import { count, download } from './ui.js';
import { workspaceOf } from './workspace.js';
import './workspace.css';

/** Rows drawn in the panel; the CSV holds them all. */
const MAX_SHOWN = 500;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'id', label: 'Record', numeric: true },
  { key: 'dataset', label: 'Dataset' },
  { key: 'category', label: 'Category' },
  { key: 'fromMs', label: 'When' },
  { key: 'location', label: 'Location' },
];

registerPanel({
  id: 'records',
  tab: 'filter',
  title: 'Records',
  order: 20,
  render(el, app) {
    const ws = workspaceOf(app);
    const summary = h('summary', {}, 'Show the records table');
    const body = h('div', { class: 'records-body', 'data-testid': 'records-table' });
    const details = h('details', { class: 'details' }, summary, body);
    const exportButton = h(
      'button',
      { type: 'button', class: 'btn btn-small', 'data-action': 'export-records' },
      'Export the selected records as CSV',
    );
    el.append(details);
    let sortKey: SortKey = 'fromMs';
    let descending = false;
    let rows: RecordRow[] = [];

    const build = () => {
      const columns = ws.records?.columns;
      if (!details.open) return;
      if (!columns || columns.count === 0) {
        replaceChildren(body, h('p', { class: 'hint' }, 'No point records match the filter.'));
        return;
      }
      const names = new Map(ws.datasets.map((d) => [d.id, d.name]));
      rows = sortRows(
        recordRows(columns, (id) => names.get(id) ?? 'a removed dataset'),
        sortKey,
        descending,
      );
      replaceChildren(
        body,
        h(
          'p',
          { class: 'hint' },
          rows.length > MAX_SHOWN
            ? `The first ${count(MAX_SHOWN)} of ${count(rows.length)} records (${describeFilter(ws)}); the CSV holds them all.`
            : `${count(rows.length)} records (${describeFilter(ws)}).`,
        ),
        h('div', { class: 'row-actions' }, exportButton),
        h('div', { class: 'table-scroll records-scroll' }, table()),
      );
    };

    const table = () => {
      const head = h(
        'tr',
        {},
        ...COLUMNS.map((column) => {
          const sorted = column.key === sortKey;
          const button = h(
            'button',
            { type: 'button', class: 'sort-button' },
            column.label,
            sorted ? (descending ? ' ▼' : ' ▲') : '',
          );
          button.addEventListener('click', () => {
            descending = sorted ? !descending : false;
            sortKey = column.key;
            build();
          });
          return h(
            'th',
            {
              scope: 'col',
              class: column.numeric ? 'num' : '',
              'aria-sort': sorted ? (descending ? 'descending' : 'ascending') : 'none',
            },
            button,
          );
        }),
      );
      const columns = ws.records!.columns;
      const tbody = h('tbody');
      for (const row of rows.slice(0, MAX_SHOWN)) {
        const locate = h(
          'button',
          { type: 'button', class: 'link-button', 'aria-label': `Locate record ${row.id} on the map` },
          String(row.id),
        );
        locate.addEventListener('click', () => {
          ws.locate(columns.lon[row.index]!, columns.lat[row.index]!);
        });
        tbody.append(
          h(
            'tr',
            { 'data-record-id': row.id },
            h('td', { class: 'num' }, locate),
            h('td', {}, row.dataset),
            // The sub-category names its category in most extracts ("Burglary - Residential"): one of them.
            h('td', { title: row.category }, row.subcategory || row.category),
            h('td', {}, row.when),
            h('td', {}, row.location),
          ),
        );
      }
      return h(
        'table',
        { class: 'data-table records-table' },
        h('caption', { class: 'sr-only' }, 'Records of the current selection'),
        h('thead', {}, head),
        tbody,
      );
    };

    exportButton.addEventListener('click', () => {
      const name = (app.project()?.name ?? 'records').replace(/[^\w-]+/g, '_');
      download(`${name}-selected-records.csv`, recordsCsv(rows), 'text/csv;charset=utf-8');
    });
    details.addEventListener('toggle', build);
    const subscriptions = new Subscriptions();
    subscriptions.add(ws.on('records', build));
    return () => subscriptions.release();
  },
});
