/**
 * The profile's hour × weekday table (DESIGN.md §4 "Aoristic time") from the current period's
 * point records, with a note in words of how each kind of time was treated. Month-only records have
 * no day or hour and are left out (and counted in the note).
 */
import { aoristic } from '../../../shared/analysis/aoristic/aoristic.js';
import type { RecordColumns } from '../../../shared/model/records.js';
import { PRECISION_CODE } from '../../../shared/model/time.js';
import { formatCount } from '../../../shared/profile/format.js';

export function hourOfWeekTable(points: RecordColumns): { table: number[][]; note: string } {
  const keep: number[] = [];
  let months = 0;
  for (let i = 0; i < points.count; i++) {
    if (points.precision[i] === PRECISION_CODE.month) months++;
    else keep.push(i);
  }
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]!);
  const result = aoristic({
    fromMs: pick(points.fromMs),
    toMs: pick(points.toMs),
    precision: Uint8Array.from(keep, (i) => points.precision[i]!),
  });
  const table = Array.from({ length: 7 }, (_, d) =>
    Array.from(result.hourOfWeek.subarray(d * 24, d * 24 + 24)),
  );
  const t = result.treated;
  const note =
    `${formatCount(result.events)} events with a point: ${formatCount(t.exact)} at an exact time, ${formatCount(t.window)} with a from/to window shared over its hours, ` +
    `${formatCount(t.date)} with a date only spread over that day, ${formatCount(t.spreadEvenly)} with windows of a week or more spread evenly` +
    (months > 0 ? `; ${formatCount(months)} month-only records left out` : '') +
    '. Cells hold events (shares of windows add up to whole events).';
  return { table, note };
}
