/**
 * The hour × weekday aoristic table of a set of records (DESIGN.md §4 "Aoristic time"): 7 rows
 * (Monday first) × 24 hours, each cell the records' aoristic share of that hour (aoristic.ts).
 * Month-only records cannot be placed in an hour (DESIGN.md §4 guard rails): they are left out and
 * counted; date-only records are counted too (their share spreads over the day). O(n + hours
 * spanned by the windows).
 */
import type { RecordColumns } from '../../model/records.js';
import { PRECISION_CODE } from '../../model/time.js';
import { aoristic } from './aoristic.js';

export interface HourWeek {
  /** 168 cells, weekday·24 + hour. */
  cells: Float64Array;
  hourOfDay: Float64Array;
  weekday: Float64Array;
  total: number;
  monthOnly: number;
  dateOnly: number;
}

/** The aoristic table of the records, month-only records left out and counted. */
export function hourWeekOf(
  columns: Pick<RecordColumns, 'count' | 'fromMs' | 'toMs' | 'precision'>,
): HourWeek {
  let monthOnly = 0;
  let dateOnly = 0;
  for (let i = 0; i < columns.count; i++) {
    if (columns.precision[i] === PRECISION_CODE.month) monthOnly++;
    else if (columns.precision[i] === PRECISION_CODE.date) dateOnly++;
  }
  const keep = columns.count - monthOnly;
  const fromMs = new Float64Array(keep);
  const toMs = new Float64Array(keep);
  const precision = new Uint8Array(keep);
  for (let i = 0, k = 0; i < columns.count; i++) {
    if (columns.precision[i] === PRECISION_CODE.month) continue;
    fromMs[k] = columns.fromMs[i];
    toMs[k] = columns.toMs[i];
    precision[k++] = columns.precision[i];
  }
  const result = aoristic({ fromMs, toMs, precision });
  return {
    cells: result.hourOfWeek,
    hourOfDay: result.hourOfDay,
    weekday: result.weekday,
    total: result.total,
    monthOnly,
    dateOnly,
  };
}
