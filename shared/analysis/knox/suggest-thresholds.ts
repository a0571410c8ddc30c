/**
 * Chain thresholds suggested from a Knox report (DESIGN.md §4 "Near-repeat chains": "from the
 * tightest significant Knox cell … never from the outermost").
 *
 * Rule, stated: take the cells the report calls significant (knox-significance.ts: BH q < 0.05 across
 * the table and ratio above 1.00). The tightest is the first distance band holding a significant
 * cell and, in that band, the first significant time band (cells ordered by distance band, then time
 * band). The thresholds are that cell's upper edges: a band [e_k, e_{k+1}) gives e_{k+1}, matching
 * the chains' strict link rule "d < distanceM and Δ < days".
 *
 * Cells that cannot give a usable threshold are passed over, and the statement says so:
 *   • a band with an open upper edge ("≥ e"): no finite threshold, and clustering beyond the last
 *     finite edge is not a near repeat;
 *   • a distance band ending at or below SAME_LOCATION_EDGE_M (the NRC preset's "same location" row,
 *     [0, ε) with ε the smallest double): a threshold of ~0 m links only identical points, so the
 *     first significant band with a positive upper edge is taken instead (repeats at the very same
 *     place are the repeat-location table's business).
 * No usable significant cell gives no suggestion (null). The linking metric is the Knox run's, so
 * "200 m" means the same thing in the table and in the chains.
 *
 * Widening to the outermost significant cell (the old rule) links pairs whose excess comes from the
 * hotspot changing over weeks, not from near repeats, and turns neighbourhoods into "series".
 */
import type { DistanceMetric } from './bands.js';
import type { KnoxReport } from './knox-report.js';
import { SAME_LOCATION_EDGE_M } from './nrc-preset.js';

export interface ThresholdSuggestion {
  distanceM: number;
  days: number;
  /** The Knox run's distance metric: chains must link with the same one. */
  metric: DistanceMetric;
  /** Kept for older readers: always false (cells with an open edge are never suggested). */
  capped: false;
  /** The cell the thresholds came from (row = distance band, column = time band). */
  cell: { distanceBand: number; timeBand: number; ratio: number; pValue: number; qValue: number };
  /** Where the thresholds came from, e.g. "tightest significant Knox cell: [0, 200) m × [0, 7) days, ratio 1.80, q = 0.003". */
  source: string;
  /** One sentence for the output: the thresholds, why, and what was passed over. */
  statement: string;
}

export function suggestThresholds(report: KnoxReport): ThresholdSuggestion | null {
  const rows = report.significant.length;
  let passedSameLocation = false;
  for (let r = 0; r < rows; r++) {
    const upperM = report.distanceEdges[r + 1] ?? null;
    if (upperM === null) continue;
    const row = report.significant[r];
    for (let t = 0; t < row.length; t++) {
      const upperDays = report.timeEdges[t + 1] ?? null;
      if (!row[t] || upperDays === null) continue;
      if (upperM <= SAME_LOCATION_EDGE_M) {
        passedSameLocation = true;
        break;
      }
      const ratio = report.knoxRatio[r][t] ?? Number.NaN;
      const qValue = report.qValue[r][t];
      const cellText =
        `${report.distanceLabels[r] ?? `row ${r + 1}`} × ${report.timeLabels[t] ?? `column ${t + 1}`}, ` +
        `ratio ${ratio.toFixed(2)}, q = ${formatQ(qValue)}`;
      const source = `tightest significant Knox cell: ${cellText}`;
      const sameLocation = passedSameLocation
        ? ' The same-location row is significant too, but a 0 m threshold would link only identical points, so the next significant distance band is used.'
        : '';
      return {
        distanceM: upperM,
        days: upperDays,
        metric: report.metric,
        capped: false,
        cell: { distanceBand: r, timeBand: t, ratio, pValue: report.pValue[r][t], qValue },
        source,
        statement:
          `Suggested chain thresholds from the ${source}: link events closer than ${upperM} m ` +
          `(${report.metric} distance, as the Knox test) and fewer than ${upperDays} days apart.${sameLocation}`,
      };
    }
  }
  return null;
}

function formatQ(q: number): string {
  return q < 0.001 ? '< 0.001' : q.toFixed(3);
}
