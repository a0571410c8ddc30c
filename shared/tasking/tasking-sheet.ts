/**
 * The JAG tasking sheet (issue 13 item 4): the live actions of the project, one row each, as a marked
 * HTML page (profile style) or a CSV through the one CSV rule (shared/profile/csv.ts: BOM, RFC 4180,
 * formula-safe). Dates dd/mm/yyyy; the target in words with its centroid in project metres so it can
 * be found on any map. Rows in order of status (active, planned, completed, cancelled), then end date.
 */
import type { ActionInfo } from '../api/areas-actions-api.js';
import { toSafeCsv } from '../profile/csv.js';
import { blockHtml } from '../profile/html/blocks.js';
import { markedPageHtml } from './marked-page.js';

const STATUS_ORDER = ['active', 'planned', 'completed', 'cancelled'];
const COLUMNS = ['Ref', 'Action', 'Type', 'Against', 'Owner', 'Start', 'End', 'Status', 'Notes', 'Result'];

/** Each action's latest recorded result in words (resultSummary), by action id. */
export type ResultLines = ReadonlyMap<number, string>;

function ukDay(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sortedForSheet(actions: readonly ActionInfo[]): ActionInfo[] {
  return [...actions].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.endDate ?? '9999').localeCompare(b.endDate ?? '9999') ||
      a.id - b.id,
  );
}

function target(a: ActionInfo): string {
  return `${a.target.label} (centre ${Math.round(a.target.centroidX)}, ${Math.round(a.target.centroidY)})`;
}

function row(a: ActionInfo, results: ResultLines): string[] {
  return [
    `A${a.id}`,
    a.title,
    capital(a.type),
    target(a),
    a.owner,
    ukDay(a.startDate),
    ukDay(a.endDate),
    capital(a.status),
    a.notes,
    results.get(a.id) ?? '',
  ];
}

export function taskingSheetCsv(actions: readonly ActionInfo[], results: ResultLines = new Map()): string {
  return toSafeCsv(
    COLUMNS,
    sortedForSheet(actions).map((a) => row(a, results)),
  );
}

export function taskingSheetHtml(
  actions: readonly ActionInfo[],
  meta: { marking: string; projectName: string; crs: string; generatedOn: string; appVersion: string },
  results: ResultLines = new Map(),
): string {
  const rows = sortedForSheet(actions).map((a) => row(a, results));
  const body = blockHtml({
    kind: 'table',
    caption: `Actions (${rows.length})`,
    columns: COLUMNS.map((label) => ({ label, align: 'left' as const })),
    rows,
    note: `Centres are in ${meta.crs} metres. Each action's changes are kept in the project's action history.`,
  });
  return markedPageHtml({
    title: 'JAG tasking sheet',
    subtitle: `${meta.projectName} · ${meta.generatedOn}`,
    marking: meta.marking,
    facts: [
      ['Protective marking', meta.marking],
      ['Project', meta.projectName],
      ['Date', meta.generatedOn],
      ['Actions', String(rows.length)],
    ],
    body: `<section id="actions">${rows.length > 0 ? body : '<p class="note">No action has been recorded.</p>'}</section>`,
    footer: `Produced by Hotspot Workbench ${meta.appVersion}.`,
  });
}
