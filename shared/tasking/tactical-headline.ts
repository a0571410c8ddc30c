/**
 * The headline of a tactical assessment: what changed overall, which hotspots and crime types rose,
 * and which series are running. A rise on the previous period alone is often the season (burglary
 * rises every autumn), so rises are split by the same period last year (DESIGN.md §4 "Period
 * comparison"):
 *
 *   both           a significant increase on the previous period AND on the same period last year:
 *                  the rise holds against the season
 *   previous-only  a significant increase on the previous period but not on last year: likely seasonal
 *   no-last-year   a significant increase on the previous period; last year has no data, so the
 *                  season cannot be ruled out
 *
 * "Significant" is the test's verdict at BH q < 0.05 across its table (or across the hotspots).
 */

import { HOTSPOT_LIKE_LABEL } from '../analysis/chains/series-flag.js';
import { pointInPolygon } from '../analysis/hotspots/polygon.js';
import type { TableRow } from '../analysis/tactical/comparison-table.js';
import type {
  TacticalHotspot,
  TacticalResult,
  TacticalSeries,
  TacticalSeriesRun,
} from '../api/tactical-api.js';
import { formatCount, formatP } from '../profile/format.js';
import { countOrNoData } from '../profile/period-words.js';
import { changeCell, dmyRange, hotspotName, percentChange } from './tactical-format.js';

const RISE = 'significant increase';

export type RiseKind = 'both' | 'previous-only' | 'no-last-year';

/** How a significant rise on the previous period stands against last year; null when there is none. */
export function riseKind(
  previousVerdict: string | null,
  lastYearVerdict: string | null,
  lastYearCount: number | null,
): RiseKind | null {
  if (previousVerdict !== RISE) return null;
  if (lastYearCount === null || lastYearVerdict === null) return 'no-last-year';
  return lastYearVerdict === RISE ? 'both' : 'previous-only';
}

export function hotspotRise(h: TacticalHotspot): RiseKind | null {
  return h.status === 'gone' ? null : riseKind(h.verdict, h.lastYearVerdict, h.lastYearEvents);
}

export function categoryRise(r: TableRow): RiseKind | null {
  return riseKind(r.vsPrevious?.verdict ?? null, r.vsLastYear?.verdict ?? null, r.lastYear);
}

/** "Hotspot 2, Millbrook (persisting; 69 before, 84 last year, 195 now: +183% on the previous period, q < 0.001; …)". */
function hotspotRiseWords(h: TacticalHotspot): string {
  const lastYear = h.lastYearQValue === null ? '' : `; on last year q ${formatP(h.lastYearQValue)}`;
  const mix =
    h.crimeMix.length > 0
      ? `; mostly ${h.crimeMix.map((c) => `${c.name} ${formatCount(c.count)}`).join(', ')}`
      : '';
  return (
    `${hotspotName(h)} (${h.status}; ${countOrNoData(h.previousEvents)} before, ${countOrNoData(h.lastYearEvents)} last year, ${formatCount(h.events)} now: ` +
    `${percentChange(h.percentChange)} on the previous period, q ${formatP(h.qValue!)}${lastYear}${mix})`
  );
}

/** "Vehicle Offences (321 now; 239 before, 304 last year)". */
function categoryRiseWords(r: TableRow): string {
  return `${r.label} (${formatCount(r.current)} now; ${countOrNoData(r.previous)} before, ${countOrNoData(r.lastYear)} last year)`;
}

const LEADS: Record<RiseKind, { hotspots: string; types: string }> = {
  both: {
    hotspots:
      'Hotspots up on BOTH the previous period and the same period last year, so more than the season; treat as emerging: ',
    types:
      'Crime types up on BOTH the previous period and the same period last year, so more than the season: ',
  },
  'previous-only': {
    hotspots:
      'Hotspots up on the previous period only, not on the same period last year, so likely seasonal: ',
    types:
      'Crime types up on the previous period only, not on the same period last year, so likely seasonal: ',
  },
  'no-last-year': {
    hotspots:
      'Hotspots up on the previous period; last year has no data, so the season cannot be ruled out: ',
    types:
      'Crime types up on the previous period; last year has no data, so the season cannot be ruled out: ',
  },
};

const KINDS: readonly RiseKind[] = ['both', 'previous-only', 'no-last-year'];

