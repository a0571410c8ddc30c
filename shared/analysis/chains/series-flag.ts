/**
 * Which chains look like hotspots rather than series (DESIGN.md §4 "Near-repeat chains"): a chain
 * that grows beyond what a series of linked offending looks like is flagged "hotspot-like: not a
 * series" and never offered as linked offending.
 *
 *   size > SERIES_MAX_EVENTS (20)              a busy place chaining day after day, not one series
 *   spanDays > SERIES_MAX_SPAN_DAYS (60)        links hopping on for two months and more
 *   inside > size / 2 (hotspots given)          most of its events inside a KDE hotspot polygon,
 *                                               where events are close in space and time anyway
 *
 * The first rule that holds gives the reason, in words. "Inside" is the even–odd point-in-polygon
 * test of shared/analysis/hotspots/polygon.ts against any of the hotspots (MultiPolygon coordinates
 * in project metres); an event counts once however many hotspots hold it. Cost O(members × polygon
 * edges) per chain.
 */
import { type MultiPolygonCoords, pointInMultiPolygon } from '../hotspots/polygon.js';
import type { NearRepeatChain } from './chains.js';

/** A series candidate of more events than this is a hotspot, not a series. */
export const SERIES_MAX_EVENTS = 20;
/** A series candidate spanning more days than this is a hotspot, not a series. */
export const SERIES_MAX_SPAN_DAYS = 60;
/** The flag's name in results, and its plain-English label. */
export const HOTSPOT_LIKE = 'hotspot-like';
export const HOTSPOT_LIKE_LABEL = 'hotspot-like: not a series';

export interface SeriesFlag {
  flag: typeof HOTSPOT_LIKE | null;
  /** Why, in words, or null for a series candidate. */
  flagReason: string | null;
  /** Members inside a hotspot polygon; null when no hotspots were given. */
  eventsInHotspots: number | null;
}

export function seriesFlag(
  chain: Pick<NearRepeatChain, 'size' | 'spanDays' | 'members'>,
  events: { x: ArrayLike<number>; y: ArrayLike<number> },
  hotspots?: readonly MultiPolygonCoords[],
): SeriesFlag {
  let inside: number | null = null;
  if (hotspots && hotspots.length > 0) {
    inside = 0;
    for (const i of chain.members) {
      if (hotspots.some((h) => pointInMultiPolygon(h, events.x[i], events.y[i]))) inside++;
    }
  }
  const flagged = (reason: string): SeriesFlag => ({
    flag: HOTSPOT_LIKE,
    flagReason: `${HOTSPOT_LIKE_LABEL}: ${reason}`,
    eventsInHotspots: inside,
  });
  if (chain.size > SERIES_MAX_EVENTS) {
    return flagged(`${chain.size} events, more than the ${SERIES_MAX_EVENTS} a series would have`);
  }
  if (chain.spanDays > SERIES_MAX_SPAN_DAYS) {
    return flagged(`spans ${chain.spanDays} days, more than ${SERIES_MAX_SPAN_DAYS}`);
  }
  if (inside !== null && inside * 2 > chain.size) {
    return flagged(`${inside} of its ${chain.size} events are inside a hotspot`);
  }
  return { flag: null, flagReason: null, eventsInHotspots: inside };
}
