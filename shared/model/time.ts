/**
 * Time conventions, chosen once for the whole code base (STYLE.md habit 4).
 *
 * Every time is the analyst's local wall-clock time (UK civil time in the extracts) written as if it
 * were UTC, in epoch milliseconds. So `new Date(ms).getUTCHours()` is the local hour and a day is
 * always 86 400 000 ms: daylight-saving changes never shift an event into the wrong hour or day,
 * which is what crime analysts expect (a burglary "at 01:30 on 26 March" stays there).
 *
 * A record holds a window `[fromMs, toMs]` (inclusive, `fromMs <= toMs`) and a precision saying how
 * much of that window is real knowledge:
 *   exact  — a date-time; fromMs === toMs
 *   window — a from/to window (burglary while away); day-level methods use the midpoint by default
 *   date   — a date without a time; the window is that whole day
 *   month  — a month only (police.uk); the window is the whole month. Day-level methods refuse it
 *            unless the analyst overrides with a reason (DESIGN.md §4 guard rails).
 */

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export const TIME_PRECISIONS = ['exact', 'window', 'date', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** Numeric codes used in typed columns (Uint8Array), in the order of TIME_PRECISIONS. */
export const PRECISION_CODE: Readonly<Record<TimePrecision, number>> = {
  exact: 0,
  window: 1,
  date: 2,
  month: 3,
};

/** Whole day number since 1970-01-01 of a wall-clock epoch-ms time. */
export function dayOf(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** Hour of day 0–23 of a wall-clock epoch-ms time. */
export function hourOf(ms: number): number {
  return Math.floor((((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
}

/** Weekday 0 = Monday … 6 = Sunday (UK convention) of a wall-clock epoch-ms time. */
export function weekdayOf(ms: number): number {
  // 1970-01-01 was a Thursday, weekday 3 when Monday is 0.
  return (((dayOf(ms) + 3) % 7) + 7) % 7;
}

/** Wall-clock epoch ms of a calendar date-time, months 1–12. */
export function wallClockMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** ISO date `yyyy-mm-dd` of a wall-clock epoch-ms time. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UK date `dd/mm/yyyy` of a wall-clock epoch-ms time, as analysts write dates. */
export function ukDate(ms: number): string {
  const [y, m, d] = isoDate(ms).split('-');
  return `${d}/${m}/${y}`;
}
