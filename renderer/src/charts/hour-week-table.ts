/**
 * The hour × weekday aoristic table (DESIGN.md §4 "Aoristic time"): 7 rows (Monday first) × 24 hours,
 * each cell the events' aoristic share of that hour (shared/analysis/aoristic), shaded on the density
 * ramp relative to the busiest cell, with the value in each cell's title and the row and column totals
 * at the ends. An HTML table rather than SVG so a screen reader can walk it cell by cell.
 *
 * Month-only records cannot be placed in an hour (DESIGN.md §4 guard rails): they are left out of the
 * table and counted in its caption. The table's numbers come from the engine with each filter
 * (shared/analysis/aoristic/hour-week.ts, map-api's filterRecords); this module draws them.
 */
import { WEEKDAY_LABELS } from '../../../shared/analysis/aoristic/aoristic.js';
import type { HourWeek } from '../../../shared/analysis/aoristic/hour-week.js';
import { css, rampColour } from '../map/colour.js';
import { h } from '../shell/dom.js';

export function hourWeekTable(table: HourWeek): HTMLElement {
  let peak = 0;
  for (const v of table.cells) if (v > peak) peak = v;
  const head = h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Weekday')));
  for (let hour = 0; hour < 24; hour++)
    head.append(
      h(
        'th',
        { scope: 'col', title: `${String(hour).padStart(2, '0')}:00–${String(hour).padStart(2, '0')}:59` },
        hour % 3 === 0 ? String(hour).padStart(2, '0') : '',
      ),
    );
  head.append(h('th', { scope: 'col' }, 'Σ'));
  const body = h('tbody');
  for (let day = 0; day < 7; day++) {
    const row = h('tr', {}, h('th', { scope: 'row' }, WEEKDAY_LABELS[day]));
    for (let hour = 0; hour < 24; hour++) {
      const v = table.cells[day * 24 + hour];
      const cell = h('td', {
        title: `${WEEKDAY_LABELS[day]} ${String(hour).padStart(2, '0')}:00: ${v.toFixed(1)}`,
      });
      if (peak > 0 && v > 0) {
        const t = v / peak;
        cell.style.background = css(rampColour(t));
      }
      row.append(cell);
    }
    row.append(h('td', { class: 'total' }, Math.round(table.weekday[day]).toLocaleString('en-GB')));
    body.append(row);
  }
  const notes = [
    `Aoristic: an event known only as a window adds a share to each hour it covers.`,
    table.dateOnly > 0
      ? `${table.dateOnly.toLocaleString('en-GB')} date-only records are spread over their day.`
      : null,
    table.monthOnly > 0
      ? `${table.monthOnly.toLocaleString('en-GB')} month-only records are left out.`
      : null,
  ].filter(Boolean);
  return h(
    'figure',
    { class: 'hour-week' },
    h(
      'table',
      { class: 'heat-table', 'data-testid': 'hour-week-table' },
      h('caption', { class: 'sr-only' }, 'Events by weekday and hour'),
      h('thead', {}, head),
      body,
    ),
    h('figcaption', { class: 'hint' }, notes.join(' ')),
  );
}
