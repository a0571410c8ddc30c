/**
 * The near-repeat part of the Analysis section (DESIGN.md §4 "Near repeat", "Near-repeat chains"):
 * the Knox finding in plain words with q beside p and what Knox does not show (a common offender),
 * the table shaded only where the report calls a cell significant, the suggested thresholds, and the
 * chains: candidate series listed by crime reference, hotspot-like chains said as such and never as
 * linked offending, with the map of the risk zones around recent events. Each part opens with its own
 * heading; the chains' method notes (link rule, hotspot-like rule, tie rule, as-of date) sit under the
 * chains table, not among the data caveats of the Introduction (chainMethodNotes).
 */
import { formatCount, formatDate, formatDays, formatMetres } from './format.js';
import { chainsMapSvg } from './maps.js';
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

/** Chains listed in the profile's table; the rest are in the chains data export. */
export const MAX_CHAIN_ROWS = 12;

const CHAINS_HEADING: Block = { kind: 'heading', text: 'Near-repeat chains: candidate series' };

/**
 * The chains run's own method notes (its `notes` less the data caveats it shares with every analysis,
 * `provenance.caveats`): said beside the chains, where a reader can follow them.
 */
export function chainMethodNotes(inputs: ProfileInputs): string[] {
  const chains = inputs.chains;
  if (!chains) return [];
  const data = new Set(chains.provenance.caveats.map((c) => c.trim()));
  return chains.notes.map((n) => n.trim()).filter((n) => n.length > 0 && !data.has(n));
}

function chainsBlocks(inputs: ProfileInputs, provenance: string): Block[] {
  const chains = inputs.chains;
  if (!chains) {
    return inputs.chainsNote
      ? [CHAINS_HEADING, { kind: 'paragraph', text: `Near-repeat chains: not run. ${inputs.chainsNote}` }]
      : [];
  }
  const counts = chainCounts(chains);
  const blocks: Block[] = [
    CHAINS_HEADING,
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
  const methodNotes = chainMethodNotes(inputs);
  const listed = chains.chains.filter((c) => c.size >= 3 || isHotspotLike(c));
  if (listed.length === 0) {
    if (methodNotes.length > 0) blocks.push({ kind: 'paragraph', text: methodNotes.join(' ') });
    return blocks;
  }
  // Candidate series first (largest first), then the hotspot-like ones.
  const sorted = [...listed].sort(
    (a, b) => Number(isHotspotLike(a)) - Number(isHotspotLike(b)) || b.size - a.size || a.id - b.id,
  );
  const shown = sorted.slice(0, MAX_CHAIN_ROWS);
  const cut = sorted.slice(MAX_CHAIN_ROWS);
  const left = cut.length;
  const cutWords = cut.every(isHotspotLike)
    ? 'the smallest hotspot-like ones'
    : cut.some(isHotspotLike)
      ? 'the smallest candidate series and every hotspot-like chain'
      : 'the smallest candidate series';
  blocks.push({
    kind: 'table',
    caption:
      left > 0
        ? `Near-repeat chains: ${formatCount(shown.length)} of ${formatCount(listed.length)}, candidate series first, then hotspot-like chains`
        : 'Near-repeat chains: candidate series first, then hotspot-like chains',
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
      (left > 0
        ? `${formatCount(left)} more chain${left === 1 ? '' : 's'} (${cutWords}) in the chains data export (CSV or GeoJSON), with every member's crime reference. `
        : '') +
      [
        ...(methodNotes.length > 0
          ? methodNotes
          : [
              `Events are linked when closer than ${formatMetres(chains.distanceM)} (${chains.metric} distance) and fewer than ${formatDays(chains.days)} apart.`,
            ]),
        'A hotspot-like chain shows a place where crime keeps happening, not linked offending.',
      ].join(' '),
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

export function nearRepeatBlocks(inputs: ProfileInputs, noun: string, provenance: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: 'Near repeats: the Knox test' }];
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
