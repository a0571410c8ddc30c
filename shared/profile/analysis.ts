/**
 * The Analysis section (SARA): where, when and how. Hotspot statistics from the period's density run
 * (DESIGN.md §4 "Hotspot classes": class, area, events, share, PAI, top categories, peak hours, top
 * locations), a zoomed map of the subject's hotspots, the hour × weekday aoristic table, the Knox
 * near-repeat findings in plain words with the table (correct half-open interval labels), the
 * near-repeat series (chains) and the repeat locations.
 */

import { WEEKDAY_LABELS } from '../analysis/aoristic/aoristic.js';
import type { KdeHotspot } from '../api/analysis-api.js';
import { barChartSvg } from './bar-chart.js';
import {
  formatAreaKm2,
  formatCount,
  formatDate,
  formatDays,
  formatHour,
  formatMetres,
  formatShare,
  listInWords,
} from './format.js';
import { chainsMapSvg, hotspotMapSvg } from './maps.js';
import type { Block, ProfileInputs } from './model.js';
import { nearRepeatDetails, nearRepeatHeadline } from './near-repeat-words.js';

/** The hotspots the profile dwells on: the subject hotspot, else the three with most events. */
export function focusHotspots(inputs: ProfileInputs): KdeHotspot[] {
  const all = inputs.kde?.hotspots ?? [];
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
  const shown = kde.hotspots.slice(0, 10);
  const categories = new Set(kde.hotspots.flatMap((h) => h.topCategories.map((c) => c.name)));
  const withCategories = categories.size > 1;
  const highlight = shown.flatMap((h, i) => (h.rank === inputs.subjectHotspotRank ? [i] : []));
  return {
    kind: 'table',
    caption: `Hotspots of the period (class ${kde.params.hotspotClass} regions of the density surface), most events first`,
    columns: [
      { label: 'No.', align: 'right' },
      { label: 'Class', align: 'left', wrap: 'nowrap' },
      { label: 'Area', align: 'right' },
      { label: 'Events', align: 'right' },
      { label: 'Share', align: 'right' },
      { label: 'PAI', align: 'right' },
      ...(withCategories ? [{ label: 'Top categories', align: 'left' as const }] : []),
      { label: 'Peak hours', align: 'left', wrap: 'nowrap' },
      { label: 'Top locations', align: 'left' },
    ],
    rows: shown.map((h) => [
      String(h.rank),
      h.classLabel,
      formatAreaKm2(h.areaKm2),
      formatCount(h.events),
      formatShare(h.share),
      h.pai.toFixed(1),
      ...(withCategories
        ? [h.topCategories.map((c) => `${c.name} (${formatCount(c.count)})`).join('; ')]
        : []),
      [...h.peakHours]
        .sort((a, b) => a - b)
        .map((hour) => String(hour).padStart(2, '0'))
        .join(', '),
      h.topLocations.map((l) => `${l.name} (${formatCount(l.count)})`).join('; '),
    ]),
    ...(highlight.length > 0 ? { highlight } : {}),
    note:
      `PAI = (n/N)/(a/A), N = ${formatCount(kde.counts.used)} events on the surface, A = ${formatAreaKm2(kde.studyAreaKm2)} study area. ` +
      `Peak hours: the three busiest hours of day (hour 14 = 14:00–15:00; aoristic shares of time windows).` +
      (kde.hotspots.length > shown.length
        ? ` ${kde.hotspots.length - shown.length} smaller hotspots not shown (all are in the hotspots export).`
        : ''),
  };
}

