/**
 * Knox findings in plain words (DESIGN.md §4 "Near repeat"; issue 10 item 4). The headline reads the
 * first cell of the table, the closest distance band [e₀, e₁) and the shortest time band [t₀, t₁):
 *
 *   "Burglaries within 200 m of each other were 2.3 times as likely as expected to occur within
 *    7 days of each other (Knox ratio 2.31, p = 0.001, q = 0.006 after Benjamini–Hochberg
 *    correction across the table’s 25 cells)."
 *
 * A cell is significant by the report's own `significant` matrix (shared/analysis/knox/
 * knox-significance.ts: q < 0.05 after BH across the table, ratio above 1.00); with q < 0.05 and a
 * ratio < 1 the pairs are "less likely"; otherwise "no more likely than expected". Outputs put the
 * report's `reading` (clustering in space and time, not a common offender) beside every Knox
 * finding. Chains flagged hotspot-like are never called series (§4 "Near-repeat chains").
 */
import type { KnoxReport } from '../analysis/knox/knox-report.js';
import { KNOX_ALPHA } from '../analysis/knox/knox-significance.js';
import type { ChainSummary, ChainsRunResult, RiskZoneSummary } from '../api/analysis-api.js';
import { formatCount, formatDays, formatMetres, formatRatio, pPhrase } from './format.js';

export const NEAR_REPEAT_ALPHA = KNOX_ALPHA;

/** What a chain is and is not, said with every chain table. */
export const CHAIN_READING =
  'A chain is a candidate series for the analyst to examine (same offender, modus operandi, property), not proof of linked offending.';

export interface SignificantCell {
  row: number;
  column: number;
  ratio: number;
  pValue: number;
  qValue: number;
}

/** Significant after BH with a ratio above 1.00: the report's own decision (knox-significance.ts). */
export function isSignificantCell(report: KnoxReport, row: number, column: number): boolean {
  return report.significant[row]?.[column] === true;
}

function cells(report: KnoxReport): number {
  return report.observed.reduce((s, row) => s + row.length, 0);
}

