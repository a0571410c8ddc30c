/**
 * The words of the JAG deck (issue 12 "slides built for the back of the room"; DESIGN.md §1): one
 * message per slide, a few short lines on its face, everything else in its speaker notes:
 *
 *   summary        the period's count and change, where it concentrates, near repeats, series
 *   trend          slide-trend.ts            overview   the map, with PAI and the class in plain words
 *   hotspots       hotspot-slides.ts (≤ 5)   other hotspots   one table of the remaining supported ones
 *   series/zones   candidate series only (hotspot-like chains named as such), whether any risk zone
 *                  is live on the profile's date
 *   actions        ≤ ACTION_WORDS words, one short line per strand; each recommendation in full in the notes
 *   appendix       method in brief; the Knox table, every parameter and the caveats in its notes
 *
 * Each finding is worded by the module that owns its rule (period-words, hotspot-words,
 * near-repeat-words, recommendations): this module only shortens and places them.
 */
import type { KdeRunResult } from '../api/analysis-api.js';
import { findingWithMark } from './findings.js';
import {
  formatCount,
  formatDate,
  formatDays,
  formatMetres,
  formatP,
  formatRatio,
  formatShare,
} from './format.js';
import { hotspotRef, hotspotTitle, supportedHotspots } from './hotspot-words.js';
import { chainsMapSvg } from './maps.js';
import type { Finding, HotspotSlide, ProfileInputs, ProfileSection, SlideDeck, SlideWords } from './model.js';
import {
  CHAIN_READING,
  chainCounts,
  isHotspotLike,
  nearRepeatHeadline,
  riskZonesOn,
} from './near-repeat-words.js';
import { changeCellShort, countOrNoData, TEST_IN_WORDS } from './period-words.js';
import { trendSlide } from './slide-trend.js';

/** Most words on the actions slide's face. */
export const ACTION_WORDS = 60;
/** Most words of the caveat footer. */
export const FOOTER_WORDS = 16;

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The first `max` words of `text`, with "…" when cut. */
export function firstWords(text: string, max: number): string {
  const all = text.trim().split(/\s+/);
  if (all.length <= max) return text.trim();
  return `${all
    .slice(0, max)
    .join(' ')
    .replace(/[,;:.(]+$/, '')}…`;
}

/**
 * A recommendation's head: the text up to its first clause break (": ", "; ", " (", ". ") that leaves
 * at least four words, cut to `max` words. The whole recommendation is in the slide's notes.
 */
