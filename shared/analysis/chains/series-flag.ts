/**
 * Which chains look like hotspots rather than series (DESIGN.md §4 "Near-repeat chains"): a chain
 * that grows beyond what a series of linked offending looks like is flagged "hotspot-like: not a
 * series" and never offered as linked offending. The first rule that holds gives the reason:
 *
 *   size > SERIES_MAX_EVENTS (20)          a busy place chaining on, not one series
 *   spanDays > SERIES_MAX_SPAN_DAYS (60)    links hopping on for two months and more
 *   most events inside a KDE hotspot, and   the place's ordinary traffic: events there are
 *   no busier than its place at other times close in space and time anyway
 *
 * The third rule needs care, because a series is itself a concentration of events: over a long
 * period the kernel density of the same records draws a hotspot around each busy series, so "inside
 * a hotspot" alone would flag the very series the chains are for (on the sample town, 26 of its 30
 * planted burglary series). What separates them is time: a hotspot is busy all period, a series for
 * a few weeks. So a chain of n events, k > n/2 of them inside hotspots, is compared with its own
 * place (chain-surroundings.ts): with m = events of the run closer than the link distance to a
 * member but not in the chain, T = days the run covers, w = spanDays + 1,
 *   λ = m · w / (T − w)      the place's usual count in w days, from the other days
 *   p = P(Poisson(λ) ≥ n)    (poisson-tail.ts)
 * The chain stays a series candidate only when p < HOTSPOT_RATE_ALPHA (0.001): far more events in
 * its few days than its place has at other times. Otherwise (or with no other days to compare,
 * T ≤ w) it is hotspot-like. The strict 0.001 allows for the chain being picked as the place's
 * busiest stretch: calling a hotspot's ordinary traffic a series is the error that embarrasses an
 * analyst at a tasking meeting, so doubt flags.
 */

import { formatP } from '../../profile/format.js';
import type { ChainSurroundings } from './chain-surroundings.js';
import type { NearRepeatChain } from './chains.js';
import { poissonUpperTail } from './poisson-tail.js';

/** A series candidate of more events than this is a hotspot, not a series. */
export const SERIES_MAX_EVENTS = 20;
/** A series candidate spanning more days than this is a hotspot, not a series. */
export const SERIES_MAX_SPAN_DAYS = 60;
/** A chain mostly inside hotspots is a series only when its place's usual rate gives p below this. */
export const HOTSPOT_RATE_ALPHA = 0.001;
/** The flag's name in results, and its plain-English label. */
export const HOTSPOT_LIKE = 'hotspot-like';
export const HOTSPOT_LIKE_LABEL = 'hotspot-like: not a series';

export interface SeriesFlag {
  flag: typeof HOTSPOT_LIKE | null;
  /** Why, in words, or null for a series candidate. */
  flagReason: string | null;
  /** Members inside a hotspot; null when no hotspots were given. */
  eventsInHotspots: number | null;
  /** For a chain mostly inside hotspots: its place's usual count in the chain's days (λ) and p; else null. */
  hotspotRate: { expected: number; pValue: number } | null;
}

export function seriesFlag(
  chain: Pick<NearRepeatChain, 'size' | 'spanDays'>,
  surroundings?: ChainSurroundings,
): SeriesFlag {
  const inside = surroundings ? surroundings.insideHotspots : null;
  let rate: SeriesFlag['hotspotRate'] = null;
  if (surroundings && surroundings.insideHotspots * 2 > chain.size) {
    const days = chain.spanDays + 1;
    const otherDays = surroundings.periodDays - days;
    rate =
      otherDays > 0
        ? (() => {
            const expected = (surroundings.othersNearby * days) / otherDays;
            return { expected, pValue: poissonUpperTail(chain.size, expected) };
          })()
        : { expected: Number.NaN, pValue: 1 };
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
      Number.isNaN(rate.expected)
        ? `${inside} of its ${chain.size} events are inside a hotspot, and the data cover no other days to tell it from the place's usual activity`
        : `${inside} of its ${chain.size} events are inside a hotspot, where its place has about ` +
            `${rate.expected.toFixed(1)} events in ${chain.spanDays + 1} days at other times: ${chain.size} is not far ` +
            `enough above that to tell it from the place's usual activity (p = ${formatP(rate.pValue)}; ` +
            `a series needs p < ${HOTSPOT_RATE_ALPHA})`,
    );
  }
  return { flag: null, flagReason: null, eventsInHotspots: inside, hotspotRate: rate };
}