function aoristicBlocks(inputs: ProfileInputs): Block[] {
  const hourTotals = new Array<number>(24).fill(0);
  for (const row of inputs.hourOfWeek) {
    for (let h = 0; h < 24; h++) hourTotals[h] += row[h] ?? 0;
  }
  const total = hourTotals.reduce((s, v) => s + v, 0);
  if (!(total > 0)) return [{ kind: 'paragraph', text: `No hour-of-week table: ${inputs.aoristicNote}` }];
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
    blocks.push({
      kind: 'knox',
      caption: `Knox test: ${formatCount(knox.events)} events, ${knox.metric} distance, ${formatCount(knox.iterations)} permutations, seed ${knox.seed}`,
      distanceLabels: knox.distanceLabels,
      timeLabels: knox.timeLabels,
      observed: knox.observed,
      ratio: knox.knoxRatio,
      pValue: knox.pValue,
      note:
        'Each cell: observed pairs, Knox ratio (observed / mean of the permutations) and p-value ' +
        '(1 + permutations at least as large) / (permutations + 1). Shaded: p < 0.05 with ratio > 1. ' +
        'Bands are half-open: [0, 200) m holds distances from 0 up to but not including 200 m.' +
        (knox.notes.length > 0 ? ` ${knox.notes.map((n) => (n.endsWith('.') ? n : `${n}.`)).join(' ')}` : ''),
    });
    if (knox.suggestion) blocks.push({ kind: 'paragraph', text: `${knox.suggestion.statement}.` });
  }
  const chains = inputs.chains;
  if (!chains) {
    if (inputs.chainsNote)
      blocks.push({ kind: 'paragraph', text: `Near-repeat series: not run. ${inputs.chainsNote}` });
    return blocks;
  }
  const live = new Set(chains.zones.map((z) => z.chainId));
  blocks.push({
    kind: 'paragraph',
    text:
      `${formatCount(chains.chains.length)} near-repeat series (chains of 2 or more events ${chains.linkRule}) in the period` +
      (chains.asOf ? `; ${live.size} live as of ${formatDate(chains.asOf)}.` : '.'),
  });
  if (chains.chains.length > 0) {
    const shown = [...chains.chains].sort((a, b) => b.size - a.size || a.id - b.id).slice(0, 12);
    blocks.push({
      kind: 'table',
      caption: 'Near-repeat series (chains), largest first',
      columns: [
        { label: 'Chain', align: 'right' },
        { label: 'Events', align: 'right' },
        { label: 'First', align: 'left' },
        { label: 'Last', align: 'left' },
        { label: 'Span', align: 'right' },
        { label: 'Footprint', align: 'right' },
        { label: 'Live', align: 'left' },
      ],
      rows: shown.map((c) => [
        String(c.id),
        formatCount(c.size),
        formatDate(c.firstDate),
        formatDate(c.lastDate),
        formatDays(c.spanDays),
        `${formatCount(c.areaM2)} m²`,
        live.has(c.id) ? 'live' : '',
      ]),
      highlight: shown.flatMap((c, i) =>
        live.has(c.id) || (inputs.subject.kind === 'chain' && c.id === inputs.subject.id) ? [i] : [],
      ),
      note:
        `Events are linked when closer than ${formatMetres(chains.distanceM)} and fewer than ${formatDays(chains.days)} apart; ` +
        'the origin of a chain is its earliest event (same-day ties: smaller reference). A live chain could still grow as of the date shown.',
    });
    const map = chainsMapSvg(inputs, provenance);
    if (map)
      blocks.push({
        kind: 'figure',
        caption: 'Near-repeat series and the risk zones of live series',
        svg: map,
      });
  }
  return blocks;
}

export function analysisBlocks(inputs: ProfileInputs, noun: string, provenance: string): Block[] {
  const blocks: Block[] = [];
  if (inputs.kde && inputs.kde.hotspots.length > 0) {
    blocks.push(hotspotTable(inputs));
    for (const h of focusHotspots(inputs)) {
      blocks.push({
        kind: 'figure',
        caption: `Hotspot ${h.rank}: ${formatCount(h.events)} events (${formatShare(h.share)}) in ${formatAreaKm2(h.areaKm2)}, PAI ${h.pai.toFixed(1)}; peak hours ${hoursText(h.peakHours)}`,
        svg: hotspotMapSvg(inputs, h, provenance),
      });
    }
  } else {
    blocks.push({
      kind: 'paragraph',
      text: `No hotspots: ${inputs.kdeNote ?? 'no density surface could be computed for the period.'}`,
    });
  }
  blocks.push(...aoristicBlocks(inputs));
  blocks.push(...nearRepeatBlocks(inputs, noun, provenance));
  if (inputs.repeatLocations.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Repeat locations: location descriptions with two or more events in the period',
      columns: [
        { label: 'Location', align: 'left' },
        { label: 'Events', align: 'right' },
      ],
      rows: inputs.repeatLocations.slice(0, 10).map((r) => [r.location, formatCount(r.count)]),
      ...(inputs.repeatLocations.length > 10
        ? { note: `${inputs.repeatLocations.length - 10} more locations with two or more events.` }
        : {}),
    });
  }
  return blocks;
}
