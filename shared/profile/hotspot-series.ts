/**
 * How much of each hotspot is near-repeat series candidates: a hotspot whose events are mostly one
 * chain may be one offender's run rather than a place problem, and patrolling its "peak hours" then
 * chases the series' timing. For each hotspot, the events of series-candidate chains (not the
 * hotspot-like ones) whose point lies inside its outline (even–odd, holes excluded), by chain.
 * Cost O(chain events × vertices) after a bounding-box test.
 */
import { preparedContains, preparePolygon } from '../analysis/hotspots/polygon.js';
import type { ChainsRunResult, KdeHotspot } from '../api/analysis-api.js';
import type { ChainEventRow } from './model.js';

export interface HotspotSeries {
  rank: number;
  /** Events of series candidates inside the hotspot. */
  events: number;
  /** Those events by chain id, most first. */
  byChain: { chainId: number; events: number }[];
}

export function seriesInHotspots(
  hotspots: readonly KdeHotspot[],
  chains: ChainsRunResult | null,
  chainEvents: readonly ChainEventRow[],
): HotspotSeries[] {
  const series = new Set((chains?.chains ?? []).filter((c) => c.flag === null).map((c) => c.id));
  const rows = chainEvents.filter((e) => series.has(e.chainId));
  return hotspots.map((h) => {
    const prepared = preparePolygon(h.polygon);
    const counts = new Map<number, number>();
    for (const e of rows) {
      if (e.x < prepared.minX || e.x > prepared.maxX || e.y < prepared.minY || e.y > prepared.maxY) continue;
      if (preparedContains(prepared, e.x, e.y)) counts.set(e.chainId, (counts.get(e.chainId) ?? 0) + 1);
    }
    const byChain = [...counts.entries()]
      .map(([chainId, events]) => ({ chainId, events }))
      .sort((a, b) => b.events - a.events || a.chainId - b.chainId);
    return { rank: h.rank, events: byChain.reduce((s, c) => s + c.events, 0), byChain };
  });
}