export function actionHead(text: string, max = 14): string {
  const breaks = [...text.matchAll(/: |; | \(|\. /g)].map((m) => m.index!);
  const cut = breaks.find((i) => words(text.slice(0, i)) >= 4);
  return firstWords(cut === undefined ? text.replace(/\.$/, '') : text.slice(0, cut), max);
}

/** The caveat footer: the first caveat in at most FOOTER_WORDS words, and how many more are in the notes. */
export function caveatFooter(caveats: readonly string[]): string {
  if (caveats.length === 0) return '';
  const more = caveats.length > 1 ? ` (+${caveats.length - 1} more in the notes)` : ' (in full in the notes)';
  return `Caveat: ${firstWords(caveats[0]!, FOOTER_WORDS)}${more}`;
}

/** A Knox headline without its bracketed evidence, plus its q: the short form for a slide's face. */
function knoxShort(inputs: ProfileInputs, noun: string): string | null {
  const knox = inputs.knox;
  if (!knox) return null;
  const sentence = nearRepeatHeadline(knox, noun).replace(/ \(Knox ratio[\s\S]*\)\.$/, '');
  return `${sentence} (q = ${formatP(knox.qValue[0]?.[0] ?? 1)})`;
}

function summary(inputs: ProfileInputs, noun: string, findings: readonly Finding[]): SlideWords {
  const c = inputs.counts;
  // The change that matters leads, as in the profile's summary (a part of the area against its trend).
  const headline = findings.find((f) => f.id === 'summary:headline');
  const fact = inputs.headlineFacts?.[0];
  const lead =
    headline && fact
      ? [
          `${actionHead(headline.text, 16)} (q = ${formatP(fact.test.qValue)}${fact.chosenForBeingHighNow ? '; chosen for being high now' : ''})`,
        ]
      : [];
  const lines = [
    ...lead,
    `${formatCount(c.current)} ${noun.toLowerCase()}; on the previous period (${countOrNoData(c.previous)}): ${changeCellShort(c.previous, c.vsPrevious)}`,
  ];
  const supported = supportedHotspots(inputs.kde);
  if (supported.length > 0) {
    const share = supported.reduce((s, h) => s + h.share, 0);
    lines.push(
      `${formatCount(supported.length)} hotspot${supported.length === 1 ? '' : 's'} hold ${formatShare(share)}; busiest: ${hotspotRef(supported[0]!)}, ${formatCount(supported[0]!.events)}`,
    );
  }
  const knox = knoxShort(inputs, noun);
  if (knox) lines.push(firstWords(knox, 24));
  if (inputs.chains) {
    const n = chainCounts(inputs.chains);
    lines.push(
      `${formatCount(n.series)} possible series, ${formatCount(n.live)} live; ${formatCount(n.hotspotLike)} hotspot-like chains are not series`,
    );
  }
  return {
    title: 'Summary',
    lines,
    notes: ['Key findings in full:', ...findings.map(findingWithMark)],
  };
}

function overview(kde: KdeRunResult | null): SlideWords {
  if (!kde) return { title: 'Where: density', lines: [], notes: [] };
  const cls = kde.thresholds[kde.params.hotspotClass - 1];
  const classWords = cls
    ? /×\s*mean/.test(cls.label)
      ? `${cls.label}: at least ${cls.label.split('×')[0]!.trim()} times the area's average density`
      : `${cls.label} of the density`
    : 'the hotspot class';
  const { minEvents, iterations, alpha } = kde.support;
  return {
    title: 'Where: density and hotspots',
    lines: [
      `Hotspot: ${classWords}, with ≥ ${minEvents} events${iterations > 0 ? ` and p < ${alpha} against chance` : ''}`,
      'PAI: share of events ÷ share of area; PAI 10 = ten times the events its size would suggest',
    ],
    notes: [
      kde.support.statement,
      `Density in events per km² (quartic kernel). p: how often ${formatCount(iterations)} random placements of the same number of events gave a peak as high.`,
    ],
  };
}

function otherHotspots(inputs: ProfileInputs, shown: readonly HotspotSlide[]): SlideDeck['otherHotspots'] {
  const ranks = new Set(shown.map((s) => s.rank));
  const rest = supportedHotspots(inputs.kde).filter((h) => !ranks.has(h.rank));
  if (rest.length === 0 || inputs.subjectHotspotRank !== null) return null;
  const MAX_ROWS = 8;
  const trends = new Map((inputs.hotspotTrends ?? []).map((t) => [t.rank, t]));
  const rows = rest.slice(0, MAX_ROWS).map((h) => {
    const t = trends.get(h.rank);
    return [
      hotspotTitle(h).replace(/^Hotspot /, ''),
      formatCount(h.events),
      h.pai.toFixed(1),
      t ? changeCellShort(t.previous, t.vsPrevious).replace(/ \(.*\)$/, '') : '—',
    ];
  });
  return {
    title: `Other hotspots (${formatCount(rest.length)})`,
    columns: ['Hotspot', 'Events', 'PAI', 'On the previous period'],
    rows,
    lines: rest.length > MAX_ROWS ? [`${formatCount(rest.length - MAX_ROWS)} more in the profile`] : [],
    notes: [
      `Smaller hotspots the data support; change: ${TEST_IN_WORDS}, verdicts after Benjamini–Hochberg correction across the hotspots.`,
      inputs.regressionCaveat,
    ],
  };
}

function series(inputs: ProfileInputs, noun: string, provenance: string): SlideDeck['series'] {
  const chains = inputs.chains;
  const knox = knoxShort(inputs, noun);
  if (!chains) {
    return {
      title: 'Series and risk zones',
      lines: [...(knox ? [firstWords(knox, 24)] : []), 'Near-repeat chains not run: reason in the notes'],
      notes: [inputs.knoxNote ?? '', inputs.chainsNote ?? ''].filter((n) => n !== ''),
      mapSvg: null,
    };
  }
  const n = chainCounts(chains);
  const candidates = chains.chains
    .filter((c) => !isHotspotLike(c) && c.size >= 3)
    .sort((a, b) => b.size - a.size || a.id - b.id);
  const asOf = inputs.front.date;
  const { live: liveZones, lastExpiry } = riskZonesOn(chains.zones, asOf);
  const zoneLine =
    liveZones.length > 0
      ? `${formatCount(liveZones.length)} risk zone${liveZones.length === 1 ? '' : 's'} live on ${formatDate(asOf)}: cocoon within ${formatMetres(chains.distanceM)}`
      : lastExpiry
        ? `No risk zone live on ${formatDate(asOf)}: the last lapsed on ${formatDate(lastExpiry)}`
        : `No risk zone: no event in the last ${formatDays(chains.days)} of the data`;
  return {
    title: 'Series and risk zones',
    lines: [
      `${formatCount(n.series)} possible series (3+ events ${formatMetres(chains.distanceM)} and ${formatDays(chains.days)} apart at most)`,
      ...candidates
        .slice(0, 3)
        .map(
          (c) =>
            `Chain ${c.id}: ${formatCount(c.size)} events, ${formatDate(c.firstDate)} to ${formatDate(c.lastDate)}`,
        ),
      ...(n.hotspotLike > 0
        ? [`${formatCount(n.hotspotLike)} hotspot-like chains: busy places, not series`]
        : []),
      zoneLine,
    ],
    notes: [
      ...(knox ? [nearRepeatHeadline(inputs.knox!, noun), inputs.knox!.reading] : []),
      `Chains: events linked when ${chains.linkRule}. Thresholds: ${chains.thresholdSource}.`,
      CHAIN_READING,
      ...candidates.map(
        (c) =>
          `Chain ${c.id}: ${formatCount(c.size)} events, ${formatDate(c.firstDate)} to ${formatDate(c.lastDate)}; references ${c.references.map((r, k) => r ?? `record ${c.memberRecordIds[k]}`).join(', ')}.`,
      ),
      'Risk zone: a circle round a recent event, valid until the event’s date plus the time threshold; zones lapsed before the profile’s date are not offered for cocooning.',
    ],
    mapSvg: chainsMapSvg(inputs, provenance, 900, 640),
  };
}

function actions(strands: readonly ProfileSection[]): SlideWords {
  // Round robin over the strands (each strand's first action, then each one's second …) until the
  // word budget is spent, so every strand is on the slide before any strand gets a second line.
  const lines: { strand: number; k: number; text: string }[] = [];
  let budget = ACTION_WORDS;
  const most = Math.max(0, ...strands.map((s) => s.findings?.length ?? 0));
  for (let k = 0; k < most; k++) {
    strands.forEach((s, strand) => {
      const f = s.findings?.[k];
      if (!f) return;
      const text = `${s.title}: ${actionHead(f.text)}`;
      if (words(text) > budget) return;
      lines.push({ strand, k, text });
      budget -= words(text);
    });
  }
  lines.sort((a, b) => a.strand - b.strand || a.k - b.k);
  return {
    title: 'Actions for the JAG',
    lines: lines.length > 0 ? lines.map((l) => l.text) : ['No action recorded: see the profile'],
    notes: strands.flatMap((s) => [
      `${s.title}:`,
      ...(s.findings ?? []).map((f) => `- ${findingWithMark(f)}`),
    ]),
  };
}

function knoxTableNotes(inputs: ProfileInputs): string[] {
  const k = inputs.knox;
  if (!k) return [inputs.knoxNote ? `Knox test not run: ${inputs.knoxNote}` : 'Knox test not run.'];
  return [
    `Knox table (${formatCount(k.events)} events, ${k.metric} distance, ${formatCount(k.iterations)} permutations, seed ${k.seed}); each cell: observed pairs, ratio, p, q (Benjamini–Hochberg across the table); * = significant.`,
    `Distance \\ time: ${k.timeLabels.join(' | ')}`,
    ...k.observed.map(
      (row, r) =>
        `${k.distanceLabels[r]}: ${row
          .map(
            (obs, c) =>
              `${obs} · ${formatRatio(k.knoxRatio[r]![c]!)} · p ${formatP(k.pValue[r]![c]!)} · q ${formatP(k.qValue[r]![c]!)}${k.significant[r]?.[c] ? ' *' : ''}`,
          )
          .join(' | ')}`,
    ),
    k.reading,
  ];
}

function appendix(inputs: ProfileInputs, caveats: readonly string[]): SlideWords {
  return {
    title: 'Method and caveats',
    lines: [
      'Density: quartic kernel, events per km²; hotspots tested against random placement',
      `Changes: ${TEST_IN_WORDS}; q = p corrected for many tests`,
      inputs.knox ? 'Near repeats: Knox test; table in the notes' : 'Near repeats: not tested (notes)',
      `${formatCount(caveats.length)} data caveat${caveats.length === 1 ? '' : 's'}: in full in the notes`,
    ],
    notes: [
      ...knoxTableNotes(inputs),
      'Every parameter, the datasets and their hashes are in the profile’s appendix.',
    ],
  };
}

export interface DeckParts {
  noun: string;
  provenance: string;
  summary: readonly Finding[];
  strands: readonly ProfileSection[];
  caveats: readonly string[];
  hotspotSlides: readonly HotspotSlide[];
}

export function slideDeck(inputs: ProfileInputs, parts: DeckParts): SlideDeck {
  return {
    summary: summary(inputs, parts.noun, parts.summary),
    trend: trendSlide(inputs, parts.noun),
    overview: overview(inputs.kde),
    otherHotspots: otherHotspots(inputs, parts.hotspotSlides),
    series: series(inputs, parts.noun, parts.provenance),
    actions: actions(parts.strands),
    appendix: appendix(inputs, parts.caveats),
    caveatFooter: caveatFooter(parts.caveats),
  };
}
