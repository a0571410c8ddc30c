/**
 * Near-repeat chains (DESIGN.md §4, "Near-repeat chains"): series candidates.
 *
 * Link events i and j when d(i, j) < distanceM and |day_i − day_j| < days (strict, the same
 * half-open convention as the Knox bands, so a Knox band [e_k, e_{k+1}) that is significant maps
 * to the threshold e_{k+1}; see knox/suggest-thresholds.ts). Distance is Euclidean (default) or
 * Manhattan, in projected metres (the metric of the Knox run the thresholds came from). Chains
 * (series candidates) are the connected components (union–find) of the link graph with
 * CHAIN_MIN_EVENTS (three) or more events: a lone linked pair is a near repeat, not a series. A
 * chain may be longer in time than `days` by hopping; series-flag.ts flags those that look like
 * hotspots.
 *
 * Per chain: size; members ordered by (day, tie rule); the originating event = the first of
 * them; first/last day and span = last − first (days); centroid = mean of member coordinates;
 * area = area of the members' convex hull (m², 0 when they are collinear or coincide).
 * Tie rule for the origin and the member order, stated and reproducible: earliest day, then the
 * reference in natural order (natural-order.ts: "CR/9" before "CR/10"; events without one after
 * those with one), then the lower input index. Chains are numbered 1, 2, … in the order of their origins.
 *
 * Cost: the close-pair grid hash of knox/close-pairs.ts, O(n log n + candidate pairs), then
 * near-linear union–find.
 */
import type { EventColumns } from '../../model/records.js';
import { assertProjectedCoordinates } from '../knox/assert-projected.js';
import type { DistanceMetric } from '../knox/bands.js';
import { findClosePairs } from '../knox/close-pairs.js';
import { convexHull, polygonArea } from './convex-hull.js';
import { naturalCompare } from './natural-order.js';
import { UnionFind } from './union-find.js';

/** Fewest events in a chain: a pair is a near repeat, three linked events a series candidate. */
export const CHAIN_MIN_EVENTS = 3;

export interface ChainOptions {
  /** Link events closer than this many metres (> 0). */
  distanceM: number;
  /** Link events fewer than this many days apart (whole days ≥ 1). */
  days: number;
  metric?: DistanceMetric;
  /** Record references, used to break same-day ties for the origin (see the tie rule). */
  references?: readonly (string | null | undefined)[];
}

export interface NearRepeatChain {
  /** 1-based, in the order of the chains' origins. */
  id: number;
  size: number;
  /** Input indices of the members, ordered by the tie rule (day, reference, index). */
  members: number[];
  /** Input index of the originating event (members[0]). */
  origin: number;
  firstDay: number;
  lastDay: number;
  spanDays: number;
  /** Number of links (pairs within both thresholds) inside the chain. */
  links: number;
  centroidX: number;
  centroidY: number;
  areaM2: number;
}

export function findChains(events: EventColumns, options: ChainOptions): NearRepeatChain[] {
  const { distanceM, days } = options;
  const metric = options.metric ?? 'euclidean';
  if (!(Number.isFinite(distanceM) && distanceM > 0))
    throw new RangeError(`distanceM must be > 0, got ${distanceM}`);
  if (!(Number.isInteger(days) && days >= 1))
    throw new RangeError(`days must be a whole number >= 1, got ${days}`);
  if (metric !== 'euclidean' && metric !== 'manhattan') {
    throw new RangeError(`metric must be 'euclidean' or 'manhattan', got ${String(metric)}`);
  }
  const { x, y, day } = events;
  const n = x.length;
  if (day.length !== n) throw new RangeError(`day must have one entry per event, got ${day.length} for ${n}`);
  if (options.references && options.references.length !== n) {
    throw new RangeError(
      `references must have one entry per event, got ${options.references.length} for ${n}`,
    );
  }
  assertProjectedCoordinates(x, y);

  const pairs = findClosePairs(x, y, [0, distanceM], metric);
  const sets = new UnionFind(n);
  const linkA: number[] = [];
  for (let a = 0; a < n; a++) {
    const i = pairs.order[a];
    for (let p = pairs.rowStart[a]; p < pairs.rowStart[a + 1]; p++) {
      const j = pairs.order[pairs.partner[p]];
      if (Math.abs(day[i] - day[j]) < days) {
        sets.union(i, j);
        linkA.push(i);
      }
    }
  }

  const membersByRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (sets.setSize(i) < CHAIN_MIN_EVENTS) continue;
    const root = sets.find(i);
    let list = membersByRoot.get(root);
    if (!list) membersByRoot.set(root, (list = []));
    list.push(i);
  }
  const linksByRoot = new Map<number, number>();
  for (const i of linkA) {
    const root = sets.find(i);
    linksByRoot.set(root, (linksByRoot.get(root) ?? 0) + 1);
  }

  const before = eventOrder(day, options.references);
  const chains: NearRepeatChain[] = [];
  for (const [root, members] of membersByRoot) {
    members.sort(before);
    let sumX = 0;
    let sumY = 0;
    let lastDay = day[members[0]];
    const mx: number[] = [];
    const my: number[] = [];
    for (const i of members) {
      sumX += x[i];
      sumY += y[i];
      if (day[i] > lastDay) lastDay = day[i];
      mx.push(x[i]);
      my.push(y[i]);
    }
    const firstDay = day[members[0]];
    chains.push({
      id: 0,
      size: members.length,
      members,
      origin: members[0],
      firstDay,
      lastDay,
      spanDays: lastDay - firstDay,
      links: linksByRoot.get(root) ?? 0,
      centroidX: sumX / members.length,
      centroidY: sumY / members.length,
      areaM2: polygonArea(convexHull(mx, my)),
    });
  }
  chains.sort((a, b) => before(a.origin, b.origin));
  chains.forEach((chain, k) => {
    chain.id = k + 1;
  });
  return chains;
}

/** The tie rule as a comparator of input indices: day, then reference (missing last), then index. */
export function eventOrder(
  day: Int32Array,
  references?: readonly (string | null | undefined)[],
): (i: number, j: number) => number {
  return (i, j) => {
    if (day[i] !== day[j]) return day[i] - day[j];
    if (references) {
      const ri = references[i] ?? null;
      const rj = references[j] ?? null;
      if (ri !== rj) {
        if (ri === null) return 1;
        if (rj === null) return -1;
        return naturalCompare(ri, rj);
      }
    }
    return i - j;
  };
}
