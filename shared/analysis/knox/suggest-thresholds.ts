/**
 * Chain thresholds suggested from a Knox result (DESIGN.md §4, "Near-repeat chains": "suggest the
 * distance and time thresholds from the data, where the Knox ratios stop being significant").
 *
 * Rule, stated: a cell is significant when pValue < α (default 0.05) and knoxRatio > 1. Starting
 * from the significant cells of the first time band, take the region of significant cells
 * 4-connected to them; the suggested distance threshold is the largest finite upper distance edge
 * in the region and the time threshold the largest finite upper time edge (a half-open band
 * [e_k, e_{k+1}) gives threshold e_{k+1}, matching chains' "d < distance, Δ < days"). An open band
 * ("≥ e") in the region cannot give a finite threshold: the last finite edge is used and `capped`
 * says so. No significant cell in the first time band gives no suggestion (null).
 */
import type { KnoxReport } from './knox-report.js';

export interface ThresholdSuggestion {
  distanceM: number;
  days: number;
  /** True when the significant region reached an open band, so the threshold is a lower bound. */
  capped: boolean;
  /** One sentence for the output, e.g. "Knox ratios are significant (p < 0.05) up to 200 m and 14 days". */
  statement: string;
}

export function suggestThresholds(report: KnoxReport, alpha = 0.05): ThresholdSuggestion | null {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const rows = report.observed.length;
  const columns = rows > 0 ? report.observed[0].length : 0;
  const significant = (r: number, t: number): boolean => {
    const ratio = report.knoxRatio[r][t];
    return report.pValue[r][t] < alpha && ratio !== null && ratio > 1;
  };
  const inRegion = new Uint8Array(rows * columns);
  const stack: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (columns > 0 && significant(r, 0)) {
      inRegion[r * columns] = 1;
      stack.push(r * columns);
    }
  }
  if (stack.length === 0) return null;
  while (stack.length > 0) {
    const cell = stack.pop()!;
    const r = Math.floor(cell / columns);
    const t = cell % columns;
    for (const [nr, nt] of [
      [r - 1, t],
      [r + 1, t],
      [r, t - 1],
      [r, t + 1],
    ]) {
      if (nr < 0 || nt < 0 || nr >= rows || nt >= columns) continue;
      const next = nr * columns + nt;
      if (inRegion[next] || !significant(nr, nt)) continue;
      inRegion[next] = 1;
      stack.push(next);
    }
  }
  let distanceM = 0;
  let days = 0;
  let capped = false;
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < columns; t++) {
      if (!inRegion[r * columns + t]) continue;
      const upperDistance = report.distanceEdges[r + 1];
      const upperDays = report.timeEdges[t + 1];
      if (upperDistance === null) {
        capped = true;
        distanceM = Math.max(distanceM, report.distanceEdges[r] ?? 0);
      } else distanceM = Math.max(distanceM, upperDistance);
      if (upperDays === null) {
        capped = true;
        days = Math.max(days, report.timeEdges[t] ?? 0);
      } else days = Math.max(days, upperDays);
    }
  }
  const bound = capped ? ' (the region reaches an open band, so these are lower bounds)' : '';
  return {
    distanceM,
    days,
    capped,
    statement:
      `Knox ratios are significant (p < ${alpha}, ratio > 1) up to ${distanceM} m and ${days} days${bound}: ` +
      `link events closer than ${distanceM} m and fewer than ${days} days apart`,
  };
}
