/**
 * The map workspace's filter without the records on the wire (issue 11, Performance):
 *
 *   recordSnapshot(db)          every point record of the project, once per records version: the
 *                               columns the renderer keeps and gathers selections from
 *   filterRecords(db, filter)   which of the snapshot's points the filter keeps, as a bit mask (bit k
 *                               of byte k >> 3 is the snapshot's k-th point, least significant bit
 *                               first), with the counts of the whole selection (area-only records
 *                               included) and of the categories under the filter without its
 *                               category part, and the selected points' hour × weekday table
 *
 * The selection rule is select-records.ts, the one implementation; a mask is 1 bit per point (25 kB
 * at 200,000 points) where the selected columns were about 90 bytes per point. Both answers carry the
 * records version, so a mask is never applied to the snapshot of other records.
 */
import type Database from 'better-sqlite3';
import { hourWeekOf } from '../../../shared/analysis/aoristic/hour-week.js';
import type { RecordSelection, RecordSnapshot } from '../../../shared/api/map-api.js';
import { emptyMask, setMaskBit } from '../../../shared/model/point-mask.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { resolveArea } from './query-records.js';
import { getRecordCache, type RecordCache } from './record-cache.js';
import { toRecordColumns } from './record-columns.js';
import { selectRecords } from './select-records.js';
import { summariseSelection } from './summarise.js';

interface PointIndex {
  /** Cache indices of the point records, in cache order: the snapshot's rows. */
  points: Uint32Array;
  /** Each cache record's position among the points, -1 for an area-only record. */
  position: Int32Array;
}

const pointIndexes = new WeakMap<RecordCache, PointIndex>();

function pointIndex(cache: RecordCache): PointIndex {
  let index = pointIndexes.get(cache);
  if (index !== undefined) return index;
  const position = new Int32Array(cache.count).fill(-1);
  const points = new Uint32Array(cache.count);
  let n = 0;
  for (let i = 0; i < cache.count; i++) {
    if (Number.isNaN(cache.x[i]!)) continue;
    position[i] = n;
    points[n++] = i;
  }
  index = { points: points.slice(0, n), position };
  pointIndexes.set(cache, index);
  return index;
}

export function recordSnapshot(db: Database.Database): RecordSnapshot {
  const cache = getRecordCache(db);
  return { version: cache.version, columns: toRecordColumns(cache, pointIndex(cache).points) };
}

/** Bit mask over `size` points with the bits of the selected points' positions set. */
export function pointMask(selected: Uint32Array, position: Int32Array, size: number): Uint8Array {
  const mask = emptyMask(size);
  for (let k = 0; k < selected.length; k++) {
    const p = position[selected[k]!]!;
    if (p >= 0) setMaskBit(mask, p);
  }
  return mask;
}

export function filterRecords(db: Database.Database, filter: RecordFilter): RecordSelection {
  const cache = getRecordCache(db);
  const area = resolveArea(db, filter);
  const selected = selectRecords(cache, filter, area, { pointsOnly: false });
  const { categories: _all, ...withoutCategories } = filter;
  const byCategory =
    filter.categories === undefined
      ? null
      : summariseSelection(cache, selectRecords(cache, withoutCategories, area, { pointsOnly: false }))
          .byCategory;
  const summary = summariseSelection(cache, selected);
  const { points, position } = pointIndex(cache);
  return {
    version: cache.version,
    mask: pointMask(selected, position, points.length),
    summary,
    categories: byCategory ?? summary.byCategory,
    hourWeek: pointsHourWeek(cache, selected),
  };
}

/** The hour × weekday table of the selection's points (area-only records left out, as on the map). */
function pointsHourWeek(cache: RecordCache, selected: Uint32Array): RecordSelection['hourWeek'] {
  let n = 0;
  for (let k = 0; k < selected.length; k++) if (!Number.isNaN(cache.x[selected[k]!]!)) n++;
  const fromMs = new Float64Array(n);
  const toMs = new Float64Array(n);
  const precision = new Uint8Array(n);
  for (let k = 0, j = 0; k < selected.length; k++) {
    const i = selected[k]!;
    if (Number.isNaN(cache.x[i]!)) continue;
    fromMs[j] = cache.fromMs[i]!;
    toMs[j] = cache.toMs[i]!;
    precision[j++] = cache.precision[i]!;
  }
  try {
    return hourWeekOf({ count: n, fromMs, toMs, precision });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
