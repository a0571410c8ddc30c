/**
 * Which chains look like hotspots rather than series (DESIGN.md §4 "Near-repeat chains"): a chain
 * that grows beyond what a series of linked offending looks like is flagged "hotspot-like: not a
 * series" and never offered as linked offending. The first rule that holds gives the reason:
 *
 *   size > SERIES_MAX_EVENTS (20)          a busy place chaining on, not one series
 *   spanDays > SERIES_MAX_SPAN_DAYS (60)    links hopping on for two months and more
 *   most events inside a hotspot, at the    a place that is always busy: the chain is its
 *   hotspot's usual rate                    ordinary traffic, close in space and time anyway
 *
 * The third rule needs care, because a series is itself a concentration of events: over a long
 * period the kernel density of the same records draws a hotspot around each busy series, so "inside
 * a hotspot" alone would flag the very series the chains are for. What separates them is time: a
 * hotspot is busy all period, a series is busy for a few weeks. So for a chain with k of its n
 * members inside hotspots H (k > n/2; H = the hotspots holding those members), with
 *   N_H = events of the run inside H,  T = days the run's events cover (last − first + 1),
 *   w = spanDays + 1 (the days of the chain),
 * the hotspot's usual count in w days, from its other events, is λ = (N_H − k) · w / T, and
 *   p = P(Poisson(λ) ≥ k)   (poisson-tail.ts).
 * The chain is a series candidate only when p < HOTSPOT_RATE_ALPHA (0.001): far more events in its
 * few days than the place has at other times. Otherwise it is hotspot-like. The strict 0.001 (not
 * 0.05) allows for the chain being picked as the busiest stretch: calling a hotspot's ordinary
 * traffic a series is the error that embarrasses an analyst at a tasking meeting, so doubt flags.
 * "Inside" is the even–odd test of shared/analysis/hotspots/polygon.ts; an event counts once,
 * for the first hotspot holding it.
 */
import {
  type MultiPolygonCoords,
  type PreparedPolygon,
  preparedContains,
  preparePolygon,
} from '../hotspots/polygon.js';
import type { NearRepeatChain } from './chains.js';
import { poissonUpperTail } from './poisson-tail.js';

/** A series candidate of more events than this is a hotspot, not a series. */
export const SERIES_MAX_EVENTS = 20;
/** A series candidate spanning more days than this is a hotspot, not a series. */
export const SERIES_MAX_SPAN_DAYS = 60;
/** A chain mostly inside hotspots is a series only when the hotspots' usual rate gives p below this. */
export const HOTSPOT_RATE_ALPHA = 0.001;
/** The flag's name in results, and its plain-English label. */
export const HOTSPOT_LIKE = 'hotspot-like';
export const HOTSPOT_LIKE_LABEL = 'hotspot-like: not a series';

/** Which hotspot holds each event, and how many events each holds, over a run's events. */
export interface HotspotMembership {
  /** Index of the first hotspot holding event i, or −1. */
  hotspotOf: Int32Array;
  /** Events inside each hotspot (each event counted for its first hotspot only). */
  eventsIn: Int32Array;
  /** Days the run's events cover: last day − first day + 1. */
  periodDays: number;
}

export function hotspotMembership(
  events: { x: ArrayLike<number>; y: ArrayLike<number>; day: ArrayLike<number> },
  hotspots: readonly MultiPolygonCoords[],
): HotspotMembership {
  const n = events.x.length;
  const prepared: PreparedPolygon[][] = hotspots.map((h) => h.map((polygon) => preparePolygon(polygon)));
  const hotspotOf = new Int32Array(n).fill(-1);
  const eventsIn = new Int32Array(hotspots.length);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    first = Math.min(first, events.day[i]);
    last = Math.max(last, events.day[i]);
    for (let h = 0; h < prepared.length; h++) {
      if (prepared[h].some((p) => preparedContains(p, events.x[i], events.y[i]))) {
        hotspotOf[i] = h;
        eventsIn[h]++;
        break;
      }
    }
  }
  return { hotspotOf, eventsIn, periodDays: n > 0 ? last - first + 1 : 0 };
}

export interface SeriesFlag {
  flag: typeof HOTSPOT_LIKE | null;
  /** Why, in words, or null for a series candidate. */
  flagReason: string | null;
  /** Members inside a hotspot; null when no hotspots were given. */
  eventsInHotspots: number | null;
  /** For a chain mostly inside hotspots: their usual count in the chain's days (λ) and p; else null. */
  hotspotRate: { expected: number; pValue: number } | null;
}

export function seriesFlag(
  chain: Pick<NearRepeatChain, 'size' | 'spanDays' | 'members'>,
  membership?: HotspotMembership,
): SeriesFlag {
  let inside: number | null = null;
  let rate: SeriesFlag['hotspotRate'] = null;
  if (membership) {
    const held = new Set<number>();
    inside = 0;
    for (const i of chain.members) {
      const h = membership.hotspotOf[i];
      if (h < 0) continue;
      inside++;
      held.add(h);
    }
    if (inside * 2 > chain.size) {
      let total = 0;
      for (const h of held) total += membership.eventsIn[h];
      const expected = ((total - inside) * (chain.spanDays + 1)) / membership.periodDays;
      rate = { expected, pValue: poissonUpperTail(inside, expected) };
    }
  }
  const flagged = (reason: string): SeriesFlag => ({
    flag: HOTSPOT_LIKE,
    flagReason: `${HOTSPOT_LIKE_LABEL}: ${reason}`,
    eventsInHotspots: inside,
    hotspotRate: rate,
  });
  if (chain.size > SERIES_MAX_EVENTS) {
    return flagged(`${chain.size} events, more than the ${SERIES_MAX_EVENTS} a series would have`);
  }
  if (chain.spanDays > SERIES_MAX_SPAN_DAYS) {
    return flagged(`spans ${chain.spanDays} days, more than ${SERIES_MAX_SPAN_DAYS}`);
  }
  if (rate && !(rate.pValue < HOTSPOT_RATE_ALPHA)) {
    return flagged(
      `${inside} of its ${chain.size} events are inside a hotspot, which has about ${rate.expected.toFixed(1)} ` +
        `in ${chain.spanDays + 1} days at other times (p = ${formatP(rate.pValue)}): the place's usual activity`,
    );
  }
  return { flag: null, flagReason: null, eventsInHotspots: inside, hotspotRate: rate };
}

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
