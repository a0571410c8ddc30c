/**
 * Planted near-repeat burglary series: chains of 4–10 dwelling burglaries, each event within
 * SERIES_LINK_DISTANCE_M of the event before it and of the first event, and 1–5 days after the
 * event before it. Each event has a short window (≤ 9 h), so the whole-day distance between the
 * window midpoints of consecutive events is at most SERIES_LINK_DAYS (checked as each is drawn).
 *
 * Series are kept apart from each other (origins SERIES_SEPARATION_M apart unless they start
 * SERIES_SEPARATION_DAYS apart) so that linking by 150 m / 7 days cannot merge two planted series.
 * round(SERIES_BASE_COUNT × size) series are planted, at least 1 and at most SERIES_MAX_COUNT (more do not fit
 * apart). Background burglaries may still happen to fall near a series; chain recovery should find
 * each planted series inside one recovered chain.
 */
import { dayOf, MS_PER_DAY, MS_PER_HOUR } from '../model/time.js';
import type { Random } from '../util/random.js';
import { type EventContext, type LatentEvent, locationText } from './events.js';
import { distance } from './geometry.js';
import { PROFILES, SERIES_BURGLARY_WINDOWS } from './profiles.js';
import { DiscSampler, type PlacedPoint } from './street-sampler.js';
import { drawWindow, onlyBefore, TimeSampler } from './time-sampling.js';

export const SERIES_LINK_DISTANCE_M = 150;
export const SERIES_LINK_DAYS = 7;
export const SERIES_MIN_EVENTS = 4;
export const SERIES_MAX_EVENTS = 10;
/** More series than this do not fit apart in the town's 24 months; larger sizes plant this many. */
export const SERIES_MAX_COUNT = 60;
const SERIES_MAX_GAP_DAYS = 5;
/** Two origins this far apart keep every pair of their events > 150 m apart (500 − 2·150 = 200). */
const SERIES_SEPARATION_M = 500;
const SERIES_SEPARATION_DAYS = 60;
/** Room at the end of the period for the longest series (10 events × 5 days). */
const SERIES_TAIL_DAYS = SERIES_MAX_EVENTS * SERIES_MAX_GAP_DAYS + 2;

export interface PlantedSeries {
  id: string;
  events: LatentEvent[];
}

export function midpointDay(e: { fromMs: number; toMs: number }): number {
  return dayOf((e.fromMs + e.toMs) / 2);
}

export function plantSeries(rng: Random, ctx: EventContext, count: number): PlantedSeries[] {
  if (!Number.isInteger(count) || count < 1 || count > SERIES_MAX_COUNT) {
    throw new RangeError(`series count must be a whole number from 1 to ${SERIES_MAX_COUNT}, got ${count}`);
  }
  const startSampler = new TimeSampler(
    ctx.period,
    onlyBefore(PROFILES.residentialBurglary, ctx.period.endMs - SERIES_TAIL_DAYS * MS_PER_DAY),
  );
  const origins: { x: number; y: number; day: number }[] = [];
  const series: PlantedSeries[] = [];
  for (let s = 0; s < count; s++) {
    let origin: PlacedPoint = { x: 0, y: 0, street: 0 };
    let startDayMs = 0;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 10_000) throw new Error('could not keep the planted series apart; lower --size');
      const p = ctx.samplers.residential.point(rng);
      const day = startSampler.day(rng);
      const clash = origins.some(
        (o) =>
          distance(o.x, o.y, p.x, p.y) < SERIES_SEPARATION_M &&
          Math.abs(o.day - day) < SERIES_SEPARATION_DAYS * MS_PER_DAY,
      );
      if (clash) continue;
      origin = p;
      startDayMs = day;
      break;
    }
    origins.push({ x: origin.x, y: origin.y, day: startDayMs });
    const id = `S${s + 1}`;
    const length = rng.int(SERIES_MIN_EVENTS, SERIES_MAX_EVENTS + 1);
    const near = new DiscSampler(ctx.table, origin, SERIES_LINK_DISTANCE_M);
    const events: LatentEvent[] = [];
    let dayMs = startDayMs;
    for (let k = 0; k < length; k++) {
      const prev = events[k - 1];
      for (let attempt = 0; ; attempt++) {
        if (attempt > 100_000) throw new Error(`could not place event ${k + 1} of series ${id}`);
        // The first event is the origin; the others are drawn within the link distance of it.
        const p = k === 0 ? origin : near.point(rng);
        if (prev && distance(p.x, p.y, prev.x, prev.y) > SERIES_LINK_DISTANCE_M) continue;
        const hour = rng.weightedIndex(PROFILES.residentialBurglary.hourWeight);
        const t = dayMs + hour * MS_PER_HOUR + rng.int(0, 60) * 60_000;
        const w = drawWindow(rng, t, SERIES_BURGLARY_WINDOWS);
        if (w.fromMs < ctx.period.startMs || w.toMs >= ctx.period.endMs) continue;
        if (prev) {
          const gap = midpointDay(w) - midpointDay(prev);
          if (gap < 0 || gap > SERIES_LINK_DAYS) continue;
        }
        events.push({
          dataset: 'police_crimes',
          category: 'Burglary',
          subcategory: 'Burglary - Residential',
          x: p.x,
          y: p.y,
          location: locationText(ctx.streets, p),
          fromMs: w.fromMs,
          toMs: w.toMs,
          planted: id,
        });
        break;
      }
      dayMs += rng.int(1, SERIES_MAX_GAP_DAYS + 1) * MS_PER_DAY;
    }
    series.push({ id, events });
  }
  return series;
}
