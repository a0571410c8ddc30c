/**
 * The JAG action log (issue 13 item 4; tables `actions` and `action_history`, migration 3). An
 * action is tasked against a hotspot of a saved density run, a saved area or a near-repeat series;
 * the target's label, centroid and outline are COPIED into the action when it is made, so it still
 * shows where it was tasked after the analysis cache is pruned or the area deleted.
 *
 * Every change (made, edited, deleted) appends the whole action as it then stood to action_history,
 * in the same transaction; the history table's triggers refuse updates and deletes, and a deleted
 * action is only marked deleted (its history keeps pointing at it).
 */
import type Database from 'better-sqlite3';
import { asMultiPolygon, type MultiPolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import { polygonCentroid } from '../../../shared/analysis/tactical/centroid.js';
import type {
  ActionFields,
  ActionHistoryEntry,
  ActionInfo,
  ActionTarget,
  ActionTargetRef,
} from '../../../shared/api/areas-actions-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import { decodeResult } from '../analysis-cache.js';
import type { ProjectHandle } from '../context.js';
import { getArea } from './areas.js';

interface ActionRow {
  id: number;
  title: string;
  type: ActionInfo['type'];
  owner: string;
  start_date: string | null;
  end_date: string | null;
  status: ActionInfo['status'];
  notes: string;
  target_json: string;
  created_at: string;
  updated_at: string;
}

function ukDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function toInfo(row: ActionRow): ActionInfo {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    owner: row.owner,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    notes: row.notes,
    target: JSON.parse(row.target_json) as ActionTarget,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The largest polygon's centroid: where the action is on the map. */
function centroidOf(outline: MultiPolygonCoords): { x: number; y: number } {
  return polygonCentroid(outline[0]!);
}

function analysisResult(db: Database.Database, id: number, kind: string): unknown {
  const row = db.prepare('SELECT kind, result_json, result_blob FROM analyses WHERE id = ?').get(id) as
    | { kind: string; result_json: string; result_blob: Buffer | null }
    | undefined;
  if (!row || row.kind !== kind)
    throw new ApiError(
      'not-found',
      `The saved ${kind === 'kde' ? 'density run' : 'chains run'} is no longer in the project: run it again`,
    );
  return decodeResult(row.result_json, row.result_blob);
}

/** The target's facts, copied from the analysis or the area. */
export function resolveTarget(project: ProjectHandle, ref: ActionTargetRef): ActionTarget {
  if (ref.kind === 'area') {
    const area = getArea(project, ref.areaId);
    const outline = area.geometry.coordinates;
    const c = centroidOf(asMultiPolygon(outline));
    return {
      kind: 'area',
      label: `Area: ${area.name}`,
      centroidX: c.x,
      centroidY: c.y,
      outline,
      areaId: area.id,
    };
  }
  if (ref.kind === 'hotspot') {
    const kde = analysisResult(project.db, ref.analysisId, 'kde') as {
      hotspots: { rank: number; polygon: number[][][]; events: number; places: { name: string }[] }[];
      provenance: { filterText: string };
    };
    const h = kde.hotspots.find((x) => x.rank === ref.rank);
    if (!h) throw new ApiError('not-found', `The density run has no hotspot ${ref.rank}`);
    const c = polygonCentroid(h.polygon);
    const place = h.places[0]?.name;
    return {
      kind: 'hotspot',
      label: `Hotspot ${h.rank}${place ? `, ${place}` : ''} (${h.events} events; ${kde.provenance.filterText})`,
      centroidX: c.x,
      centroidY: c.y,
      outline: h.polygon,
      analysisId: ref.analysisId,
      rank: ref.rank,
    };
  }
  const chains = analysisResult(project.db, ref.analysisId, 'chains') as {
    chains: {
      id: number;
      size: number;
      firstDate: string;
      lastDate: string;
      centroidX: number;
      centroidY: number;
    }[];
  };
  const s = chains.chains.find((x) => x.id === ref.chainId);
  if (!s) throw new ApiError('not-found', `The chains run has no series ${ref.chainId}`);
  return {
    kind: 'series',
    label: `Series ${s.id} (${s.size} events, ${ukDay(s.firstDate)} to ${ukDay(s.lastDate)})`,
    centroidX: s.centroidX,
    centroidY: s.centroidY,
    outline: null,
    analysisId: ref.analysisId,
    chainId: ref.chainId,
  };
}

function checkDates(fields: ActionFields): void {
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate)
    throw new ApiError(
      'invalid-argument',
      `The end date ${ukDay(fields.endDate)} is before the start date ${ukDay(fields.startDate)}`,
    );
}

function record(
  db: Database.Database,
  id: number,
  change: ActionHistoryEntry['change'],
  at: string,
): ActionInfo {
  const info = getAction(db, id, true);
  db.prepare('INSERT INTO action_history (action_id, at, change, snapshot_json) VALUES (?, ?, ?, ?)').run(
    id,
    at,
    change,
    JSON.stringify(info),
  );
  return info;
}

function getAction(db: Database.Database, id: number, includeDeleted = false): ActionInfo {
  const row = db
    .prepare(`SELECT * FROM actions WHERE id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`)
    .get(id) as ActionRow | undefined;
  if (!row) throw new ApiError('not-found', `There is no action A${id}`);
  return toInfo(row);
}

export function listActions(db: Database.Database): ActionInfo[] {
  const rows = db.prepare('SELECT * FROM actions WHERE deleted_at IS NULL ORDER BY id').all() as ActionRow[];
  return rows.map(toInfo);
}

export function createAction(project: ProjectHandle, fields: ActionFields, ref: ActionTargetRef): ActionInfo {
  checkDates(fields);
  const target = resolveTarget(project, ref);
  const { db } = project;
  const now = new Date().toISOString();
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO actions (title, type, owner, start_date, end_date, status, notes, target_kind, target_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        fields.title,
        fields.type,
        fields.owner,
        fields.startDate,
        fields.endDate,
        fields.status,
        fields.notes,
        target.kind,
        JSON.stringify(target),
        now,
        now,
      );
    return record(db, Number(lastInsertRowid), 'created', now);
  })();
}

