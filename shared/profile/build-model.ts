/**
 * ProfileInputs + the analyst's saved texts → ProfileModel (model.ts), in the NIM problem profile's
 * SARA order (DESIGN.md §1): Summary, Scope and data sources, Scanning, Analysis, Response (four
 * strands), Assessment, Appendix (methods, every parameter, provenance). Pure and deterministic: the
 * same inputs and texts give the same model, so a rebuild after new data changes only the figures.
 */
import { analysisBlocks, focusHotspots, hoursText } from './analysis.js';
import { appendixBlocks, provenanceLine, scopeBlocks } from './appendix.js';
import { formatAreaKm2, formatCount, formatDate, formatRange, formatShare } from './format.js';
import { hotspotMapSvg, overviewMapSvg } from './maps.js';
import {
  type Block,
  type HotspotSlide,
  type ProfileInputs,
  type ProfileModel,
  type ProfileSection,
  RESPONSE_STRANDS,
  type SectionId,
} from './model.js';
import { nearRepeatHeadline } from './near-repeat-words.js';
import { suggestResponses } from './recommendations.js';
import { changeSentence, scanningBlocks } from './scanning.js';
import { responseSectionId, type SavedTexts, sectionText } from './sections.js';
import { subjectText } from './subject.js';

const STRAND_TITLES = {
  prevention: 'Prevention',
  intelligence: 'Intelligence',
  enforcement: 'Enforcement',
  reassurance: 'Reassurance',
} as const;

