/**
 * The tactical assessment's one number format (a JAG reads one style throughout): areas in km² with
 * two decimals, percentages whole, dates dd/mm/yyyy, hotspots named as in every table and figure.
 */
import type { ChangeTest } from '../analysis/compare/compare-periods.js';
import type { TacticalHotspot } from '../api/tactical-api.js';
import { ukDate } from '../model/time.js';
import { formatChange, formatDecimal } from '../profile/format.js';
import { changeCellShort } from '../profile/period-words.js';

/** Percent changes are shown whole: "+183%". */
export const PERCENT_DIGITS = 0;

/** An area in km² to two decimals, the unit in the column header: 0.052 → "0.05". */
export function km2Value(area: number): string {
  return formatDecimal(area, 2);
}

/** A signed whole percent change, "+183%", or "n/a (no baseline)". */
export function percentChange(percent: number | null): string {
  return formatChange(percent, PERCENT_DIGITS);
}

/** One compact change cell with a whole percentage: "+29%: significant increase (q = 0.004, p = 0.001)". */
export function changeCell(baseline: number | null, test: ChangeTest | null): string {
  return changeCellShort(baseline, test, PERCENT_DIGITS);
}

/** dd/mm/yyyy of an ISO date. */
export function dmy(iso: string): string {
  return ukDate(Date.parse(`${iso}T00:00:00Z`));
}

export function dmyRange(range: { from: string; to: string }): string {
  return `${dmy(range.from)} to ${dmy(range.to)}`;
}

/** The short label a hotspot carries on the figure: its rank, or "P" and the previous rank when gone. */
export function hotspotLabel(h: Pick<TacticalHotspot, 'rank' | 'previousRanks'>): string {
  return h.rank !== null ? String(h.rank) : `P${h.previousRanks.join('/')}`;
}

/** "Hotspot 2, Millbrook" or "Previous hotspot 3 (P3 on the figure)". */
export function hotspotName(h: Pick<TacticalHotspot, 'rank' | 'previousRanks' | 'places'>): string {
  const where = h.places.length > 0 ? `, ${h.places.join(' / ')}` : '';
  return h.rank !== null
    ? `Hotspot ${h.rank}${where}`
    : `Previous hotspot ${h.previousRanks.join(', ')} (${hotspotLabel(h)} on the figure)`;
}
