/**
 * Aoristic time (DESIGN.md §4 "Aoristic time"): how an event whose time is only known as a window
 * contributes to the 168 hours of the week (weekday × hour, Monday = 0, cell = weekday·24 + hour)
 * and to the hour-of-day and weekday marginals. After Ratcliffe & McCullagh (1998), "Aoristic crime
 * analysis", Int. J. of Geographical Information Science 12(7), weighting by the share of the window
 * that falls in each hour rather than by whole hours touched.
 *
 * For an event with weight w (default 1) and time window [a, b) in wall-clock ms
 * (shared/model/time.ts), L = b − a:
 *   exact (a = b)     cell(a) += w
 *   0 < L < 1 week    cell(h) += w · |[a, b) ∩ h| / L for every clock hour h the window touches
 *                     (e.g. Fri 22:30 – Sat 01:30 gives Fri 22 1/6, Fri 23 1/3, Sat 00 1/3, Sat 01 1/6)
 *   L ≥ 1 week        every cell += w / 168. Rule: a window of a week or more says nothing about the
 *                     hour of the week; exact overlap would favour the hours that the window happens
 *                     to cover one extra time, an artefact of where it starts. (At L = 1 week exactly,
 *                     overlap gives 1/168 everywhere too, so the rule is continuous.)
 *   date precision    the window is widened to whole days, [midnight of a, midnight after the day of
 *                     b), then treated as above: one date spreads evenly over its 24 hours.
 *   month precision   refused (RangeError) unless `allowMonthPrecision` is set (the analyst's override
 *                     with a reason, DESIGN.md §4 guard rails); then widened to whole days like a date,
 *                     which, a month being longer than a week, spreads evenly over all 168 hours.
 * A window is half-open: "22:30 to 01:30" is three hours. A record stored with an inclusive end
 * (…:59.999) differs by 1 ms in L, a relative change below 1e-7.
 * Each event therefore adds exactly w to the total, up to floating-point rounding (≈1e-15).
 * Cost: O(min(L in hours, 168)) per event.
 */
import type { ProgressFn } from '../../jobs/progress.js';
import { MS_PER_DAY, MS_PER_HOUR, PRECISION_CODE, weekdayOf } from '../../model/time.js';

export const HOURS_PER_WEEK = 168;
export const MS_PER_WEEK = 7 * MS_PER_DAY;
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface AoristicInput {
  fromMs: Float64Array;
  toMs: Float64Array;
  /** PRECISION_CODE per event (shared/model/time.ts); absent = exact when from = to, window otherwise. */
  precision?: Uint8Array;
  /** Weight per event (default 1). */
  weight?: Float64Array;
}

export interface AoristicOptions {
  /** Spread month-only events evenly instead of refusing them (the analyst's override). */
  allowMonthPrecision?: boolean;
  progress?: ProgressFn;
}

export interface AoristicResult {
  /** 168 cells, index weekday·24 + hour (Monday = 0). */
  hourOfWeek: Float64Array;
  /** 24 hour-of-day totals (Σ over weekdays). */
  hourOfDay: Float64Array;
  /** 7 weekday totals, Monday first (Σ over hours). */
  weekday: Float64Array;
  /** Σ of all cells = Σ of the weights. */
  total: number;
  events: number;
  /** How the events were treated, for the output's caveats. */
  treated: { exact: number; window: number; spreadEvenly: number; date: number; month: number };
}

