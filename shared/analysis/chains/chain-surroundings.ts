/**
 * What surrounds each chain, for the hotspot test of series-flag.ts (DESIGN.md §4 "Near-repeat
 * chains": a chain with most of its events inside a KDE hotspot is hotspot-like):
 *
 *   insideHotspots   members inside any hotspot polygon (even–odd test, hotspots/polygon.ts)
 *   othersNearby     events of the run NOT in the chain that lie closer than distanceM (the link
 *                    distance, same metric) to at least one member, at any date: the chain's place
 *                    at other times
 *   periodDays       days the run's events cover (last − first + 1)
 *
 * A series is busy for a few weeks; a hotspot's stretch of linked events is a place that is busy all
 * period. Over a long period the kernel density of the same records draws a hotspot around every
 * busy series too, so the test compares the chain with its own place at other times rather than
 * with the hotspot polygon, whose size depends on the KDE settings.
 *
 * Cost: the close-pair grid hash of knox/close-pairs.ts over the run (pairs closer than distanceM,
 * any dates), then one pass over each member's pairs.
 */
import { type MultiPolygonCoords, preparedContains, preparePolygon } from '../hotspots/polygon.js';
import type { DistanceMetric } from '../knox/bands.js';
import { findClosePairs } from '../knox/close-pairs.js';
import type { NearRepeatChain } from './chains.js';

export interface ChainSurroundings {
  insideHotspots: number;
  othersNearby: number;
  periodDays: number;
}

export function chainSurroundings(
  events: { x: Float64Array; y: Float64Array; day: ArrayLike<number> },
  chains: readonly Pick<NearRepeatChain, 'members'>[],
  hotspots: readonly MultiPolygonCoords[],
  distanceM: number,
  metric: DistanceMetric,
): ChainSurroundings[] {
  const n = events.x.length;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    first = Math.min(first, events.day[i]);
    last = Math.max(last, events.day[i]);
  }
  const periodDays = n > 0 ? last - first + 1 : 0;
  const prepared = hotspots.flatMap((h) => h.map((polygon) => preparePolygon(polygon)));
  const pairs = findClosePairs(events.x, events.y, [0, distanceM], metric);
  // Neighbour lists of chain members only: a dense run has millions of close pairs, few in chains.
  const inChain = new Uint8Array(n);
  for (const chain of chains) for (const i of chain.members) inChain[i] = 1;
  const neighbours = new Map<number, number[]>();
  const link = (i: number, j: number) => {
    if (!inChain[i]) return;
    let list = neighbours.get(i);
    if (!list) neighbours.set(i, (list = []));
    list.push(j);
  };
  for (let a = 0; a < n; a++) {
    const i = pairs.order[a];
    for (let p = pairs.rowStart[a]; p < pairs.rowStart[a + 1]; p++) {
      const j = pairs.order[pairs.partner[p]];
      link(i, j);
      link(j, i);
    }
  }
  return chains.map((chain) => {
    const members = new Set(chain.members);
    const nearby = new Set<number>();
    let insideHotspots = 0;
    for (const i of chain.members) {
      if (prepared.some((p) => preparedContains(p, events.x[i], events.y[i]))) insideHotspots++;
      for (const j of neighbours.get(i) ?? []) if (!members.has(j)) nearby.add(j);
    }
    return { insideHotspots, othersNearby: nearby.size, periodDays };
  });
}
