/**
 * The tactical assessment's slide words: short on each face, the detail in the notes. Every slide's
 * notes carry the slide's own details, then the method and the glossary (the engine's frame adds
 * every caveat of the data and the provenance), so whoever presents any one slide can answer how it
 * was made. A list cut to fit says how many more there are and where they are.
 */

import type { ChangeTest } from '../analysis/compare/change-tests.js';
import { isSharplyUp } from '../analysis/tactical/hotspot-change.js';
import type { TacticalHotspot, TacticalResult } from '../api/tactical-api.js';
import { formatCount, formatP } from '../profile/format.js';
import type { SlideWords } from '../profile/model.js';
import { countOrNoData } from '../profile/period-words.js';
import { dmy, hotspotName, percentChange } from './tactical-format.js';
import { glossaryLines, methodLines, seriesRunLines } from './tactical-glossary.js';
import {
  categoryRise,
  hotspotRise,
  type RiseKind,
  seriesBySupport,
  tacticalHeadlines,
} from './tactical-headline.js';
import { classWords, seriesOrder } from './tactical-report.js';

/** The first `max` lines of a slide's list, and "N more not listed (see the HTML or PDF report)" when cut. */
export function cutToFit(lines: readonly string[], max: number): string[] {
  if (lines.length <= max) return [...lines];
  const more = lines.length - (max - 1);
  return [...lines.slice(0, max - 1), `${formatCount(more)} more not listed (see the HTML or PDF report).`];
}

/** Method and glossary: the closing part of every slide's notes. */
export function slideNotesTail(result: TacticalResult): string[] {
  return ['Method:', ...methodLines(result), 'Glossary:', ...glossaryLines()];
}

/** "+18% (significant, q < 0.001)", or "no data". */
function shortChange(baseline: number | null, test: ChangeTest | null): string {
  if (baseline === null || test === null) return 'no data';
  const reading = test.verdict === 'no significant change' ? 'not significant' : 'significant';
  return `${percentChange(test.percentChange)} (${reading}, q ${formatP(test.qValue)})`;
}

const SHORT_LEADS: Record<RiseKind, string> = {
  both: 'More than the season (up on the previous period AND last year)',
  'previous-only': 'Likely seasonal (up on the previous period only, not last year)',
  'no-last-year': 'Up on the previous period; no last-year data to rule out the season',
};

/** The summary slide's face: the headline in a few short lines (the full sentences are in the notes). */
export function slideHeadlines(result: TacticalResult): string[] {
  const { total } = result;
  const lines = [
    `${formatCount(total.current)} events: ${shortChange(total.previous, total.vsPrevious)} on the previous period; ${shortChange(total.lastYear, total.vsLastYear)} on last year.`,
  ];
  const count = (s: TacticalHotspot['status']) => result.hotspots.filter((h) => h.status === s).length;
  if (result.density)
    lines.push(
      `Hotspots: ${count('new')} new, ${count('grown')} grown, ${count('persisting')} persisting, ${count('shrunk')} shrunk, ${count('gone')} gone.`,
    );
  for (const kind of ['both', 'previous-only', 'no-last-year'] as const) {
    const hotspots = result.hotspots.filter((h) => hotspotRise(h) === kind).map((h) => `Hotspot ${h.rank}`);
    const types = result.byCategory.filter((r) => categoryRise(r) === kind).map((r) => r.label);
    const named = [...hotspots, ...types];
    if (named.length > 0) lines.push(`${SHORT_LEADS[kind]}: ${named.join(', ')}.`);
  }
  const { series } = result;
  const { counted, weaker } = seriesBySupport(series);
  const fresh = counted.filter((x) => x.isNew).length;
  const live = counted.filter((x) => x.live).length;
  const weak = weaker.length > 0 ? `; ${formatCount(weaker.length)} weaker (no Knox signal)` : '';
  const flagged =
    series.hotspotLike > 0 ? `; ${formatCount(series.hotspotLike)} hotspot-like chains not counted` : '';
  lines.push(series.note ?? `Series backed by Knox: ${fresh} new, ${live} live${weak}${flagged}.`);
  return lines;
}

/** "Hotspot 2 (Millbrook): persisting, sharply up; 69 → 195 (84 last year)". */
function hotspotSlideLine(h: TacticalHotspot): string {
  const where = h.places[0] ? ` (${h.places[0]})` : '';
  const name = h.rank !== null ? `Hotspot ${h.rank}${where}` : `P${h.previousRanks.join('/')}`;
  return `${name}: ${classWords(h).toLowerCase()}; ${countOrNoData(h.previousEvents)} → ${formatCount(h.events)} (${countOrNoData(h.lastYearEvents)} last year)`;
}

