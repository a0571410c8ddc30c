/**
 * The Analysis section (SARA): where, when and how. The hotspots the data support from the period's
 * density run (DESIGN.md §4 "Hotspot classes": place, class, area, events, share, PAI, the support
 * test, top categories, peak hours or "too few timed events", top locations) with the support rule
 * beside the table, each hotspot's trend on earlier periods with the regression-to-the-mean caveat,
 * a zoomed map of the subject's hotspots, the hour × weekday aoristic table, the Knox findings in
 * plain words with the table (BH q beside p, half-open interval labels), the near-repeat chains
 * (candidate series by crime reference; hotspot-like chains said as such) and the repeat locations
 * (identical points).
 */

import { WEEKDAY_LABELS } from '../analysis/aoristic/aoristic.js';
import type { KdeHotspot } from '../api/analysis-api.js';
import { barChartSvg } from './bar-chart.js';
import {
  formatAreaKm2,
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatHour,
  formatMetres,
  formatP,
  formatShare,
  listInWords,
} from './format.js';
import {
  hasPeakHours,
  hotspotPlace,
  hotspotTitle,
  MIN_TIMED_FOR_PEAK_HOURS,
  peakHoursShort,
  peakHoursWords,
  placeName,
  supportedHotspots,
  supportStatement,
} from './hotspot-words.js';
import { chainsMapSvg, hotspotMapSvg } from './maps.js';
import type { Block, ProfileInputs } from './model.js';
import {
  CHAIN_READING,
  chainCounts,
  chainMembers,
  hotspotLikeReason,
  isHotspotLike,
  isLiveChain,
  nearRepeatDetails,
  nearRepeatHeadline,
} from './near-repeat-words.js';
import { changeCellShort, countOrNoData, noDataPhrase, TEST_IN_WORDS } from './period-words.js';

/** The hotspots the profile dwells on: the subject hotspot, else the three supported ones with most events. */
export function focusHotspots(inputs: ProfileInputs): KdeHotspot[] {
  const all = supportedHotspots(inputs.kde);
  if (inputs.subjectHotspotRank !== null) return all.filter((h) => h.rank === inputs.subjectHotspotRank);
  return all.slice(0, 3);
}

export function hoursText(hours: readonly number[]): string {
  return hours.length === 0
    ? 'no timed events'
    : listInWords([...hours].sort((a, b) => a - b).map(formatHour));
}

