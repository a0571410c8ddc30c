/**
 * The caveats of the data behind an output (DESIGN.md §4 "Guard rails", "Provenance on every
 * output"): what a reader must know before believing a figure made from these records. One rule,
 * one wording, used by every analysis, the profile and every export (a second copy drifts: KDE
 * outputs once lost police.uk's caveats that Knox outputs kept).
 *
 *   preset caveat   the mapping preset's own (police.uk: points snapped to anonymised map locations,
 *                   dates to the month only)
 *   rejected rows   rows refused at import are not counted
 *   area-only       records with an area code only are counted per area, never mapped as points
 *   month-only      month-only records count in monthly totals but not in hour or day methods
 *   windows         records with a from/to window are dated by its midpoint (or start) in day-level methods
 */
import { formatCount, formatShare } from '../profile/format.js';

export interface CaveatSource {
  /** Dataset name, as the analyst named it. */
  name: string;
  /** Caveats of the mapping presets its imports used (e.g. police.uk's). */
  presetCaveats: readonly string[];
  imports: readonly { fileName: string; rowsRead: number; rowsAccepted: number; rowsRejected: number }[];
  /** Records of the dataset that the output used, by kind. */
  areaOnly: number;
  monthOnly: number;
  windows: number;
  /** Records of the dataset the output used, the denominator of the counts above (when known). */
  records?: number;
}

export interface CaveatContext {
  /** How a day-level output (Knox, chains, period counts) dated window records; null when it does not. */
  windowBasis: 'midpoint' | 'start' | null;
}

export function dataCaveats(sources: readonly CaveatSource[], context: CaveatContext): string[] {
  const caveats: string[] = [];
  for (const d of sources) {
    for (const caveat of d.presetCaveats) caveats.push(`${d.name}: ${caveat}.`);
    for (const i of d.imports) {
      if (i.rowsRejected === 0) continue;
      caveats.push(
        `${d.name}: ${formatCount(i.rowsRejected)} of ${formatCount(i.rowsRead)} rows of ${i.fileName} were rejected at import ` +
          `(${formatShare(i.rowsAccepted / Math.max(1, i.rowsRead))} kept; reasons in the project's import log) and are not counted.`,
      );
    }
    if (d.areaOnly > 0) {
      caveats.push(
        `${d.name}: ${formatCount(d.areaOnly)} records carry an area code only (no point); they are counted per area and in totals, never mapped as points or used in point methods.`,
      );
    }
    if (d.monthOnly > 0) {
      caveats.push(
        `${d.name}: ${formatCount(d.monthOnly)} records are dated to the month only; they count in monthly totals but cannot say which day or hour an event happened.`,
      );
    }
    if (d.windows > 0 && context.windowBasis !== null) {
      caveats.push(
        `${d.name}: ${formatCount(d.windows)}${d.records === undefined ? '' : ` of ${formatCount(d.records)}`} records have a from/to window (e.g. burglary while away) and are dated by the window's ${context.windowBasis}.`,
      );
    }
  }
  return [...new Set(caveats.map((c) => c.replace(/\.\.$/, '.')))];
}