/** Cell index weekday·24 + hour of a wall-clock ms. */
export function hourOfWeekCell(ms: number): number {
  const hourOfDay = Math.floor((((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
  return weekdayOf(ms) * 24 + hourOfDay;
}

function checkInput(input: AoristicInput, options: AoristicOptions): void {
  const n = input.fromMs.length;
  if (input.toMs.length !== n) throw new RangeError(`toMs has ${input.toMs.length} values, fromMs ${n}`);
  if (input.precision && input.precision.length !== n) {
    throw new RangeError(`precision has ${input.precision.length} values, fromMs ${n}`);
  }
  if (input.weight && input.weight.length !== n)
    throw new RangeError(`weight has ${input.weight.length} values, fromMs ${n}`);
  let months = 0;
  for (let i = 0; i < n; i++) {
    const a = input.fromMs[i];
    const b = input.toMs[i];
    if (!Number.isFinite(a) || !Number.isFinite(b))
      throw new RangeError(`event ${i} has a non-finite time (${a}, ${b})`);
    if (b < a) throw new RangeError(`event ${i} ends before it starts (fromMs ${a}, toMs ${b})`);
    if (input.weight && !Number.isFinite(input.weight[i]))
      throw new RangeError(`event ${i} has weight ${input.weight[i]}`);
    if (input.precision?.[i] === PRECISION_CODE.month) months++;
  }
  if (months > 0 && !options.allowMonthPrecision) {
    throw new RangeError(
      `${months} events have month-only dates, which cannot be placed in hours; ` +
        'filter them out or override (allowMonthPrecision) and say why',
    );
  }
}

/** Adds w spread over [a, b) by overlap with each clock hour; b − a must be in (0, 1 week). */
function addWindow(cells: Float64Array, a: number, b: number, w: number): void {
  const length = b - a;
  // The cell of the first hour, then the next cell of the week for each following hour.
  let cell = hourOfWeekCell(a);
  let start = a;
  while (start < b) {
    const hourEnd = (Math.floor(start / MS_PER_HOUR) + 1) * MS_PER_HOUR;
    const end = hourEnd < b ? hourEnd : b;
    cells[cell] += (w * (end - start)) / length;
    cell = cell === HOURS_PER_WEEK - 1 ? 0 : cell + 1;
    start = end;
  }
}

export function aoristic(input: AoristicInput, options: AoristicOptions = {}): AoristicResult {
  checkInput(input, options);
  const n = input.fromMs.length;
  const cells = new Float64Array(HOURS_PER_WEEK);
  const treated = { exact: 0, window: 0, spreadEvenly: 0, date: 0, month: 0 };
  let evenShare = 0;
  const progressEvery = 65_536;
  for (let i = 0; i < n; i++) {
    const w = input.weight ? input.weight[i] : 1;
    let a = input.fromMs[i];
    let b = input.toMs[i];
    const p = input.precision ? input.precision[i] : a === b ? PRECISION_CODE.exact : PRECISION_CODE.window;
    if (p === PRECISION_CODE.date || p === PRECISION_CODE.month) {
      a = Math.floor(a / MS_PER_DAY) * MS_PER_DAY;
      b = (Math.floor(b / MS_PER_DAY) + 1) * MS_PER_DAY;
      if (p === PRECISION_CODE.date) treated.date++;
      else treated.month++;
    }
    if (a === b) {
      cells[hourOfWeekCell(a)] += w;
      treated.exact++;
    } else if (b - a >= MS_PER_WEEK) {
      evenShare += w / HOURS_PER_WEEK;
      treated.spreadEvenly++;
    } else {
      addWindow(cells, a, b, w);
      treated.window++;
    }
    if (options.progress && (i + 1) % progressEvery === 0) options.progress(i + 1, n);
  }
  if (evenShare !== 0) for (let c = 0; c < HOURS_PER_WEEK; c++) cells[c] += evenShare;
  options.progress?.(n, n);
  return { ...marginals(cells), events: n, treated };
}

/** The hour-of-day and weekday marginals and the total of a 168-cell table. */
export function marginals(
  hourOfWeek: Float64Array,
): Pick<AoristicResult, 'hourOfWeek' | 'hourOfDay' | 'weekday' | 'total'> {
  if (hourOfWeek.length !== HOURS_PER_WEEK)
    throw new RangeError(`hourOfWeek must have 168 cells, got ${hourOfWeek.length}`);
  const hourOfDay = new Float64Array(24);
  const weekday = new Float64Array(7);
  let total = 0;
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const v = hourOfWeek[d * 24 + h];
      hourOfDay[h] += v;
      weekday[d] += v;
      total += v;
    }
  }
  return { hourOfWeek, hourOfDay, weekday, total };
}
