/**
 * Results analyses recorded against JAG actions (issue 13 item 6; table `action_results`, migration
 * 5). The request (areas, periods, datasets) and the result are stored as they were measured, with
 * the three areas' names as they then stood, so the profile's Assessment section and the tasking
 * sheet report the result that was recorded even after an area is renamed, edited or deleted.
 * Rows are only ever added; recording again adds a newer result (the latest is the one reported).
 */
import type Database from 'better-sqlite3';
import type {
  ActionResultInfo,
  ResultAreaNames,
  ResultsRequest,
} from '../../../shared/api/areas-actions-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ResultsRunResult } from '../../../shared/api/tasking-api.js';
import { ukDate } from '../../../shared/model/time.js';
import type { ActionResultForProfile } from '../../../shared/profile/assessment-results.js';
import { listActions } from './actions.js';

interface ActionResultRow {
  id: number;
  action_id: number;
  created_at: string;
  request_json: string;
  result_json: string;
}

type AreaRef = ResultsRequest['target'];

/** An area's name for the record: the saved area's, or the boundary feature's name (else code). */
function areaName(db: Database.Database, ref: AreaRef): string {
  const row =
    'areaId' in ref
      ? (db.prepare('SELECT name FROM areas WHERE id = ?').get(ref.areaId) as { name: string } | undefined)
      : (db
          .prepare('SELECT COALESCE(name, code) AS name FROM boundary_features WHERE id = ?')
          .get(ref.boundaryFeatureId) as { name: string } | undefined);
  if (!row) throw new ApiError('not-found', 'An area of the results analysis is no longer in the project');
  return row.name;
}

/** Refuses an action that does not exist or was deleted: a result needs an action to belong to. */
export function checkActionForResult(db: Database.Database, actionId: number): void {
  const row = db.prepare('SELECT id FROM actions WHERE id = ? AND deleted_at IS NULL').get(actionId);
  if (!row) throw new ApiError('not-found', `There is no action A${actionId} to record the result against`);
}

function toInfo(row: ActionResultRow): ActionResultInfo {
  const stored = JSON.parse(row.request_json) as { request: ResultsRequest; areaNames: ResultAreaNames };
  return {
    id: row.id,
    actionId: row.action_id,
    createdAt: row.created_at,
    request: stored.request,
    areaNames: stored.areaNames,
    result: JSON.parse(row.result_json) as ResultsRunResult,
  };
}

export function recordActionResult(
  db: Database.Database,
  actionId: number,
  request: ResultsRequest,
  result: ResultsRunResult,
): ActionResultInfo {
  checkActionForResult(db, actionId);
  const areaNames: ResultAreaNames = {
    target: areaName(db, request.target),
    buffer: areaName(db, request.buffer),
    control: areaName(db, request.control),
  };
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO action_results (action_id, created_at, request_json, result_json) VALUES (?, ?, ?, ?)',
    )
    .run(actionId, new Date().toISOString(), JSON.stringify({ request, areaNames }), JSON.stringify(result));
  const row = db.prepare('SELECT * FROM action_results WHERE id = ?').get(lastInsertRowid) as ActionResultRow;
  return toInfo(row);
}

/** Every recorded result, oldest first; of one action when actionId is given. */
export function listActionResults(db: Database.Database, actionId?: number): ActionResultInfo[] {
  const rows = (
    actionId === undefined
      ? db.prepare('SELECT * FROM action_results ORDER BY id').all()
      : db.prepare('SELECT * FROM action_results WHERE action_id = ? ORDER BY id').all(actionId)
  ) as ActionResultRow[];
  return rows.map(toInfo);
}

/** The latest recorded result of each action that has one. */
export function latestActionResults(db: Database.Database): Map<number, ActionResultInfo> {
  const latest = new Map<number, ActionResultInfo>();
  for (const r of listActionResults(db)) latest.set(r.actionId, r);
  return latest;
}

/**
 * The profile's Assessment results: the latest recorded result of each action running or ended by
 * the period's end (active or completed, started by then or undated), in action order.
 */
export function actionResultsForProfile(
  db: Database.Database,
  period: { from: string; to: string },
): ActionResultForProfile[] {
  const latest = latestActionResults(db);
  return listActions(db)
    .filter(
      (a) =>
        (a.status === 'active' || a.status === 'completed') &&
        (a.startDate === null || a.startDate <= period.to) &&
        latest.has(a.id),
    )
    .map((a) => {
      const r = latest.get(a.id)!;
      const dates = `${a.startDate ? ukDate(Date.parse(a.startDate)) : 'no start date'} to ${a.endDate ? ukDate(Date.parse(a.endDate)) : 'no end date'}`;
      return {
        action: `A${a.id}: ${a.title}`,
        actionFacts: `${capital(a.type)}, ${a.status}, ${dates}, ${a.owner || 'no owner'}, against ${a.target.label}`,
        areaNames: r.areaNames,
        before: r.result.before,
        after: r.result.after,
        recordedAt: r.createdAt,
        result: r.result,
      };
    });
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