function hotspotTable(inputs: ProfileInputs): Block {
  const kde = inputs.kde!;
  const supported = supportedHotspots(kde);
  const shown = supported.slice(0, 10);
  const categories = new Set(supported.flatMap((h) => h.topCategories.map((c) => c.name)));
  const withCategories = categories.size > 1;
  const highlight = shown.flatMap((h, i) => (h.rank === inputs.subjectHotspotRank ? [i] : []));
  const withTest = shown.some((h) => h.pValue !== null && h.pValue !== undefined);
  // Without enough timed events in any hotspot, one sentence says so instead of a column of it.
  const withHours = shown.some(hasPeakHours);
  return {
    kind: 'table',
    caption: `Hotspots of the period (class ${kde.params.hotspotClass} regions of the density surface that the data support), most events first`,
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
      { label: 'Top locations', align: 'left' },
    ],
    rows: shown.map((h) => [
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
      (supported.length > shown.length
        ? ` ${supported.length - shown.length} smaller hotspots not shown (all are in the hotspots export).`
        : ''),
  };
}

/** Each shown hotspot's count this period against earlier periods, with the regression caveat. */
function hotspotTrendBlocks(inputs: ProfileInputs, hotspots: readonly KdeHotspot[]): Block[] {
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

function aoristicBlocks(inputs: ProfileInputs): Block[] {
  const hourTotals = new Array<number>(24).fill(0);
  for (const row of inputs.hourOfWeek) {
    for (let h = 0; h < 24; h++) hourTotals[h] += row[h] ?? 0;
  }
  const total = hourTotals.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return [{ kind: 'paragraph', text: `No hour-of-week table: ${inputs.aoristicNote}` }];
  if (total < MIN_TIMED_FOR_PEAK_HOURS) {
    return [
      {
        kind: 'paragraph',
        text: `No peak hours: too few timed events (${formatDecimal(total, 1)}; at least ${MIN_TIMED_FOR_PEAK_HOURS} needed). ${inputs.aoristicNote}`,
      },
    ];
  }
  const peak = hourTotals
    .map((v, h) => ({ v, h }))
    .sort((a, b) => b.v - a.v || a.h - b.h)
    .slice(0, 3)
    .map((e) => e.h);
  return [
    {
      kind: 'heat',
      caption:
        'When: events by hour of day and day of week (aoristic: windows shared over the hours they cover)',
      rowLabels: [...WEEKDAY_LABELS],
      columnLabels: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
      values: inputs.hourOfWeek,
      note: inputs.aoristicNote,
    },
    {
      kind: 'figure',
      caption: `Events by hour of day; the peak hours ${hoursText(peak)} in red`,
      svg: barChartSvg({
        title: 'Events by hour of day',
        labels: hourTotals.map((_, h) => String(h).padStart(2, '0')),
        values: hourTotals,
        unit: 'events (aoristic)',
        widthPx: 760,
        heightPx: 220,
        highlight: peak,
      }),
    },
  ];
}

function chainsBlocks(inputs: ProfileInputs, provenance: string): Block[] {
  const chains = inputs.chains;
  if (!chains) {
    return inputs.chainsNote
      ? [{ kind: 'paragraph', text: `Near-repeat chains: not run. ${inputs.chainsNote}` }]
      : [];
  }
  const counts = chainCounts(chains);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `${formatCount(counts.series)} near-repeat chain${counts.series === 1 ? '' : 's'} of 3 or more events ${chains.linkRule} in the period` +
        (chains.asOf ? `; ${formatCount(counts.live)} live as of ${formatDate(chains.asOf)}` : '') +
        (counts.hotspotLike > 0
          ? `; ${formatCount(counts.hotspotLike)} more ${counts.hotspotLike === 1 ? 'is' : 'are'} hotspot-like: not a series (listed as such, not linked offending)`
          : '') +
        `. Thresholds: ${chains.thresholdSource}. ${CHAIN_READING}`,
    },
  ];
  const listed = chains.chains.filter((c) => c.size >= 3 || isHotspotLike(c));
  if (listed.length === 0) return blocks;
  // Candidate series first (largest first), then the hotspot-like ones.
  const shown = [...listed]
    .sort((a, b) => Number(isHotspotLike(a)) - Number(isHotspotLike(b)) || b.size - a.size || a.id - b.id)
    .slice(0, 12);
  blocks.push({
    kind: 'table',
    caption: 'Near-repeat chains: candidate series first, then hotspot-like chains',
    columns: [
      { label: 'Chain', align: 'right' },
      { label: 'Events', align: 'right' },
      { label: 'First', align: 'left', wrap: 'nowrap' },
      { label: 'Last', align: 'left', wrap: 'nowrap' },
      { label: 'Span', align: 'right' },
      { label: 'Reading', align: 'left' },
      { label: 'Members (crime references)', align: 'left' },
    ],
    rows: shown.map((c) => [
      String(c.id),
      formatCount(c.size),
      formatDate(c.firstDate),
      formatDate(c.lastDate),
      formatDays(c.spanDays),
      isHotspotLike(c)
        ? hotspotLikeReason(c)
        : isLiveChain(c)
          ? 'candidate series, live'
          : 'candidate series',
      chainMembers(c, 6),
    ]),
    highlight: shown.flatMap((c, i) =>
      (!isHotspotLike(c) && isLiveChain(c)) || (inputs.subject.kind === 'chain' && c.id === inputs.subject.id)
        ? [i]
        : [],
    ),
    note:
      `Events are linked when closer than ${formatMetres(chains.distanceM)} (${chains.metric} distance) and fewer than ${formatDays(chains.days)} apart; ` +
      'a chain starts at its earliest event (same-day ties: the smaller record number). A live chain could still grow as of the date shown. ' +
      'A chain too large, too long or too much inside a hotspot to look like one offender’s series is flagged hotspot-like: it shows a place ' +
      'where crime keeps happening, not linked offending.',
  });
  const map = chainsMapSvg(inputs, provenance);
  if (map) {
    blocks.push({
      kind: 'figure',
      caption: 'Near-repeat chains and the risk zones around recent events',
      svg: map,
    });
  }
  return blocks;
}

