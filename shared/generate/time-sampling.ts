/**
 * Drawing event times for the synthetic town, in wall-clock epoch ms (shared/model/time.ts).
 *
 * A time profile is a weight per day of the period (weekday × season × any special days, zero
 * outside a planted time window) and a weight per hour of day. A time is drawn as
 *   day  ~ Categorical(dayWeight)        (binary search on the cumulative weights)
 *   hour ~ Categorical(hourWeight), minute ~ Uniform{0..59}.
 * A night-time profile (hours listed from 22 onwards) counts hours after midnight as belonging to
 * the night that began the day before: Friday night's 01:00 is a Saturday 01:00.
 *
 * A window around a true time t has a length L drawn from the profile's mixture of window shapes;
 * it starts at t − U·L (U uniform) rounded down to a quarter hour and ends L later (and not before t)
 * rounded up, as a victim reports "between 08:00 and 17:30". Draws that would leave the period are redrawn, so every
 * time lies in [startMs, endMs).
 */
import { MS_PER_DAY, MS_PER_HOUR, weekdayOf } from '../model/time.js';
import type { Random } from '../util/random.js';

export interface Period {
  /** First instant (a midnight), inclusive. */
  startMs: number;
  /** The midnight after the last day, exclusive. */
  endMs: number;
}

/** One component of a window-length mixture: probability and length range in hours. */
export interface WindowShape {
  p: number;
  minHours: number;
  maxHours: number;
}

export interface TimeProfile {
  /** Weight of a day given its start ms (weekday, month, special days). */
  dayWeight: (dayStartMs: number) => number;
  /** 24 weights for hours 0–23 when `night` is false; otherwise weights for 22, 23, 0, 1, …. */
  hourWeight: readonly number[];
  night?: boolean;
  /** Window mixture; the remaining probability (1 − Σp) gives exact times. Empty = always exact. */
  windows?: readonly WindowShape[];
}

export interface EventTime {
  fromMs: number;
  toMs: number;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const NIGHT_FIRST_HOUR = 22;

export class TimeSampler {
  private readonly cumulative: Float64Array;
  private readonly days: number;

  constructor(
    private readonly period: Period,
    private readonly profile: TimeProfile,
  ) {
    this.days = (period.endMs - period.startMs) / MS_PER_DAY;
    if (!Number.isInteger(this.days) || this.days < 1) {
      throw new RangeError(`period must be one or more whole days, got ${this.days} days`);
    }
    this.cumulative = new Float64Array(this.days);
    let total = 0;
    for (let d = 0; d < this.days; d++) {
      const w = profile.dayWeight(period.startMs + d * MS_PER_DAY);
      if (!(w >= 0)) throw new RangeError(`day weights must be >= 0, got ${w}`);
      total += w;
      this.cumulative[d] = total;
    }
    if (!(total > 0)) throw new RangeError('the time profile gives every day of the period weight 0');
  }

  /** The start ms of a day drawn by weight. */
  day(rng: Random): number {
    const target = rng.next() * this.cumulative[this.days - 1];
    let lo = 0;
    let hi = this.days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.period.startMs + lo * MS_PER_DAY;
  }

  /** A true (exact) instant. May fall after the period for a night profile; callers redraw. */
  private instant(rng: Random): number {
    const day = this.day(rng);
    const h = rng.weightedIndex(this.profile.hourWeight);
    const hour = this.profile.night ? NIGHT_FIRST_HOUR + h : h;
    return day + hour * MS_PER_HOUR + rng.int(0, 60) * 60_000;
  }

  /** A time or window inside the period (see the file comment). */
  sample(rng: Random): EventTime {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const t = this.instant(rng);
      const w = drawWindow(rng, t, this.profile.windows ?? []);
      if (w.fromMs >= this.period.startMs && w.toMs < this.period.endMs) return w;
    }
    throw new Error('could not draw a time inside the period');
  }
}

export function drawWindow(rng: Random, t: number, shapes: readonly WindowShape[]): EventTime {
  let u = rng.next();
  for (const shape of shapes) {
    if (u < shape.p) {
      const lengthMs = rng.uniform(shape.minHours, shape.maxHours) * MS_PER_HOUR;
      const from = Math.floor((t - rng.next() * lengthMs) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
      // Rounding `from` down may pull the end before t; the window always contains the true time.
      const end = Math.max(from + lengthMs, t);
      const to = Math.max(from + QUARTER_HOUR_MS, Math.ceil(end / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
      return { fromMs: from, toMs: to };
    }
    u -= shape.p;
  }
  return { fromMs: t, toMs: t };
}

/** Weight of a day from weekday (Monday = 0) and month (January = 0) multipliers. */
export function weekdayMonthWeight(weekday: readonly number[], month: readonly number[]) {
  return (dayStartMs: number): number =>
    weekday[weekdayOf(dayStartMs)] * month[new Date(dayStartMs).getUTCMonth()];
}

/** The same profile with every day from `endMs` on given weight 0. */
export function onlyBefore(profile: TimeProfile, endMs: number): TimeProfile {
  return { ...profile, dayWeight: (ms) => (ms < endMs ? profile.dayWeight(ms) : 0) };
}
