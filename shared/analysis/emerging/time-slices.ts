/**
 * Consecutive time slices for emerging hot spots (issue 13 item 3), laid back from an end time so
 * the last slice ends exactly at `endMs` (the most recent slice is the one the classes turn on):
 *   days    slice k of n is [endMs − (n − k)·L, endMs − (n − k − 1)·L), L = lengthDays days
 *   months  the same on the calendar: each boundary moves back whole months from endMs (a quarter is
 *           3 months), so slices follow the calendar's month lengths
 * Half-open slices; an event counts in the slice holding its reference time (the window midpoint,
 * shared/analysis/compare/periods.ts).
 */

import { MS_PER_DAY } from '../../model/time.js';
import type { TimeSpan } from '../compare/periods.js';

export type SliceLength = { unit: 'days'; length: number } | { unit: 'months'; length: number };

export function sliceLabel(length: SliceLength): string {
  if (length.unit === 'months')
    return length.length === 3 ? 'quarters' : length.length === 1 ? 'months' : `${length.length} months`;
  return length.length === 7 ? 'weeks' : `${length.length} days`;
}

function monthsBack(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - months,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
}

export function timeSlices(endMs: number, length: SliceLength, count: number): TimeSpan[] {
  if (!(Number.isInteger(length.length) && length.length >= 1))
    throw new RangeError(`the slice length must be a whole number ≥ 1, got ${length.length}`);
  if (!(Number.isInteger(count) && count >= 2))
    throw new RangeError(`emerging hot spots need at least 2 slices, got ${count}`);
  const edge = (k: number) =>
    length.unit === 'days' ? endMs - k * length.length * MS_PER_DAY : monthsBack(endMs, k * length.length);
  const slices: TimeSpan[] = [];
  for (let k = count; k >= 1; k--) slices.push({ fromMs: edge(k), toMs: edge(k - 1) });
  return slices;
}

/** Which slice holds each time (−1 for none). Slices must be consecutive and ascending. */
export function sliceIndex(timeMs: ArrayLike<number>, slices: readonly TimeSpan[]): Int32Array {
  const out = new Int32Array(timeMs.length).fill(-1);
  for (let i = 0; i < timeMs.length; i++) {
    const t = timeMs[i]!;
    // Binary search over the slice starts.
    let lo = 0;
    let hi = slices.length - 1;
    if (!(t >= slices[0]!.fromMs && t < slices[hi]!.toMs)) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (slices[mid]!.fromMs <= t) lo = mid;
      else hi = mid - 1;
    }
    out[i] = lo;
  }
  return out;
}
