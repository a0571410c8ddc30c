/**
 * The Analysis section (SARA): where, when and how. The hotspots the data support from the period's
 * density run (DESIGN.md §4 "Hotspot classes": place, class, area, events, share, PAI, the support
 * test, top categories, peak hours or "too few timed events", top locations) with the support rule
 * beside the table, each hotspot's trend on earlier periods with the regression-to-the-mean caveat,
 * a zoomed map of the subject's hotspots, the hour × weekday aoristic table, the Knox findings in
 * plain words with the table (BH q beside p, half-open interval labels), the near-repeat chains
 * (candidate series by crime reference; hotspot-like chains said as such) and the repeat locations
 * (identical points). The hotspot tables are analysis-hotspots.ts, the Knox and chain blocks
 * analysis-near-repeat.ts.
 *
 * Each part opens with its own heading (a `heading` block, <h3>). The hour × weekday table counts all
 * the subject's events, so it sits under a heading that says whose they are (whenHeading), never
 * straight under one hotspot's map where it would read as that hotspot's.
 */

import { WEEKDAY_LABELS } from '../analysis/aoristic/aoristic.js';
import type { KdeHotspot } from '../api/analysis-api.js';
import { hotspotTable, hotspotTrendBlocks } from './analysis-hotspots.js';
import { nearRepeatBlocks } from './analysis-near-repeat.js';
import { barChartSvg } from './bar-chart.js';
import {
  formatAreaKm2,
  formatCount,
  formatDate,
  formatDecimal,
  formatHour,
  formatShare,
  listInWords,
} from './format.js';
import {
  hotspotTitle,
  MIN_TIMED_FOR_PEAK_HOURS,
  paiWords,
  peakHoursWords,
  placeName,
  supportedHotspots,
  supportStatement,
} from './hotspot-words.js';
import { hotspotMapSvg } from './maps.js';
import type { Block, ProfileInputs } from './model.js';

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

/** Whose events the hour × weekday table counts: the subject's, which for a crime type is the whole area. */
export function whenHeading(inputs: ProfileInputs, noun: string): string {
  const subject = inputs.subject;
  switch (subject.kind) {
    case 'hotspot':
      return `When: the events of hotspot ${subject.rank}, by hour and day`;
    case 'chain':
      return `When: the events of chain ${subject.id}, by hour and day`;
    case 'area':
      return `When: all ${noun.toLowerCase()} in ${subject.name}, by hour and day`;
    case 'category':
      return `When: all ${noun.toLowerCase()} across the whole area, by hour and day`;
  }
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

function repeatLocationBlocks(inputs: ProfileInputs): Block[] {
  const repeats = inputs.repeatLocations;
  if (repeats.length === 0) return [];
  return [
    { kind: 'heading', text: 'Repeat locations' },
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
        (repeats.length > 10
          ? ` The 10 with most events are shown; ${repeats.length - 10} more locations with two or more events are not listed.`
          : ''),
    },
  ];
}

export function analysisBlocks(inputs: ProfileInputs, noun: string, provenance: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: 'Where: the hotspots of the period' }];
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
        caption: `${hotspotTitle(h)}: ${formatCount(h.events)} events (${formatShare(h.share)}) in ${formatAreaKm2(h.areaKm2)}, ${paiWords(h)}; peak hours: ${peakHoursWords(h)}`,
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
  const when = aoristicBlocks(inputs);
  blocks.push({ kind: 'heading', text: whenHeading(inputs, noun) });
  if (inputs.subject.kind !== 'hotspot' && supported.length > 0 && when[0]?.kind === 'heat') {
    blocks.push({
      kind: 'paragraph',
      text: 'This table and chart count all the profile’s events in the period, not one hotspot’s; each hotspot’s own peak hours are in the hotspots table above.',
    });
  }
  blocks.push(...when);
  blocks.push(...nearRepeatBlocks(inputs, noun, provenance));
  blocks.push(...repeatLocationBlocks(inputs));
  return blocks;
}
