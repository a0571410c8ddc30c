/**
 * RecordColumns → EventColumns {x, y, day, weight?}, the input of every point analysis
 * (shared/model/records.ts), with the time guard rails of DESIGN.md §4:
 *
 *   timeBasis 'midpoint'  day = dayOf((fromMs + toMs) / 2), the default for from/to windows (§4 Knox)
 *   timeBasis 'start'     day = dayOf(fromMs)
 *
 * Month-only records (police.uk) cannot feed day-level methods: they are refused with ApiError
 * 'refused' unless the analyst overrides with a reason, and then a caveat says so. Every result
 * carries the month override as a caveat; how windows were dated is said by the provenance
 * (electron/engine/analysis/provenance.ts).
 * `weight` is included only when some record's weight differs from 1.
 */
import { ApiError } from '../../../shared/api/errors.js';
import type { EventColumns, RecordColumns } from '../../../shared/model/records.js';
import { dayOf, PRECISION_CODE } from '../../../shared/model/time.js';

export interface EventColumnsOptions {
  timeBasis: 'midpoint' | 'start';
  /** Allow month-only records in a day-level method; the reason goes into the caveat. */
  monthOverride?: { reason: string };
}

export interface EventColumnsResult {
  events: EventColumns;
  caveats: string[];
}

export function toEventColumns(columns: RecordColumns, options: EventColumnsOptions): EventColumnsResult {
  const n = columns.count;
  let months = 0;
  let weighted = false;
  for (let i = 0; i < n; i++) {
    const p = columns.precision[i];
    if (p === PRECISION_CODE.month) months++;
    if (columns.weight[i] !== 1) weighted = true;
  }
  const caveats: string[] = [];
  if (months > 0) {
    const reason = options.monthOverride?.reason.trim() ?? '';
    if (reason.length === 0) {
      throw new ApiError(
        'refused',
        `${months.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} records have a month only (e.g. police.uk); ` +
          'day-level methods need dates: filter them out or override with a reason',
      );
    }
    caveats.push(
      `${months.toLocaleString('en-GB')} month-only records were placed on a day (${options.timeBasis === 'midpoint' ? 'mid-month' : 'the 1st'}) by analyst override: ${reason}`,
    );
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const day = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = columns.x[i]!;
    y[i] = columns.y[i]!;
    const from = columns.fromMs[i]!;
    day[i] = dayOf(options.timeBasis === 'midpoint' ? from + (columns.toMs[i]! - from) / 2 : from);
  }
  const events: EventColumns = weighted
    ? { x, y, day, weight: Float64Array.from(columns.weight) }
    : { x, y, day };
  return { events, caveats };
}
