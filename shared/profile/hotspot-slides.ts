/**
 * One slide per hotspot the data support (DESIGN.md §1 "a clean map of each hotspot with its key
 * facts"): the zoomed map, the facts (events, area, PAI, support test, peak hours or "too few timed
 * events", places), the trend (this period, previous, same period last year, each with the exact test
 * in words and its q) and the regression-to-the-mean caveat, since a hotspot is chosen for being high
 * now. Hotspots below the support rule get no slide.
 */
import type { KdeHotspot } from '../api/analysis-api.js';
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
import type { HotspotSlide, ProfileInputs } from './model.js';
import { changeCellShort, countOrNoData, TEST_IN_WORDS } from './period-words.js';

/** The regression-to-the-mean caveat short enough for a slide's face (in full in its notes). */
export const REGRESSION_IN_BRIEF =
  'Chosen for being high now, so part of any rise on earlier periods is regression to the mean.';

/** Most hotspot slides in a category or area profile (the busiest supported hotspots). */
export const MAX_HOTSPOT_SLIDES = 6;

function trendFacts(inputs: ProfileInputs, h: KdeHotspot): { label: string; value: string }[] {
  const t = (inputs.hotspotTrends ?? []).find((x) => x.rank === h.rank);
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
  const hotspots =
    inputs.subjectHotspotRank !== null
      ? focusHotspots(inputs)
      : supportedHotspots(kde).slice(0, MAX_HOTSPOT_SLIDES);
  return hotspots.map((h) => {
    const test = hotspotTestWords(h);
    const trend = trendFacts(inputs, h);
    return {
      rank: h.rank,
      title: hotspotTitle(h),
      facts: [
        { label: 'Events this period', value: `${formatCount(h.events)} (${formatShare(h.share)} of all)` },
        ...trend,
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
        (inputs.hotspotTrends ?? []).some(
          (t) => t.rank === h.rank && (t.vsPrevious !== null || t.vsLastYear !== null),
        )
          ? `Changes: ${TEST_IN_WORDS}, q after Benjamini–Hochberg correction across the hotspots. ` +
            `${REGRESSION_IN_BRIEF} ${supportLegend(kde)}.`
          : `${supportLegend(kde)}.`,
      ],
      details: [inputs.regressionCaveat, supportStatement(kde)].filter((n) => n.trim() !== ''),
    };
  });
}
