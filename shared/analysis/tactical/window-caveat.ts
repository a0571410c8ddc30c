/**
 * The time-window caveat of a tactical assessment (DESIGN.md §4 "Period comparison": each record
 * counts in the period holding its window's midpoint). A record with a from/to window (a burglary
 * while the occupants were away) is counted on the window's midpoint; the longer the window, the
 * further that date may be from the offence, so near a period boundary it can count in the wrong
 * period, and a series link of a few days may join or miss it. The caveat gives its denominator:
 * "N of M records this period have a from/to window; K of them are longer than D days".
 *
 * A record is this period's when its midpoint t satisfies fromMs ≤ t < toMs (the one counting rule,
 * compare/period-comparison.ts);
 * a window is longer than D days when toMs − fromMs > D days. O(records).
 */
import { formatCount } from '../../profile/format.js';

const MS_PER_DAY = 86_400_000;

export interface WindowCounts {
  /** Records whose midpoint is in the period. */
  records: number;
  /** Of those, records with a from/to window. */
  windows: number;
  /** Of those, windows longer than the given number of days. */
  longer: number;
}

/**
 * `midMs`: each record's reference time (periods.ts midpointTimes); `lengthMs`: its window's length
 * (toMs − fromMs); `isWindow`: whether it was recorded as a from/to window.
 */
export function countWindows(
  records: { midMs: ArrayLike<number>; lengthMs: ArrayLike<number>; isWindow: ArrayLike<boolean> },
  period: { fromMs: number; toMs: number },
  longerThanDays: number,
): WindowCounts {
  if (!(longerThanDays >= 0)) throw new RangeError(`longerThanDays must be ≥ 0, got ${longerThanDays}`);
  const n = records.midMs.length;
  if (records.lengthMs.length !== n || records.isWindow.length !== n)
    throw new RangeError(`midMs, lengthMs and isWindow must have one value per record (${n})`);
  const out: WindowCounts = { records: 0, windows: 0, longer: 0 };
  for (let i = 0; i < n; i++) {
    const mid = records.midMs[i]!;
    if (!(mid >= period.fromMs && mid < period.toMs)) continue;
    out.records++;
    if (!records.isWindow[i]) continue;
    out.windows++;
    if (records.lengthMs[i]! > longerThanDays * MS_PER_DAY) out.longer++;
  }
  return out;
}

/** The caveat in words, or null when no record of the period has a window. */
export function windowCaveat(counts: WindowCounts, longerThanDays: number): string | null {
  if (counts.windows === 0) return null;
  const share = Math.round((100 * counts.windows) / counts.records);
  return (
    `${formatCount(counts.windows)} of ${formatCount(counts.records)} records this period (${share}%) have a from/to window rather than a known time, ` +
    `and ${formatCount(counts.longer)} of those ${formatCount(counts.windows)} windows are longer than ${longerThanDays} days. ` +
    'Each is counted on its window’s midpoint: a long window near the start or end of a period may belong to the period beside it, ' +
    'and its day is too uncertain to link it firmly into a series.'
  );
}
