/**
 * One slide per hotspot the data support (DESIGN.md §1 "a clean map of each hotspot with its key
 * facts"; issue 12 "slides built for the back of the room"): at most MAX_HOTSPOT_SLIDES, chosen by
 * events and then by significance (most events first, ties by the smaller CSR p); the rest share one
 * table slide (slide-deck.ts). Each slide says in a few words:
 *
 *   lead    how many events, their share of all, the area and the PAI
 *   where   its places (ward, neighbourhood, beat: one per boundary layer) and its commonest streets
 *   when    peak hours (consecutive hours merged) and the busiest days, only from ≥ 20 timed events
 *           (DESIGN.md §4), else "too few timed events"
 *   what    its categories with counts
 *   change  this period against the previous period and the same period last year, each with its
 *           verdict and q (exact conditional Poisson test, BH across the hotspots: hotspotTrends);
 *           a period without data says "no data", never 0
 *
 * and, in brief, the test in words and the regression-to-the-mean caveat (a hotspot is chosen for
 * being high now); the caveat in full and the support rule go to the speaker notes. Hotspots below
 * the support rule get no slide.
 */
import type { KdeHotspot, KdeRunResult } from '../api/analysis-api.js';
import { focusHotspots } from './analysis.js';
import { formatAreaKm2, formatCount, formatShare } from './format.js';
import {
  hasPeakHours,
  hotspotPlace,
  hotspotPlaces,
  hotspotTestWords,
  hotspotTitle,
  peakHoursWords,
  placeName,
  supportedHotspots,
  supportLegend,
  supportStatement,
} from './hotspot-words.js';
import { hotspotMapSvg } from './maps.js';
import type { HotspotSlide, HotspotTrend, ProfileInputs } from './model.js';
import { changeCellShort, countOrNoData, TEST_IN_WORDS } from './period-words.js';

/** The regression-to-the-mean caveat short enough for a slide's face (in full in its notes). */
export const REGRESSION_IN_BRIEF = 'Chosen for being high now: part of any rise is regression to the mean.';

/** Most hotspot slides in a category or area profile; the other supported hotspots share one table. */
export const MAX_HOTSPOT_SLIDES = 5;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The hotspots that get a slide of their own: supported ones, most events first, ties broken by the
 * smaller p against complete spatial randomness (an untested hotspot sorts after a tested one).
 */
export function slideHotspots(kde: KdeRunResult): KdeHotspot[] {
  return [...supportedHotspots(kde)]
    .sort((a, b) => b.events - a.events || (a.pValue ?? 2) - (b.pValue ?? 2) || a.rank - b.rank)
    .slice(0, MAX_HOTSPOT_SLIDES);
}

