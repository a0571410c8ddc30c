/**
 * Risk zones for prevention ("cocooning"; DESIGN.md §4, "Near-repeat chains").
 *
 * A chain is live on day D (the "as of" day) when its last event is on or before D and a new
 * event on D could still link to it: lastDay ≤ D < lastDay + days (the chains' strict time
 * threshold). Each event of a live chain gets a zone: the buffer of the distance threshold around
 * it (a circle for Euclidean distance, a diamond for Manhattan, as the link rule measures), valid
 * from the as-of day until the chain's last day + days (exclusive, `expiresDay`: from that day on no
 * new event could link). Chains whose last event is after D are not live as of D.
 *
 * With `shiftHours` and event windows, each zone also carries the chain's aoristic shares per
 * patrol shift (shift-weights.ts), so patrols can be cut to the shifts that matter.
 */
import type { DistanceMetric } from '../knox/bands.js';
import type { NearRepeatChain } from './chains.js';
import { shiftWeights } from './shift-weights.js';

export interface RiskZoneOptions {
  distanceM: number;
  days: number;
  asOfDay: number;
  metric?: DistanceMetric;
  /** Vertices of a circular zone's ring; default 32. */
  segments?: number;
  /** Patrol shift length in hours (must divide 24), with the events' windows below. */
  shiftHours?: number;
  fromMs?: ArrayLike<number>;
  toMs?: ArrayLike<number>;
  /** PRECISION_CODE per event (a date-only record spreads over its day); default from the windows. */
  precision?: ArrayLike<number>;
}

export interface RiskZone {
  chainId: number;
  eventIndex: number;
  x: number;
  y: number;
  radiusM: number;
  eventDay: number;
  /** First day the zone no longer applies: the chain's last day + days. */
  expiresDay: number;
  /** Closed ring of the buffer in project metres (first vertex repeated last). */
  ring: [number, number][];
  /** Shares of the chain's events per shift of the day (sum 1), when shifts were asked for. */
  shiftWeights?: number[];
}

/** Chains live on asOfDay: lastDay ≤ asOfDay < lastDay + days. */
export function liveChains(
  chains: readonly NearRepeatChain[],
  asOfDay: number,
  days: number,
): NearRepeatChain[] {
  return chains.filter((chain) => chain.lastDay <= asOfDay && asOfDay < chain.lastDay + days);
}

export function riskZones(
  events: { x: ArrayLike<number>; y: ArrayLike<number>; day: ArrayLike<number> },
  chains: readonly NearRepeatChain[],
  options: RiskZoneOptions,
): RiskZone[] {
  const { distanceM, days, asOfDay } = options;
  const segments = options.segments ?? 32;
  if (!(Number.isFinite(distanceM) && distanceM > 0))
    throw new RangeError(`distanceM must be > 0, got ${distanceM}`);
  if (!(Number.isInteger(days) && days >= 1))
    throw new RangeError(`days must be a whole number >= 1, got ${days}`);
  if (!Number.isInteger(asOfDay)) throw new RangeError(`asOfDay must be a whole day number, got ${asOfDay}`);
  if (!(Number.isInteger(segments) && segments >= 4))
    throw new RangeError(`segments must be >= 4, got ${segments}`);
  if (options.shiftHours !== undefined && !(options.fromMs && options.toMs)) {
    throw new RangeError('shiftHours needs the events’ fromMs and toMs windows');
  }
  const zones: RiskZone[] = [];
  for (const chain of liveChains(chains, asOfDay, days)) {
    const weights =
      options.shiftHours === undefined
        ? undefined
        : Array.from(
            shiftWeights(
              options.fromMs!,
              options.toMs!,
              chain.members,
              options.shiftHours,
              options.precision,
            ),
          );
    for (const i of chain.members) {
      const zone: RiskZone = {
        chainId: chain.id,
        eventIndex: i,
        x: events.x[i],
        y: events.y[i],
        radiusM: distanceM,
        eventDay: events.day[i],
        expiresDay: chain.lastDay + days,
        ring: bufferRing(events.x[i], events.y[i], distanceM, options.metric ?? 'euclidean', segments),
      };
      if (weights) zone.shiftWeights = weights;
      zones.push(zone);
    }
  }
  return zones;
}

/** A closed ring around (x, y): a circle of `segments` vertices, or the Manhattan diamond. */
export function bufferRing(
  x: number,
  y: number,
  radiusM: number,
  metric: DistanceMetric,
  segments: number,
): [number, number][] {
  const ring: [number, number][] = [];
  if (metric === 'manhattan') {
    ring.push([x + radiusM, y], [x, y + radiusM], [x - radiusM, y], [x, y - radiusM]);
  } else {
    for (let k = 0; k < segments; k++) {
      const angle = (2 * Math.PI * k) / segments;
      ring.push([x + radiusM * Math.cos(angle), y + radiusM * Math.sin(angle)]);
    }
  }
  ring.push(ring[0]);
  return ring;
}