const FROM_WORDS: Record<'knox' | 'default' | 'analyst', string> = {
  knox: 'Linked by their Knox test',
  default: 'Default link, no Knox signal',
  analyst: 'Linked as the analyst set',
};

/**
 * The crime types grouped by where their link came from, each group in one line with its series
 * new or live per type; then the types not linked, and the hotspot-like chains not counted.
 */
export function seriesTypeLines(result: TacticalResult): string[] {
  const groups = new Map<string, string[]>();
  for (const r of result.series.byType) {
    if (r.linkRule === null || r.thresholdFrom === null) continue;
    const key = `${FROM_WORDS[r.thresholdFrom]} (${r.distanceM} m, ${r.days} days)`;
    const shown = result.series.items.filter((s) => s.crimeType === r.crimeType).length;
    groups.set(key, [...(groups.get(key) ?? []), `${r.crimeType} ${shown}`]);
  }
  // Knox-backed links first: the default's candidates are the weaker evidence.
  const lines = [...groups]
    .sort(([a], [b]) => Number(a.startsWith(FROM_WORDS.default)) - Number(b.startsWith(FROM_WORDS.default)))
    .map(([key, types]) => `${key}: ${types.join(', ')} new or live.`);
  const unlinked = result.series.byType.filter((r) => r.linkRule === null).map((r) => r.crimeType);
  if (unlinked.length > 0)
    lines.push(`Not linked (too few events, or no day-level dates): ${unlinked.join(', ')}.`);
  if (result.series.hotspotLike > 0)
    lines.push(`${formatCount(result.series.hotspotLike)} hotspot-like chains not counted as series.`);
  return lines;
}

export interface TacticalSlideWords {
  summary: SlideWords;
  hotspots: SlideWords;
  series: SlideWords;
  method: SlideWords;
}

export function tacticalSlides(result: TacticalResult): TacticalSlideWords {
  const tail = slideNotesTail(result);
  const hotspotLines = result.hotspots
    .filter((h) => h.status !== 'gone' && (h.status !== 'persisting' || isSharplyUp(h)))
    .map(hotspotSlideLine);
  const gone = result.hotspots.filter((h) => h.status === 'gone');
  const goneLine =
    gone.length > 0
      ? [
          `Gone: ${gone.map((h) => `P${h.previousRanks.join('/')} (${countOrNoData(h.previousEvents)} → ${formatCount(h.events)})`).join(', ')}.`,
        ]
      : [];
  const persisting = result.hotspots.filter((h) => h.status === 'persisting' && !isSharplyUp(h)).length;
  const steady =
    persisting > 0
      ? [`${persisting} more hotspot${persisting === 1 ? '' : 's'} persisting with no significant change.`]
      : [];
  const defaultLinked = new Set(
    result.series.byType.filter((r) => r.thresholdFrom === 'default').map((r) => r.crimeType),
  );
  const seriesLines = seriesOrder(result.series.items).map(
    (s) =>
      `${s.live ? 'Live' : 'Ended'}: ${s.crimeType} series ${s.id}${defaultLinked.has(s.crimeType) ? ' (default link)' : ''}, ${formatCount(s.size)} events, ${dmy(s.firstDate)} to ${dmy(s.lastDate)}`,
  );
  const typeLines = cutToFit(seriesTypeLines(result), 4);
  return {
    summary: {
      title: 'What changed',
      lines: slideHeadlines(result),
      notes: [...tacticalHeadlines(result), ...tail],
    },
    hotspots: {
      title: 'Hotspots: this period against the previous',
      lines: [...cutToFit(hotspotLines, 4), ...goneLine, ...steady],
      notes: [
        ...result.hotspots.map(
          (h) => `${hotspotName(h)}: ${classWords(h)}, Jaccard ${h.jaccard.toFixed(2)}.`,
        ),
        ...tail,
      ],
    },
    series: {
      title: 'Near-repeat series (new or live)',
      lines: [
        ...typeLines,
        ...(seriesLines.length > 0
          ? cutToFit(seriesLines, 3)
          : [result.series.note ?? 'No series candidate started or was live in this period.']),
      ],
      notes: [...seriesRunLines(result), ...tail],
    },
    method: {
      title: 'Method and caveats',
      lines: [
        'Counts by window midpoint; exact test of each change; q across each table.',
        '"No data" periods are never zero and never tested.',
        'Series linked per crime type, thresholds from its Knox test (or the default, said so).',
        'Every caveat, the method and a glossary are in these notes.',
      ],
      notes: tail,
    },
  };
}
