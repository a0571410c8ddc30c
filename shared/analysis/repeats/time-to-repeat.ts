/**
 * Time to repeat across all repeat locations (issue 13 item 7): how soon a place is hit again.
 * Places are as repeat-locations.ts defines them (exactly equal projected coordinates). For each
 * place, its events dated to the day or better (month-only ones have no day) sorted by time give the
 * gaps dayOf(t[k+1]) − dayOf(t[k]) in whole days; over all places:
 *   repeats            the number of gaps (each is one repeat event)
 *   within[d]          the share of gaps ≤ d days, for d in BANDS_DAYS (same day counts as 0)
 *   medianDays         the median gap (mean of the middle two for an even count)
 * Gaps of 0 days are repeats on the same day. O(n log n).
 */
import { dayOf } from '../../model/time.js';

export const BANDS_DAYS = [0, 7, 28, 91, 365] as const;

export interface TimeToRepeat {
  places: number;
  repeats: number;
  /** Share of repeats within each band (key: days), null with no repeats. */
  within: { days: number; share: number | null }[];
  medianDays: number | null;
}

export function timeToRepeat(input: {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  timeMs: ArrayLike<number>;
  datedToDay: ArrayLike<number>;
}): TimeToRepeat {
  const places = new Map<string, number[]>();
  for (let i = 0; i < input.x.length; i++) {
    const x = input.x[i]!;
    const y = input.y[i]!;
    if (!(Number.isFinite(x) && Number.isFinite(y)) || input.datedToDay[i] !== 1) continue;
    const key = `${x},${y}`;
    const list = places.get(key);
    if (list) list.push(dayOf(input.timeMs[i]!));
    else places.set(key, [dayOf(input.timeMs[i]!)]);
  }
  const gaps: number[] = [];
  let repeated = 0;
  for (const days of places.values()) {
    if (days.length < 2) continue;
    repeated++;
    days.sort((a, b) => a - b);
    for (let k = 1; k < days.length; k++) gaps.push(days[k]! - days[k - 1]!);
  }
  gaps.sort((a, b) => a - b);
  const m = gaps.length;
  const mid = m >> 1;
  return {
    places: repeated,
    repeats: m,
    within: BANDS_DAYS.map((d) => ({
      days: d,
      share: m === 0 ? null : gaps.filter((g) => g <= d).length / m,
    })),
    medianDays: m === 0 ? null : m % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2,
  };
}
