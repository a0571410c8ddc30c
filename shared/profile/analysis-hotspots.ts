/**
 * The hotspot part of the Analysis section (DESIGN.md §4 "Hotspot classes", "Period comparison"):
 * the table of the hotspots the data support (place, class, area, events, share, PAI, the CSR test's
 * p, peak hours or why none, top locations) with the support rule in its note, and each hotspot's
 * trend on the previous period and the same period last year (exact test, BH q, "no data" where the
 * data do not reach) with the regression-to-the-mean caveat, since hotspots are chosen for being
 * high now.
 */
import type { KdeHotspot } from '../api/analysis-api.js';
import { formatAreaKm2, formatCount, formatP, formatShare } from './format.js';
import { seriesInHotspots } from './hotspot-series.js';
import {
  hasPeakHours,
  hotspotPlace,
  peakHoursShort,
  peakHoursWords,
  placeName,
  supportedHotspots,
  supportStatement,
} from './hotspot-words.js';
import type { Block, ProfileInputs } from './model.js';
import { changeCellShort, countOrNoData, noDataPhrase, TEST_IN_WORDS } from './period-words.js';

export function hotspotTable(inputs: ProfileInputs): Block {
  const kde = inputs.kde!;
  const supported = supportedHotspots(kde);
  const shown = supported.slice(0, 10);
  const categories = new Set(supported.flatMap((h) => h.topCategories.map((c) => c.name)));
  const withCategories = categories.size > 1;
  const highlight = shown.flatMap((h, i) => (h.rank === inputs.subjectHotspotRank ? [i] : []));
  const withTest = shown.some((h) => h.pValue !== null && h.pValue !== undefined);
  const series = seriesInHotspots(shown, inputs.chains, inputs.chainEvents);
  const withSeries = series.some((s) => s.events > 0);
  const seriesCell = (i: number) => {
    const s = series[i]!;
    return s.events === 0
      ? '—'
      : `${formatCount(s.events)} (${s.byChain.map((c) => `chain ${c.chainId}`).join(', ')})`;
  };
  // A hotspot at least half made of one series candidate may be one run of offending, not a place.
  const seriesLed = series.filter((s, i) => s.byChain[0] && s.byChain[0].events * 2 >= shown[i]!.events);
  // Without enough timed events in any hotspot, one sentence says so instead of a column of it.
  const withHours = shown.some(hasPeakHours);
  return {
    kind: 'table',
    caption: `Hotspots of the period: areas where the density reaches ${shown[0]?.classLabel ?? `class ${kde.params.hotspotClass}`} and the data support a hotspot, most events first`,
    columns: [
      { label: 'No.', align: 'right' },
      { label: 'Place', align: 'left' },
      { label: 'Class', align: 'left', wrap: 'nowrap' },
      { label: 'Area', align: 'right' },
      { label: 'Events', align: 'right' },
      { label: 'Share', align: 'right' },
      { label: 'PAI', align: 'right' },
      ...(withTest ? [{ label: 'p (CSR)', align: 'right' as const }] : []),
      ...(withCategories ? [{ label: 'Top categories', align: 'left' as const }] : []),
      ...(withHours ? [{ label: 'Peak hours', align: 'left' as const }] : []),
      ...(withSeries ? [{ label: 'In series', align: 'left' as const }] : []),
      { label: 'Top locations', align: 'left' },
    ],
    rows: shown.map((h, i) => [
      String(h.rank),
      hotspotPlace(h).replace(/^around /, '') || '—',
      h.classLabel,
      formatAreaKm2(h.areaKm2),
      formatCount(h.events),
      formatShare(h.share),
      h.pai.toFixed(1),
      ...(withTest ? [h.pValue === null || h.pValue === undefined ? '—' : formatP(h.pValue)] : []),
      ...(withCategories
        ? [h.topCategories.map((c) => `${c.name} (${formatCount(c.count)})`).join('; ')]
        : []),
      ...(withHours ? [peakHoursShort(h)] : []),
      ...(withSeries ? [seriesCell(i)] : []),
      h.topLocations.map((l) => `${placeName(l.name)} (${formatCount(l.count)})`).join('; '),
    ]),
    ...(highlight.length > 0 ? { highlight } : {}),
    note:
      `${supportStatement(kde)} ` +
      `PAI = (n/N)/(a/A), N = ${formatCount(kde.counts.used)} events in the study area, A = ${formatAreaKm2(kde.studyAreaKm2)} study area. ` +
      'p (CSR): the Monte Carlo test of the hotspot’s peak density against complete spatial randomness. ' +
      (withHours
        ? 'Peak hours: the busiest hours of day from the aoristic shares of timed events (hour 14 = 14:00–15:00).'
        : `No peak hours: ${peakHoursWords(shown[0]!)}.`) +
      (withSeries
        ? ' In series: events of near-repeat series candidates inside the hotspot, by chain.'
        : '') +
      seriesLed
        .map(
          (s) =>
            ` ${formatCount(s.byChain[0]!.events)} of hotspot ${s.rank}'s ${formatCount(shown.find((h) => h.rank === s.rank)!.events)} events belong to near-repeat chain ${s.byChain[0]!.chainId}: much of this hotspot may be one series, so check the chain before treating it as a place problem (its peak hours are then the series' timing).`,
        )
        .join('') +
      (supported.length > shown.length
        ? ` ${supported.length - shown.length} smaller hotspots not shown (all are in the hotspots export).`
        : ''),
  };
}

/** Each shown hotspot's count this period against earlier periods, with the regression caveat. */
export function hotspotTrendBlocks(inputs: ProfileInputs, hotspots: readonly KdeHotspot[]): Block[] {
  const trends = inputs.hotspotTrends ?? [];
  const rows = hotspots.flatMap((h) => {
    const t = trends.find((x) => x.rank === h.rank);
    if (!t) return [];
    return [
      [
        String(h.rank),
        hotspotPlace(h).replace(/^around /, '') || '—',
        formatCount(t.current),
        countOrNoData(t.previous),
        changeCellShort(t.previous, t.vsPrevious),
        countOrNoData(t.lastYear),
        changeCellShort(t.lastYear, t.vsLastYear),
      ],
    ];
  });
  if (rows.length === 0) return [];
  const shownTrends = hotspots.flatMap((h) => trends.filter((x) => x.rank === h.rank));
  if (shownTrends.every((t) => t.previous === null && t.lastYear === null)) {
    const { periods, coverage } = inputs;
    return [
      {
        kind: 'paragraph',
        text:
          `No hotspot trends: ${noDataPhrase('the previous period', periods.previous, coverage)} and ` +
          `${noDataPhrase('the same period last year', periods.lastYear, coverage)}, so no change can be stated.`,
      },
    ];
  }
  return [
    {
      kind: 'table',
      caption:
        'Hotspot trends: events inside each hotspot this period, the previous period and the same period last year',
      columns: [
        { label: 'No.', align: 'right' },
        { label: 'Place', align: 'left' },
        { label: 'This period', align: 'right' },
        { label: 'Previous', align: 'right' },
        { label: 'Change on previous', align: 'left' },
        { label: 'Last year', align: 'right' },
        { label: 'Change on last year', align: 'left' },
      ],
      rows,
      note:
        `Each change is tested with the two-sided ${TEST_IN_WORDS}; q is p after Benjamini–Hochberg correction across the hotspots. ` +
        '"No data": the data do not cover that period, so it is neither counted nor tested. ' +
        inputs.regressionCaveat,
    },
  ];
}