/** Sorted hours 14, 15, 19 → "14:00–16:00 and 19:00–20:00": runs of consecutive hours merged. */
export function mergedHours(hours: readonly number[]): string {
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const h of sorted) {
    const last = runs.at(-1);
    if (last && h === last[1] + 1) last[1] = h;
    else runs.push([h, h]);
  }
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const words = runs.map(([a, b]) => `${hh(a)}–${hh(b + 1)}`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The two busiest weekdays from the (timed, aoristic) weekday profile, with their shares. */
export function busiestDays(weekdays: readonly number[]): string {
  const total = weekdays.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return '';
  return weekdays
    .map((v, d) => ({ d, v }))
    .sort((a, b) => b.v - a.v || a.d - b.d)
    .slice(0, 2)
    .map(({ d, v }) => `${WEEKDAYS[d]} (${Math.round((100 * v) / total)}%)`)
    .join(' and ');
}

function whenWords(h: KdeHotspot): string {
  if (!hasPeakHours(h)) return `Not said: ${peakHoursWords(h)}`;
  const days = busiestDays(h.times.weekdays);
  return `${mergedHours(h.peakHours)}${days ? `; busiest ${days}` : ''}`;
}

function whereWords(h: KdeHotspot): string {
  const places = hotspotPlaces(h) || hotspotPlace(h).replace(/^around /, '');
  const streets = h.topLocations.slice(0, 2).map((l) => placeName(l.name));
  return [places, streets.join(', ')].filter((s) => s !== '').join('; ') || 'no place name in the data';
}

/** The sub-categories when the data carry them (what a JAG acts on), else the categories. */
function whatWords(h: KdeHotspot): string {
  const kinds = (h.topSubcategories ?? []).length > 0 ? h.topSubcategories : h.topCategories;
  return kinds.map((c) => `${c.name} (${formatCount(c.count)})`).join(', ') || 'not recorded';
}

function changeLines(t: HotspotTrend | undefined): string[] {
  if (!t) return [];
  return [
    `On the previous period (${countOrNoData(t.previous)}): ${changeCellShort(t.previous, t.vsPrevious)}`,
    `On last year (${countOrNoData(t.lastYear)}): ${changeCellShort(t.lastYear, t.vsLastYear)}`,
  ];
}

function trendFacts(t: HotspotTrend | undefined): { label: string; value: string }[] {
  if (!t) return [];
  return [
    {
      label: 'Previous period',
      value: `${countOrNoData(t.previous)}; ${changeCellShort(t.previous, t.vsPrevious)}`,
    },
    {
      label: 'Same period last year',
      value: `${countOrNoData(t.lastYear)}; ${changeCellShort(t.lastYear, t.vsLastYear)}`,
    },
  ];
}

export function hotspotSlides(inputs: ProfileInputs, provenance: string): HotspotSlide[] {
  if (!inputs.kde) return [];
  const kde = inputs.kde;
  const hotspots = inputs.subjectHotspotRank !== null ? focusHotspots(inputs) : slideHotspots(kde);
  return hotspots.map((h) => {
    const test = hotspotTestWords(h);
    const t = (inputs.hotspotTrends ?? []).find((x) => x.rank === h.rank);
    const tested = t !== undefined && (t.vsPrevious !== null || t.vsLastYear !== null);
    return {
      rank: h.rank,
      title: hotspotTitle(h),
      lead: `${formatCount(h.events)} events, ${formatShare(h.share)} of all, in ${formatAreaKm2(h.areaKm2)} (PAI ${h.pai.toFixed(1)})`,
      where: whereWords(h),
      when: whenWords(h),
      what: whatWords(h),
      change: changeLines(t),
      facts: [
        { label: 'Events this period', value: `${formatCount(h.events)} (${formatShare(h.share)} of all)` },
        ...trendFacts(t),
        { label: 'Area', value: formatAreaKm2(h.areaKm2) },
        { label: 'PAI', value: h.pai.toFixed(1) },
        ...(test ? [{ label: 'Support', value: test }] : []),
        { label: 'Peak hours', value: peakHoursWords(h) },
        { label: 'Places', value: hotspotPlaces(h) || hotspotPlace(h).replace(/^around /, '') || '—' },
        {
          label: 'Top locations',
          value:
            h.topLocations.map((l) => `${placeName(l.name)} (${formatCount(l.count)})`).join(', ') || '—',
        },
      ],
      mapSvg: hotspotMapSvg(inputs, h, provenance, 760, 600),
      chart: hasPeakHours(h)
        ? {
            title: 'Events by hour of day',
            labels: h.times.hours.map((_, hour) => String(hour).padStart(2, '0')),
            values: h.times.hours.map((v) => Math.round(v * 10) / 10),
          }
        : null,
      notes: [
        tested
          ? `Changes: ${TEST_IN_WORDS}, q corrected across the hotspots. ${REGRESSION_IN_BRIEF}`
          : `${supportLegend(kde)}.`,
      ],
      details: [
        ...(test ? [`Support: ${test}.`] : []),
        inputs.regressionCaveat,
        supportStatement(kde),
      ].filter((n) => n.trim() !== ''),
    };
  });
}
