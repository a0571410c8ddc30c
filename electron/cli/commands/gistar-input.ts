/**
 * What data `hotspot gistar` used (JAG review item 17): the events' dates, an optional period
 * (--from/--to, dd/mm/yyyy, both inclusive) and whether categories were filtered, stated in one line
 * so a pooled run is never mistaken for a period's. A CSV has dates only when --date names its date
 * column (read by knox-input.ts, the one CSV date reader); a project's records carry their windows
 * [fromMs, toMs] (inclusive) and categories. A record is in the period when its window overlaps it,
 * as the app's date filter does by default.
 */
import type { HotspotEvents } from '../../../shared/analysis/hotspots/hotspots.js';
import { MS_PER_DAY, ukDate } from '../../../shared/model/time.js';
import { formatCount } from '../../../shared/profile/format.js';
import { parseDay } from '../../engine/analysis/event-csv.js';
import { CliUsageError } from '../command.js';

/** A period of whole days, inclusive, as wall-clock epoch ms [fromMs, toMs]. */
export interface Period {
  fromMs: number;
  toMs: number;
}

/** --from / --to as a period; an open end stays unbounded. */
export function periodOption(from: string | undefined, to: string | undefined): Period | null {
  if (from === undefined && to === undefined) return null;
  const day = (text: string, name: string): number => {
    const d = parseDay(text.trim(), 'dd/mm/yyyy');
    if (d === null) throw new CliUsageError(`${name} must be a date dd/mm/yyyy, got '${text}'`);
    return d;
  };
  const fromMs = from === undefined ? -Infinity : day(from, '--from') * MS_PER_DAY;
  const toMs = to === undefined ? Infinity : (day(to, '--to') + 1) * MS_PER_DAY - 1;
  if (fromMs > toMs) throw new CliUsageError('--from must not be after --to');
  return { fromMs, toMs };
}

/** Day numbers (knox-input's CSV reader) as whole-day windows. */
export function dayWindows(days: Int32Array): { fromMs: Float64Array; toMs: Float64Array } {
  const fromMs = new Float64Array(days.length);
  const toMs = new Float64Array(days.length);
  days.forEach((d, i) => {
    fromMs[i] = d * MS_PER_DAY;
    toMs[i] = (d + 1) * MS_PER_DAY - 1;
  });
  return { fromMs, toMs };
}

/** The events whose window overlaps the period (x, y, weight, windows and categories kept aligned). */
export function eventsInPeriod(events: HotspotEvents, period: Period): HotspotEvents {
  const { fromMs, toMs } = events;
  if (!fromMs || !toMs) throw new Error('events without dates cannot be filtered by period');
  const keep: number[] = [];
  for (let i = 0; i < events.x.length; i++) {
    if (fromMs[i]! <= period.toMs && toMs[i]! >= period.fromMs) keep.push(i);
  }
  const pick = <T extends Float64Array | Int32Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length);
    keep.forEach((j, k) => {
      out[k] = a[j]!;
    });
    return out;
  };
  const out: HotspotEvents = { x: pick(events.x), y: pick(events.y), fromMs: pick(fromMs), toMs: pick(toMs) };
  if (events.weight) out.weight = pick(events.weight);
  if (events.categoryCode) {
    out.categoryCode = pick(events.categoryCode);
    out.categories = events.categories ?? [];
  }
  return out;
}

/** The first and last dates of the events' windows, or null without dates or events. */
export function datesOf(events: HotspotEvents): Period | null {
  const { fromMs, toMs } = events;
  if (!fromMs || !toMs || fromMs.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < fromMs.length; i++) {
    lo = Math.min(lo, fromMs[i]!);
    hi = Math.max(hi, toMs[i]!);
  }
  return { fromMs: lo, toMs: hi };
}

function distinctCategories(events: HotspotEvents): number | null {
  if (!events.categoryCode) return null;
  const seen = new Set<number>();
  for (const code of events.categoryCode) if (code >= 0) seen.add(code);
  return seen.size;
}

const span = (p: Period) => `${ukDate(p.fromMs)}–${ukDate(p.toMs)}`;

/**
 * "Data: 8,905 events dated 01/01/2024–31/12/2025, dates not filtered; categories not filtered
 * (4 present)". `events` are those used, after any period filter; `before` the count read.
 */
export function dataLine(events: HotspotEvents, before: number, period: Period | null): string {
  const used = events.x.length;
  const dates = datesOf(events);
  let when: string;
  if (period) {
    const asked = `${Number.isFinite(period.fromMs) ? ukDate(period.fromMs) : 'the first date'}–${Number.isFinite(period.toMs) ? ukDate(period.toMs) : 'the last date'}`;
    when = `${formatCount(used)} of ${formatCount(before)} events, those dated within ${asked}${dates ? ` (found ${span(dates)})` : ''}`;
  } else if (dates) {
    when = `${formatCount(used)} events dated ${span(dates)}, dates not filtered`;
  } else {
    when = `all ${formatCount(used)} usable rows, dates not known or filtered (give --date to state them, --from/--to to filter)`;
  }
  const categories = distinctCategories(events);
  const what =
    categories === null
      ? 'categories not filtered (hotspot gistar has no category filter: cut the CSV to the crimes wanted first)'
      : `categories not filtered (${formatCount(categories)} present)`;
  return `Data: ${when}; ${what}`;
}
