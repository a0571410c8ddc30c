/**
 * The periods of a tactical assessment (DESIGN.md §4 "Period comparison"): the current period, the
 * period of the same length just before it, and the same dates one year earlier. Periods are
 * half-open [fromMs, toMs) in wall-clock ms (shared/model/time.ts), so "October 2025" is
 * [2025-10-01 00:00, 2025-11-01 00:00).
 *
 * "Same period last year" moves each end back one calendar year on the calendar (not by 365 days),
 * so it starts on the same date; 29 February moves to 1 March (JavaScript's date overflow), the
 * only case where the two lengths can differ by a day. Exposures are lengths in days, so a
 * difference in length is allowed for in the test.
 */
import { MS_PER_DAY } from '../../model/time.js';

export interface TimeSpan {
  fromMs: number;
  toMs: number;
}

export function checkSpan(span: TimeSpan, name: string): void {
  if (!Number.isFinite(span.fromMs) || !Number.isFinite(span.toMs) || !(span.toMs > span.fromMs)) {
    throw new RangeError(`${name} must have fromMs < toMs, got [${span.fromMs}, ${span.toMs})`);
  }
}

export function spanDays(span: TimeSpan): number {
  return (span.toMs - span.fromMs) / MS_PER_DAY;
}

/** The span of the same length ending where `span` starts. */
export function previousPeriod(span: TimeSpan): TimeSpan {
  checkSpan(span, 'period');
  return { fromMs: span.fromMs - (span.toMs - span.fromMs), toMs: span.fromMs };
}

function minusOneYear(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(
    d.getUTCFullYear() - 1,
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** The same calendar dates one year earlier. */
export function samePeriodLastYear(span: TimeSpan): TimeSpan {
  checkSpan(span, 'period');
  return { fromMs: minusOneYear(span.fromMs), toMs: minusOneYear(span.toMs) };
}

/** Reference time of each event for counting: the window midpoint (exact times are their own). */
export function midpointTimes(fromMs: Float64Array, toMs: Float64Array): Float64Array {
  if (fromMs.length !== toMs.length)
    throw new RangeError(`toMs has ${toMs.length} values, fromMs ${fromMs.length}`);
  const out = new Float64Array(fromMs.length);
  for (let i = 0; i < out.length; i++) out[i] = fromMs[i] + (toMs[i] - fromMs[i]) / 2;
  return out;
}
