/**
 * Time profile of the events in a hotspot, for its "peak times" (DESIGN.md §4, "Hotspot classes" and
 * "Aoristic time"): hour-of-day and weekday totals from the shared aoristic weighting
 * (shared/analysis/aoristic/aoristic.ts: an exact time adds 1 to its hour, a from/to window adds to
 * each hour the share of the window that falls in it, so each event adds up to 1).
 *
 * Events known only to a date or a month say nothing about the time of day: they are counted as
 * untimed and left out of the profile, rather than spread over the day and diluting the peaks
 * (the aoristic module would spread a date evenly and refuses a month without an override).
 * Events are counted, not weighted. Cost O(events · hours of their window), at most 168 per event.
 *
 * Peak hours are named only from at least MIN_TIMED_EVENTS_FOR_PEAK_HOURS = 20 timed events: with
 * fewer than one event per hour of the day on average, the "peak" is whichever hours one or two
 * events happened to fall in, and a patrol plan should not rest on it. Below that the hotspot says
 * "too few timed events" instead (peakHoursNote).
 */
import { PRECISION_CODE } from '../../model/time.js';
import { aoristic } from '../aoristic/aoristic.js';

export interface TimeProfile {
  /** Events (or shares of events) per hour of day 0–23. */
  hours: number[];
  /** Events (or shares) per weekday, Monday first. */
  weekdays: number[];
  /** Events with a known time of day (the sum of `hours`). */
  timed: number;
  /** Events with a date or month only. */
  untimed: number;
}

/** The profile of events `indices` (precision absent: every event has a time). */
export function timeProfile(
  fromMs: Float64Array,
  toMs: Float64Array,
  precision: Uint8Array | undefined,
  indices: readonly number[],
): TimeProfile {
  const timed = precision
    ? indices.filter((i) => precision[i] !== PRECISION_CODE.date && precision[i] !== PRECISION_CODE.month)
    : indices;
  const result = aoristic({
    fromMs: Float64Array.from(timed, (i) => fromMs[i]),
    toMs: Float64Array.from(timed, (i) => toMs[i]),
    ...(precision ? { precision: Uint8Array.from(timed, (i) => precision[i]) } : {}),
  });
  return {
    hours: Array.from(result.hourOfDay),
    weekdays: Array.from(result.weekday),
    timed: timed.length,
    untimed: indices.length - timed.length,
  };
}

export const MIN_TIMED_EVENTS_FOR_PEAK_HOURS = 20;

/** Peak hours when there are enough timed events, else none and a note saying why. */
export function supportedPeakHours(
  profile: TimeProfile,
  count = 3,
): { peakHours: number[]; peakHoursNote: string | null } {
  if (profile.timed < MIN_TIMED_EVENTS_FOR_PEAK_HOURS) {
    return {
      peakHours: [],
      peakHoursNote: `too few timed events (${profile.timed}; peak hours need at least ${MIN_TIMED_EVENTS_FOR_PEAK_HOURS})`,
    };
  }
  return { peakHours: peakHours(profile, count), peakHoursNote: null };
}

/** The `count` hours with the largest shares, largest first (ties: earlier hour first). */
export function peakHours(profile: TimeProfile, count = 3): number[] {
  return profile.hours
    .map((v, h) => ({ v, h }))
    .filter((e) => e.v > 0)
    .sort((a, b) => b.v - a.v || a.h - b.h)
    .slice(0, count)
    .map((e) => e.h);
}
