/**
 * Repeat locations (issue 10 item 7): places where two or more events happened, by identical place.
 *
 * Two events are at the same place when their projected coordinates are exactly equal (x₁ = x₂ and
 * y₁ = y₂, metres in the project CRS). Location text never groups on its own: "Queensway" can be a
 * ring road with events at many points kilometres apart, and police.uk's "On or near …" names are
 * shared by many snap points. The text shown for a place is the commonest text among its events
 * (ties: alphabetical first); null when none has one.
 *
 * For each place with count ≥ minCount (default 2):
 *   firstDate, lastDate   yyyy-mm-dd of the earliest and latest reference time (window midpoint);
 *                         yyyy-mm when that event is dated to the month only (no day is invented)
 *   time to repeat        the whole days between consecutive events there, dayOf(t[k+1]) − dayOf(t[k])
 *                         over the events dated to the day or better (not month-only: their day is
 *                         unknown), sorted by time; median (mean of the middle two for an even
 *                         count) and shortest. Null when fewer than two such events.
 * Order: count descending, then latest event first, then location text, then x, y.
 * Cost O(n log n).
 */
import { dayOf, isoDate } from '../../model/time.js';

export interface RepeatInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Reference time of each event (window midpoint), wall-clock ms. */
  timeMs: ArrayLike<number>;
  /** 1 when the event is dated to the day or better, 0 for month-only. */
  datedToDay: ArrayLike<number>;
  /** Location text of each event as an index into `locations`, −1 for none. */
  locationCode: ArrayLike<number>;
  locations: readonly string[];
}

export interface RepeatLocation {
  location: string | null;
  x: number;
  y: number;
  count: number;
  firstDate: string;
  lastDate: string;
  medianDaysToRepeat: number | null;
  minDaysToRepeat: number | null;
}

/** The event's date as precise as it is known: yyyy-mm-dd, or yyyy-mm for a month-only record. */
function dateOf(input: RepeatInput, i: number): string {
  const date = isoDate(input.timeMs[i]!);
  return input.datedToDay[i] === 1 ? date : date.slice(0, 7);
}

export function repeatLocations(input: RepeatInput, minCount = 2): RepeatLocation[] {
  const n = input.x.length;
  for (const [name, column] of [
    ['y', input.y],
    ['timeMs', input.timeMs],
    ['datedToDay', input.datedToDay],
    ['locationCode', input.locationCode],
  ] as const) {
    if (column.length !== n) throw new RangeError(`${name} has ${column.length} values, x ${n}`);
  }
  if (!(Number.isInteger(minCount) && minCount >= 2))
    throw new RangeError(`minCount must be a whole number >= 2, got ${minCount}`);

  const places = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const x = input.x[i]!;
    const y = input.y[i]!;
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue; // area-only records have no place
    // Exact equality: the key is the two doubles' shortest round-trip strings.
    const key = `${x},${y}`;
    const list = places.get(key);
    if (list) list.push(i);
    else places.set(key, [i]);
  }

  const out: (RepeatLocation & { lastMs: number })[] = [];
  for (const members of places.values()) {
    if (members.length < minCount) continue;
    members.sort((a, b) => input.timeMs[a]! - input.timeMs[b]! || a - b);
    const first = members[0]!;
    const last = members[members.length - 1]!;
    const days = members.filter((i) => input.datedToDay[i] === 1).map((i) => dayOf(input.timeMs[i]!));
    const gaps: number[] = [];
    for (let k = 1; k < days.length; k++) gaps.push(days[k]! - days[k - 1]!);
    gaps.sort((a, b) => a - b);
    const mid = gaps.length >> 1;
    out.push({
      location: commonestText(members, input),
      x: input.x[first]!,
      y: input.y[first]!,
      count: members.length,
      firstDate: dateOf(input, first),
      lastDate: dateOf(input, last),
      medianDaysToRepeat:
        gaps.length === 0 ? null : gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2,
      minDaysToRepeat: gaps.length === 0 ? null : gaps[0]!,
      lastMs: input.timeMs[last]!,
    });
  }
  out.sort(
    (a, b) =>
      b.count - a.count ||
      b.lastMs - a.lastMs ||
      (a.location ?? '').localeCompare(b.location ?? '') ||
      a.x - b.x ||
      a.y - b.y,
  );
  return out.map(({ lastMs: _lastMs, ...place }) => place);
}

function commonestText(members: readonly number[], input: RepeatInput): string | null {
  const tally = new Map<string, number>();
  for (const i of members) {
    const c = input.locationCode[i]!;
    if (c < 0) continue;
    const text = input.locations[c]!;
    tally.set(text, (tally.get(text) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [text, count] of tally) {
    if (count > bestCount || (count === bestCount && best !== null && text.localeCompare(best) < 0)) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}