function riseLines<T>(
  items: readonly T[],
  kindOf: (item: T) => RiseKind | null,
  words: (item: T) => string,
  lead: (kind: RiseKind) => string,
): string[] {
  return KINDS.flatMap((kind) => {
    const found = items.filter((item) => kindOf(item) === kind);
    return found.length === 0 ? [] : [`${lead(kind)}${found.map(words).join('; ')}.`];
  });
}

/** Where the largest rise in density is: inside a numbered hotspot, or at a point. */
function densityRiseLine(result: TacticalResult): string | null {
  const rise = result.density?.largestRise;
  if (!rise) return null;
  const inside = result.hotspots.find((h) => h.rank !== null && pointInPolygon(h.polygon, rise.x, rise.y));
  const where = inside
    ? `inside ${hotspotName(inside)}`
    : `near ${Math.round(rise.x)}, ${Math.round(rise.y)} (outside this period’s hotspots)`;
  return `The largest rise in density is ${where}: +${rise.value.toFixed(0)} events per km².`;
}

/**
 * The series a JAG may be told of: those of crime types whose links a Knox test (or the analyst)
 * set. A type linked on the default because its Knox test found no near-repeat signal is kept apart:
 * its candidates are weaker evidence, never counted as new series.
 */
export function seriesBySupport(series: TacticalResult['series']): {
  supported: TacticalSeriesRun[];
  unsupported: TacticalSeriesRun[];
  counted: TacticalSeries[];
  weaker: TacticalSeries[];
} {
  const linked = series.byType.filter((r) => r.linkRule !== null);
  const supported = linked.filter((r) => r.thresholdFrom !== 'default');
  const unsupported = linked.filter((r) => r.thresholdFrom === 'default');
  const itemsOf = (runs: TacticalSeriesRun[]) =>
    series.items.filter((s) => runs.some((r) => r.crimeType === s.crimeType));
  return { supported, unsupported, counted: itemsOf(supported), weaker: itemsOf(unsupported) };
}

function seriesLine(result: TacticalResult): string {
  const { series } = result;
  if (series.note) return series.note;
  const { supported, unsupported, counted, weaker } = seriesBySupport(series);
  const fresh = counted.filter((s) => s.isNew).length;
  const live = counted.filter((s) => s.live).length;
  const byType = supported.map((r) => {
    const items = counted.filter((s) => s.crimeType === r.crimeType);
    return `${r.crimeType} ${items.filter((s) => s.isNew).length} new, ${items.filter((s) => s.live).length} live`;
  });
  const weak = weaker.length;
  const weakLine =
    unsupported.length > 0
      ? ` ${unsupported.map((r) => r.crimeType).join(', ')}: no near-repeat signal in the Knox test, so ` +
        `${weak === 1 ? 'its 1 candidate' : `their ${formatCount(weak)} candidates`} (linked on the default thresholds) ` +
        `${weak === 1 ? 'is' : 'are'} listed as weaker evidence and not counted here.`
      : '';
  const flagged =
    series.hotspotLike > 0
      ? ` ${formatCount(series.hotspotLike)} chain${series.hotspotLike === 1 ? '' : 's'} flagged "${HOTSPOT_LIKE_LABEL}" are not counted.`
      : '';
  return (
    `Near-repeat series supported by a Knox test (each crime type linked on its own): ${fresh} started this period, ` +
    `${live} still live at its end${byType.length > 0 ? ` (${byType.join('; ')})` : ''}.${weakLine}${flagged}`
  );
}

/** The headline lines: what changed overall, in hotspots, in crime types and in series. */
export function tacticalHeadlines(result: TacticalResult): string[] {
  const { total, periods } = result;
  const lines = [
    `${formatCount(total.current)} events in ${dmyRange(periods.current)}: ${changeCell(total.previous, total.vsPrevious)} on the previous period; ${changeCell(total.lastYear, total.vsLastYear)} on the same period last year.`,
  ];
  const count = (s: TacticalHotspot['status']) => result.hotspots.filter((h) => h.status === s).length;
  if (result.density) {
    lines.push(
      `Hotspots: ${count('new')} new, ${count('grown')} grown, ${count('persisting')} persisting, ${count('shrunk')} shrunk, ${count('gone')} gone.`,
      ...riseLines(result.hotspots, hotspotRise, hotspotRiseWords, (k) => LEADS[k].hotspots),
    );
    const rise = densityRiseLine(result);
    if (rise) lines.push(rise);
  } else if (result.densityNote) lines.push(result.densityNote);
  lines.push(...riseLines(result.byCategory, categoryRise, categoryRiseWords, (k) => LEADS[k].types));
  lines.push(seriesLine(result));
  return lines;
}
