/**
 * Risk zones for prevention ("cocooning"; DESIGN.md §4, "Near-repeat chains").
 *
 * Near-repeat risk follows every recent event, whether or not it is in a chain yet. As of day D,
 * the recent events are those of the last `days` days up to D: D − days < day_i ≤ D (the chains'
 * strict time threshold: exactly these events could still link to an event on D). Each recent
 * event gets a zone: the buffer of the distance threshold around it (a circle for Euclidean
 * distance, a diamond for Manhattan, as the link rule measures), valid until its own day + days
 * (exclusive, `expiresDay`: from that day on no new event could link to it). So a zone never outlives
 * its event by more than the time threshold, and events older than the threshold get none. A zone
 * carries the id of the chain its event is in, or null.
 *
 * A chain is live on D when it could still grow: lastDay ≤ D < lastDay + days (`isLiveChain`).
 *
 * With `shiftHours` and event windows, each zone also carries aoristic shares per patrol shift
 * (shift-weights.ts): those of its chain's events when it is in one (more evidence of when the series
 * strikes), else those of the event itself.
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
  /** The chain the event is in, or null. */
  chainId: number | null;
  eventIndex: number;
  x: number;
  y: number;
  radiusM: number;
  eventDay: number;
  /** First day the zone no longer applies: the event's day + days. */
  expiresDay: number;
  /** Closed ring of the buffer in project metres (first vertex repeated last). */
  ring: [number, number][];
  /** Shares per shift of the day (sum 1) of the chain's events, or the event's own; with shiftHours. */
  shiftWeights?: number[];
}

/** A chain is live on asOfDay when it could still grow: lastDay ≤ asOfDay < lastDay + days. */
export function isLiveChain(chain: Pick<NearRepeatChain, 'lastDay'>, asOfDay: number, days: number): boolean {
  return chain.lastDay <= asOfDay && asOfDay < chain.lastDay + days;
}

/** The events that can still produce near repeats on asOfDay: asOfDay − days < day ≤ asOfDay. */
export function recentEvents(day: ArrayLike<number>, asOfDay: number, days: number): number[] {
  const recent: number[] = [];
  for (let i = 0; i < day.length; i++) if (day[i] <= asOfDay && day[i] > asOfDay - days) recent.push(i);
  return recent;
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
  const chainOf = new Map<number, NearRepeatChain>();
  for (const chain of chains) for (const i of chain.members) chainOf.set(i, chain);
  const chainWeights = new Map<number, number[]>();
  const weightsOf = (i: number, chain: NearRepeatChain | undefined): number[] | undefined => {
    if (options.shiftHours === undefined) return undefined;
    const members = chain ? chain.members : [i];
    if (chain && chainWeights.has(chain.id)) return chainWeights.get(chain.id);
    const weights = Array.from(
      shiftWeights(options.fromMs!, options.toMs!, members, options.shiftHours, options.precision),
    );
    if (chain) chainWeights.set(chain.id, weights);
    return weights;
  };
  const zones: RiskZone[] = [];
  for (const i of recentEvents(events.day, asOfDay, days)) {
    const chain = chainOf.get(i);
    const zone: RiskZone = {
      chainId: chain ? chain.id : null,
      eventIndex: i,
      x: events.x[i],
      y: events.y[i],
      radiusM: distanceM,
      eventDay: events.day[i],
      expiresDay: events.day[i] + days,
      ring: bufferRing(events.x[i], events.y[i], distanceM, options.metric ?? 'euclidean', segments),
    };
    const weights = weightsOf(i, chain);
    if (weights) zone.shiftWeights = weights;
    zones.push(zone);
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
