/**
 * Worker side of the `nearRepeatChains` job kind (DESIGN.md §4, "Near-repeat chains"): chains by
 * shared/analysis/chains/chains.ts and, when an as-of day is given, the risk zones of the chains
 * live on that day (risk-zones.ts), optionally cut to patrol shifts with the events' windows.
 */
import { findChains, type NearRepeatChain } from '../../../shared/analysis/chains/chains.js';
import { type RiskZone, riskZones } from '../../../shared/analysis/chains/risk-zones.js';
import type { DistanceMetric } from '../../../shared/analysis/knox/bands.js';

export interface ChainsJobParams {
  x: Float64Array;
  y: Float64Array;
  day: Int32Array;
  distanceM: number;
  days: number;
  metric: DistanceMetric;
  references?: (string | null)[];
  /** Day number of the "as of" day for risk zones; none → no zones. */
  asOfDay?: number;
  shiftHours?: number;
  fromMs?: Float64Array;
  toMs?: Float64Array;
  precision?: Uint8Array;
}

export interface ChainsJobResult {
  chains: NearRepeatChain[];
  zones: RiskZone[];
}

export function nearRepeatChainsJob(params: ChainsJobParams): ChainsJobResult {
  const { x, y, day, distanceM, days, metric } = params;
  const chains = findChains(
    { x, y, day },
    { distanceM, days, metric, ...(params.references ? { references: params.references } : {}) },
  );
  if (params.asOfDay === undefined) return { chains, zones: [] };
  const zones = riskZones({ x, y, day }, chains, {
    distanceM,
    days,
    metric,
    asOfDay: params.asOfDay,
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