/** The plural noun for sentences: "Burglaries" for a Burglary profile, else "Events". */
export function subjectNoun(inputs: ProfileInputs): string {
  if (inputs.subject.kind !== 'category') return 'Events';
  const name = inputs.subject.name.trim();
  if (/^[A-Za-z]+y$/.test(name) && !/[aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/^[A-Za-z]+$/.test(name)) return `${name} offences`;
  return `${name} events`;
}

export function headlines(inputs: ProfileInputs, noun: string): string[] {
  const lines = [
    `${formatCount(inputs.counts.current)} ${noun === 'Events' ? 'events' : noun.toLowerCase()} from ${formatRange(inputs.periods.current)}, ` +
      `${changeSentence(inputs.counts.vsPrevious, 'the previous period')}.`,
  ];
  const top = focusHotspots(inputs)[0];
  if (top) {
    lines.push(
      `Hotspot ${top.rank}${top.topLocations[0] ? ` (${top.topLocations[0].name})` : ''} held ${formatCount(top.events)} events ` +
        `(${formatShare(top.share)}) in ${formatAreaKm2(top.areaKm2)}: PAI ${top.pai.toFixed(1)}, busiest ${hoursText(top.peakHours)}.`,
    );
  }
  if (inputs.knox) lines.push(nearRepeatHeadline(inputs.knox, noun));
  if (inputs.chains) {
    const live = new Set(inputs.chains.zones.map((z) => z.chainId)).size;
    lines.push(
      `${formatCount(inputs.chains.chains.length)} near-repeat series found` +
        (inputs.chains.asOf ? `, ${live} still live on ${formatDate(inputs.chains.asOf)}.` : '.'),
    );
  }
  return lines;
}

function section(
  saved: SavedTexts,
  id: SectionId,
  title: string,
  group: string,
  blocks: Block[],
  prompt: string,
  generated = '',
): ProfileSection {
  return { id, title, group, blocks, prompt, ...sectionText(saved, id, generated) };
}

function assessmentBlocks(inputs: ProfileInputs, reviewDate: string): Block[] {
  const rows = [
    { label: 'Baseline: events this period', value: formatCount(inputs.counts.current) },
    { label: 'Previous period', value: formatCount(inputs.counts.previous) },
    { label: 'Same period last year', value: formatCount(inputs.counts.lastYear) },
  ];
  for (const h of focusHotspots(inputs)) {
    rows.push({
      label: `Hotspot ${h.rank}: events / PAI`,
      value: `${formatCount(h.events)} / ${h.pai.toFixed(1)}`,
    });
  }
  if (inputs.chains)
    rows.push({ label: 'Near-repeat series', value: formatCount(inputs.chains.chains.length) });
  if (inputs.repeatLocations[0]) {
    rows.push({
      label: 'Top repeat location',
      value: `${inputs.repeatLocations[0].location} (${formatCount(inputs.repeatLocations[0].count)})`,
    });
  }
  return [
    { kind: 'facts', rows },
    {
      kind: 'list',
      items: [
        'Monthly count of events in the profile area against the baseline, tested with the exact Poisson test (as in Scanning).',
        'PAI of this period’s hotspots on next period’s events: does the problem stay where the response is aimed?',
        'Events in a buffer around the hotspots and in a control area, for displacement (Weighted Displacement Quotient).',
        'New near-repeat series and events inside live risk zones after cocooning.',
        `Review date: ${formatDate(reviewDate)}.`,
      ],
    },
  ];
}

/** Three months after the period ends: the usual tasking review cycle. */
export function reviewDateOf(periodEnd: string): string {
  const d = new Date(`${periodEnd}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  return d.toISOString().slice(0, 10);
}

function hotspotSlides(inputs: ProfileInputs, provenance: string): HotspotSlide[] {
  if (!inputs.kde) return [];
  const hotspots =
    inputs.subjectHotspotRank !== null ? focusHotspots(inputs) : inputs.kde.hotspots.slice(0, 6);
  return hotspots.map((h) => ({
    rank: h.rank,
    title: `Hotspot ${h.rank}${h.topLocations[0] ? `: ${h.topLocations[0].name}` : ''}`,
    facts: [
      { label: 'Events', value: `${formatCount(h.events)} (${formatShare(h.share)} of all)` },
      { label: 'Area', value: formatAreaKm2(h.areaKm2) },
      { label: 'PAI', value: h.pai.toFixed(1) },
      { label: 'Class', value: h.classLabel },
      { label: 'Peak hours', value: hoursText(h.peakHours) },
      {
        label: 'Top categories',
        value: h.topCategories.map((c) => `${c.name} (${formatCount(c.count)})`).join(', ') || '—',
      },
      {
        label: 'Top locations',
        value: h.topLocations.map((l) => `${l.name} (${formatCount(l.count)})`).join(', ') || '—',
      },
    ],
    mapSvg: hotspotMapSvg(inputs, h, provenance, 760, 600),
    chart: {
      title: 'Events by hour of day',
      labels: h.times.hours.map((_, hour) => String(hour).padStart(2, '0')),
      values: h.times.hours.map((v) => Math.round(v * 10) / 10),
    },
  }));
}

export function buildProfileModel(inputs: ProfileInputs, saved: SavedTexts = {}): ProfileModel {
  const noun = subjectNoun(inputs);
  const provenance = provenanceLine(inputs);
  const overview = overviewMapSvg(inputs, provenance);
  const lines = headlines(inputs, noun);
  const suggestions = suggestResponses(inputs, noun);
  const reviewDate = reviewDateOf(inputs.periods.current.to);
  const sections: ProfileSection[] = [
    section(
      saved,
      'summary',
      'Summary',
      'Summary',
      [{ kind: 'list', items: lines }],
      'Key judgements for the reader (shown above the findings)',
    ),
    section(
      saved,
      'scope',
      'Scope and data sources',
      'Introduction',
      scopeBlocks(inputs),
      'Why this profile was commissioned, and by whom',
    ),
    section(
      saved,
      'scanning',
      'Scanning',
      'Scanning',
      scanningBlocks(inputs, overview),
      'Your reading of the size and trend of the problem',
    ),
    section(
      saved,
      'analysis',
      'Analysis',
      'Analysis',
      analysisBlocks(inputs, noun, provenance),
      'Your reading of where, when and how',
    ),
    ...RESPONSE_STRANDS.map((strand) =>
      section(
        saved,
        responseSectionId(strand),
        STRAND_TITLES[strand],
        'Response',
        [],
        `${STRAND_TITLES[strand]} actions, one per line`,
        suggestions[strand].join('\n'),
      ),
    ),
    section(
      saved,
      'assessment',
      'Assessment',
      'Assessment',
      assessmentBlocks(inputs, reviewDate),
      'How success will be judged',
    ),
  ];
  return {
    front: inputs.front,
    subjectText: subjectText(inputs.subject),
    subjectLabel: inputs.subjectLabel,
    periods: inputs.periods,
    sections,
    appendix: appendixBlocks(inputs),
    headlines: lines,
    nearRepeatHeadline: inputs.knox ? nearRepeatHeadline(inputs.knox, noun) : null,
    overviewMapSvg: overview,
    hotspotSlides: hotspotSlides(inputs, provenance),
    provenanceLine: provenance,
    appVersion: inputs.appVersion,
    generatedAt: inputs.generatedAt,
  };
}