function nearRepeatBlocks(inputs: ProfileInputs, noun: string, provenance: string): Block[] {
  const blocks: Block[] = [];
  const knox = inputs.knox;
  if (!knox) {
    blocks.push({
      kind: 'paragraph',
      text: `Near-repeat analysis: not run. ${inputs.knoxNote ?? ''}`.trim(),
    });
  } else {
    blocks.push({ kind: 'paragraph', text: nearRepeatHeadline(knox, noun), emphasis: true });
    for (const line of nearRepeatDetails(knox, noun)) blocks.push({ kind: 'paragraph', text: line });
    blocks.push({ kind: 'paragraph', text: knox.reading });
    blocks.push({
      kind: 'knox',
      caption: `Knox test: ${formatCount(knox.events)} events, ${knox.metric} distance, ${formatCount(knox.iterations)} permutations, seed ${knox.seed}`,
      distanceLabels: knox.distanceLabels,
      timeLabels: knox.timeLabels,
      observed: knox.observed,
      ratio: knox.knoxRatio,
      pValue: knox.pValue,
      qValue: knox.qValue,
      significant: knox.significant,
      note:
        'Each cell: observed pairs, Knox ratio (observed / mean of the permutations), p-value ' +
        '(1 + permutations at least as large) / (permutations + 1) and q, the p-value after ' +
        'Benjamini–Hochberg correction across the table’s cells. Shaded: significant (q < 0.05) with a ratio above 1.00. ' +
        'Bands are half-open: [0, 200) m holds distances from 0 up to but not including 200 m.' +
        (knox.notes.length > 0 ? ` ${knox.notes.map((n) => (n.endsWith('.') ? n : `${n}.`)).join(' ')}` : ''),
    });
    if (knox.suggestion) {
      const statement = knox.suggestion.statement.trim();
      blocks.push({ kind: 'paragraph', text: /[.!?]$/.test(statement) ? statement : `${statement}.` });
    }
  }
  blocks.push(...chainsBlocks(inputs, provenance));
  return blocks;
}

function repeatLocationBlocks(inputs: ProfileInputs): Block[] {
  const repeats = inputs.repeatLocations;
  if (repeats.length === 0) return [];
  return [
    {
      kind: 'table',
      caption: 'Repeat locations: identical points with two or more events in the period',
      columns: [
        { label: 'Location', align: 'left' },
        { label: 'Events', align: 'right' },
        { label: 'First', align: 'left', wrap: 'nowrap' },
        { label: 'Last', align: 'left', wrap: 'nowrap' },
        { label: 'Days to repeat (median, shortest)', align: 'right' },
      ],
      rows: repeats
        .slice(0, 10)
        .map((r) => [
          r.location ? placeName(r.location) : `point ${Math.round(r.x)}, ${Math.round(r.y)}`,
          formatCount(r.count),
          formatDate(r.firstDate),
          formatDate(r.lastDate),
          r.medianDaysToRepeat === null
            ? 'not known (dates not to the day)'
            : `${formatDecimal(r.medianDaysToRepeat, r.medianDaysToRepeat % 1 === 0 ? 0 : 1)}, ${formatCount(r.minDaysToRepeat ?? 0)}`,
        ]),
      note:
        'Grouped by identical coordinates, never by location text alone (one street name covers many points).' +
        (repeats.length > 10 ? ` ${repeats.length - 10} more locations with two or more events.` : ''),
    },
  ];
}

export function analysisBlocks(inputs: ProfileInputs, noun: string, provenance: string): Block[] {
  const blocks: Block[] = [];
  const supported = supportedHotspots(inputs.kde);
  if (inputs.kde && supported.length > 0) {
    blocks.push(hotspotTable(inputs));
    const focus = focusHotspots(inputs);
    blocks.push(
      ...hotspotTrendBlocks(inputs, inputs.subjectHotspotRank !== null ? focus : supported.slice(0, 10)),
    );
    for (const h of focus) {
      blocks.push({
        kind: 'figure',
        caption: `${hotspotTitle(h)}: ${formatCount(h.events)} events (${formatShare(h.share)}) in ${formatAreaKm2(h.areaKm2)}, PAI ${h.pai.toFixed(1)}; peak hours: ${peakHoursWords(h)}`,
        svg: hotspotMapSvg(inputs, h, provenance),
      });
    }
  } else if (inputs.kde) {
    blocks.push({
      kind: 'paragraph',
      text: `No hotspots the data support in the period. ${supportStatement(inputs.kde)}`,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `No hotspots: ${inputs.kdeNote ?? 'no density surface could be computed for the period.'}`,
    });
  }
  blocks.push(...aoristicBlocks(inputs));
  blocks.push(...nearRepeatBlocks(inputs, noun, provenance));
  blocks.push(...repeatLocationBlocks(inputs));
  return blocks;
}
