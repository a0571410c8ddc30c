/**
 * Worker side of the `nearRepeatChains` job kind (DESIGN.md §4, "Near-repeat chains"): chains of
 * three or more linked events by shared/analysis/chains/chains.ts (same-day ties by the natural
 * order of references), each flagged when it looks like a hotspot rather than a series
 * (series-flag.ts; with the KDE hotspot polygons when given, a chain mostly inside them and no
 * busier than its place at other times, chain-surroundings.ts) and marked live as of the as-of day,
 * and the risk zones of the recent events (risk-zones.ts), optionally cut to patrol shifts with the
 * events' windows.
 */

import { chainSurroundings } from '../../../shared/analysis/chains/chain-surroundings.js';
import { findChains, type NearRepeatChain } from '../../../shared/analysis/chains/chains.js';
import { isLiveChain, type RiskZone, riskZones } from '../../../shared/analysis/chains/risk-zones.js';
import { type SeriesFlag, seriesFlag } from '../../../shared/analysis/chains/series-flag.js';
import type { MultiPolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import type { DistanceMetric } from '../../../shared/analysis/knox/bands.js';

export interface ChainsJobParams {
  x: Float64Array;
  y: Float64Array;
  day: Int32Array;
  distanceM: number;
  days: number;
  metric: DistanceMetric;
  references?: (string | null)[];
  /** Day number of the "as of" day: live chains and risk zones. */
  asOfDay: number;
  /** KDE hotspot polygons in project metres. */
  hotspots?: MultiPolygonCoords[];
  shiftHours?: number;
  fromMs?: Float64Array;
  toMs?: Float64Array;
  precision?: Uint8Array;
}

export interface FlaggedChain extends NearRepeatChain, SeriesFlag {
  live: boolean;
}

export interface ChainsJobResult {
  chains: FlaggedChain[];
  zones: RiskZone[];
}

export function nearRepeatChainsJob(params: ChainsJobParams): ChainsJobResult {
  const { x, y, day, distanceM, days, metric, asOfDay } = params;
  const found = findChains(
    { x, y, day },
    { distanceM, days, metric, ...(params.references ? { references: params.references } : {}) },
  );
  const surroundings =
    params.hotspots && params.hotspots.length > 0
      ? chainSurroundings({ x, y, day }, found, params.hotspots, distanceM, metric)
      : undefined;
  const chains = found.map((chain, k) => ({
    ...chain,
    ...seriesFlag(chain, surroundings?.[k]),
    live: isLiveChain(chain, asOfDay, days),
  }));
  const zones = riskZones({ x, y, day }, found, {
    distanceM,
    days,
    metric,
    asOfDay,
    ...(params.shiftHours === undefined
      ? {}
      : {
          shiftHours: params.shiftHours,
          fromMs: params.fromMs!,
          toMs: params.toMs!,
          ...(params.precision ? { precision: params.precision } : {}),
        }),
  });
  return { chains, zones };
}