/** "p = 0.001, q = 0.006 after Benjamini–Hochberg correction across the table’s 25 cells". */
export function cellEvidence(report: KnoxReport, row: number, column: number): string {
  const p = pPhrase(report.pValue[row]?.[column] ?? 1);
  const q = pPhrase(report.qValue[row]?.[column] ?? 1).replace(/^p/, 'q');
  return `${p}, ${q} after Benjamini–Hochberg correction across the table’s ${cells(report)} cells`;
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
function likelihood(ratio: number | null, significant: boolean, lower: boolean): string {
  if (ratio === null) return 'not comparable with what is expected (none expected)';
  if (significant && ratio >= 2) return `${ratio.toFixed(1)} times as likely as expected`;
  if (significant && ratio > 1) return `${Math.round((ratio - 1) * 100)}% more likely than expected`;
  if (lower && ratio < 1) return `${Math.round((1 - ratio) * 100)}% less likely than expected`;
  return 'no more likely than expected';
}

/** The headline sentence; `noun` is the plural subject, e.g. "Burglaries", "Events". */
export function nearRepeatHeadline(report: KnoxReport, noun: string, alpha = NEAR_REPEAT_ALPHA): string {
  const ratio = report.knoxRatio[0]?.[0] ?? null;
  const significant = isSignificantCell(report, 0, 0);
  const lower = !significant && ratio !== null && ratio < 1 && (report.qValue[0]?.[0] ?? 1) < alpha;
  const d = distancePhrase(report.distanceEdges[0] ?? 0, report.distanceEdges[1] ?? null);
  const t = timePhrase(report.timeEdges[0] ?? 0, report.timeEdges[1] ?? null);
  return `${noun} ${d} were ${likelihood(ratio, significant, lower)} to occur ${t} (Knox ratio ${formatRatio(ratio)}, ${cellEvidence(report, 0, 0)}).`;
}

/** Significant cells (BH, ratio above 1.00), in table order. */
export function significantCells(report: KnoxReport): SignificantCell[] {
  const out: SignificantCell[] = [];
  for (let r = 0; r < report.observed.length; r++) {
    for (let c = 0; c < report.observed[r]!.length; c++) {
      const ratio = report.knoxRatio[r]![c]!;
      if (ratio === null || !isSignificantCell(report, r, c)) continue;
      out.push({ row: r, column: c, ratio, pValue: report.pValue[r]![c]!, qValue: report.qValue[r]![c]! });
    }
  }
  return out;
}

/** One sentence per significant cell other than the headline cell, at most `max`. */
export function nearRepeatDetails(report: KnoxReport, noun: string, max = 4): string[] {
  return (
    significantCells(report)
      // The headline cell is said already; open-ended bands ("800 m or more") say nothing about near repeats.
      .filter((cell) => cell.row !== 0 || cell.column !== 0)
      .filter(
        (cell) => report.distanceEdges[cell.row + 1] !== null && report.timeEdges[cell.column + 1] !== null,
      )
      .slice(0, max)
      .map((cell) => {
        const d = distancePhrase(report.distanceEdges[cell.row]!, report.distanceEdges[cell.row + 1] ?? null);
        const t = timePhrase(report.timeEdges[cell.column]!, report.timeEdges[cell.column + 1] ?? null);
        // The correction is said once, in the headline; each detail gives its p and q.
        const q = pPhrase(cell.qValue).replace(/^p/, 'q');
        return `${noun} ${d} and ${t}: ${cell.ratio.toFixed(1)} times the expected number of pairs (${pPhrase(cell.pValue)}, ${q}).`;
      })
  );
}

// ---- chains ------------------------------------------------------------------------------------

export function isHotspotLike(c: ChainSummary): boolean {
  return c.flag === 'hotspot-like';
}

/** Could still grow on the run's as-of date. */
export function isLiveChain(c: ChainSummary): boolean {
  return c.live;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface RiskZonesOn {
  /** Zones with real dates (a zone with a broken date is left out, never printed). */
  zones: RiskZoneSummary[];
  /** Those still in force on the date: a zone applies until its expiry day, exclusive. */
  live: RiskZoneSummary[];
  /** The last expiry day of any zone, yyyy-mm-dd; null when there is none. */
  lastExpiry: string | null;
}

/** The risk zones as they stand on `date` (yyyy-mm-dd; any other text counts every zone as live). */
export function riskZonesOn(all: readonly RiskZoneSummary[], date: string): RiskZonesOn {
  // yyyy-mm-dd strings compare and sort as dates.
  const zones = all.filter((z) => ISO_DATE.test(z.eventDate) && ISO_DATE.test(z.expiresDate));
  const live = ISO_DATE.test(date) ? zones.filter((z) => z.expiresDate > date) : zones;
  const lastExpiry =
    zones
      .map((z) => z.expiresDate)
      .sort()
      .at(-1) ?? null;
  return { zones, live, lastExpiry };
}

/** "hotspot-like: not a series: 34 events, more than the 20 a series would have". */
export function hotspotLikeReason(c: ChainSummary): string {
  return c.flagReason ?? 'hotspot-like: not a series';
}

/** Chains that could be series (3 or more events, not hotspot-like), hotspot-like ones, and live series. */
export function chainCounts(chains: ChainsRunResult): { series: number; hotspotLike: number; live: number } {
  const series = chains.chains.filter((c) => !isHotspotLike(c) && c.size >= 3);
  return {
    series: series.length,
    hotspotLike: chains.chains.filter(isHotspotLike).length,
    live: series.filter(isLiveChain).length,
  };
}

/** Members by crime reference (record ids where a record has none): "CR/1, CR/7 and 3 more". */
export function chainMembers(c: ChainSummary, max = 8): string {
  const names = c.memberRecordIds.map((id, k) => c.references[k] ?? `record ${id}`);
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${formatCount(names.length - max)} more` : shown;
}