export function updateAction(db: Database.Database, id: number, fields: ActionFields): ActionInfo {
  checkDates(fields);
  getAction(db, id);
  const now = new Date().toISOString();
  return db.transaction(() => {
    db.prepare(
      `UPDATE actions SET title = ?, type = ?, owner = ?, start_date = ?, end_date = ?, status = ?, notes = ?,
       updated_at = ? WHERE id = ?`,
    ).run(
      fields.title,
      fields.type,
      fields.owner,
      fields.startDate,
      fields.endDate,
      fields.status,
      fields.notes,
      now,
      id,
    );
    return record(db, id, 'updated', now);
  })();
}

export function deleteAction(db: Database.Database, id: number): boolean {
  const now = new Date().toISOString();
  return db.transaction(() => {
    const { changes } = db
      .prepare('UPDATE actions SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL')
      .run(now, now, id);
    if (changes > 0) record(db, id, 'deleted', now);
    return changes > 0;
  })();
}

export function actionHistory(db: Database.Database, id: number): ActionHistoryEntry[] {
  getAction(db, id, true);
  const rows = db
    .prepare('SELECT at, change, snapshot_json FROM action_history WHERE action_id = ? ORDER BY id')
    .all(id) as { at: string; change: ActionHistoryEntry['change']; snapshot_json: string }[];
  return rows.map((r) => ({ at: r.at, change: r.change, action: JSON.parse(r.snapshot_json) as ActionInfo }));
}

/**
 * The actions for a profile's Response section: not cancelled, and running at some time in the period
 * (an undated start or end is open), one line each with its strand, so the reader sees what is
 * already tasked beside what is recommended.
 */
export function recordedActionLines(
  db: Database.Database,
  period: { from: string; to: string },
): { type: ActionInfo['type']; text: string }[] {
  return listActions(db)
    .filter(
      (a) =>
        a.status !== 'cancelled' &&
        (a.startDate === null || a.startDate <= period.to) &&
        (a.endDate === null || a.endDate >= period.from),
    )
    .map((a) => {
      const dates = `${a.startDate ? ukDay(a.startDate) : 'no start date'} to ${a.endDate ? ukDay(a.endDate) : 'no end date'}`;
      return {
        type: a.type,
        text: `Already tasked (A${a.id}, ${a.status}): ${a.title}; ${a.owner || 'no owner'}, ${dates}; against ${a.target.label}.`,
      };
    });
}

/** The project's protective marking (project_meta 'marking'), OFFICIAL when none was set. */
export function projectMarking(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM project_meta WHERE key = 'marking'").get() as
    | { value: string }
    | undefined;
  return row?.value.trim() || 'OFFICIAL';
}
