/**
 * Knox findings in plain words (DESIGN.md §4 "Near repeat"; issue 6: "near-repeat findings in plain
 * words"). The headline reads the first cell of the table, the closest distance band [e₀, e₁) and the
 * shortest time band [t₀, t₁), with e₀ = t₀ = 0:
 *
 *   "Burglaries within 200 m of each other were 2.3 times as likely as expected to occur within
 *    7 days of each other (Knox ratio 2.31, p = 0.001)."
 *
 * A cell is called significant when p < alpha and the ratio > 1 (the rule of
 * shared/analysis/knox/suggest-thresholds.ts). Below alpha with a ratio < 1 the pairs are "less
 * likely"; otherwise "no more likely than expected". "Within d" is only said for a band that starts at
 * 0; a band [a, b) elsewhere is "between a and b".
 */
import type { KnoxReport } from '../analysis/knox/knox-report.js';
import { formatDays, formatMetres, formatRatio, pPhrase } from './format.js';

export const NEAR_REPEAT_ALPHA = 0.05;

export interface SignificantCell {
  row: number;
  column: number;
  ratio: number;
  pValue: number;
}

function distancePhrase(low: number, high: number | null): string {
  if (high === null) return `${formatMetres(low)} or more apart`;
  return low === 0
    ? `within ${formatMetres(high)} of each other`
    : `between ${formatMetres(low)} and ${formatMetres(high)} apart`;
}

function timePhrase(low: number, high: number | null): string {
  if (high === null) return `${formatDays(low)} or more apart`;
  return low === 0
    ? `within ${formatDays(high)} of each other`
    : `between ${low} and ${formatDays(high)} apart`;
}

/**
 * "2.3 times as likely", "25% more likely", "30% less likely", "no more likely". A ratio below 2 is
 * said as a percentage: "1.25 times more likely" is often misread as 125% more.
 */
function likelihood(ratio: number | null, pValue: number, alpha: number): string {
  if (ratio === null) return 'not comparable with what is expected (none expected)';
  if (pValue < alpha && ratio >= 2) return `${ratio.toFixed(1)} times as likely as expected`;
  if (pValue < alpha && ratio > 1) return `${Math.round((ratio - 1) * 100)}% more likely than expected`;
  if (pValue < alpha && ratio < 1) return `${Math.round((1 - ratio) * 100)}% less likely than expected`;
  return 'no more likely than expected';
}

/** The headline sentence; `noun` is the plural subject, e.g. "Burglaries", "Events". */
export function nearRepeatHeadline(report: KnoxReport, noun: string, alpha = NEAR_REPEAT_ALPHA): string {
  const ratio = report.knoxRatio[0]?.[0] ?? null;
  const p = report.pValue[0]?.[0] ?? 1;
  const d = distancePhrase(report.distanceEdges[0] ?? 0, report.distanceEdges[1] ?? null);
  const t = timePhrase(report.timeEdges[0] ?? 0, report.timeEdges[1] ?? null);
  return `${noun} ${d} were ${likelihood(ratio, p, alpha)} to occur ${t} (Knox ratio ${formatRatio(ratio)}, ${pPhrase(p)}).`;
}

/** Cells with p < alpha and ratio > 1, in table order. */
export function significantCells(report: KnoxReport, alpha = NEAR_REPEAT_ALPHA): SignificantCell[] {
  const cells: SignificantCell[] = [];
  for (let r = 0; r < report.observed.length; r++) {
    for (let c = 0; c < report.observed[r]!.length; c++) {
      const ratio = report.knoxRatio[r]![c]!;
      const pValue = report.pValue[r]![c]!;
      if (ratio !== null && ratio > 1 && pValue < alpha) cells.push({ row: r, column: c, ratio, pValue });
    }
  }
  return cells;
}

/** One sentence per significant cell other than the headline cell, at most `max`. */
export function nearRepeatDetails(
  report: KnoxReport,
  noun: string,
  max = 4,
  alpha = NEAR_REPEAT_ALPHA,
): string[] {
  return (
    significantCells(report, alpha)
      // The headline cell is said already; open-ended bands ("800 m or more") say nothing about near repeats.
      .filter((cell) => cell.row !== 0 || cell.column !== 0)
      .filter(
        (cell) => report.distanceEdges[cell.row + 1] !== null && report.timeEdges[cell.column + 1] !== null,
      )
      .slice(0, max)
      .map((cell) => {
        const d = distancePhrase(report.distanceEdges[cell.row]!, report.distanceEdges[cell.row + 1] ?? null);
        const t = timePhrase(report.timeEdges[cell.column]!, report.timeEdges[cell.column + 1] ?? null);
        return `${noun} ${d} and ${t}: ${cell.ratio.toFixed(1)} times the expected number of pairs (${pPhrase(cell.pValue)}).`;
      })
  );
}
