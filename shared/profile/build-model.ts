/**
 * ProfileInputs + the analyst's saved texts → ProfileModel (model.ts), in the NIM problem profile's
 * SARA order (DESIGN.md §1): Summary, Scope and data sources, Scanning, Analysis, Intelligence gaps,
 * Response (four strands), Assessment, Appendix (methods, every parameter, provenance). Pure and
 * deterministic: the same inputs and texts give the same model, so a rebuild after new data changes
 * only the figures.
 *
 * Generated findings (summary bullets, intelligence gaps, recommendations) carry stable ids; the
 * analyst's rewording of one is applied over the generated text and marked "edited by the analyst"
 * (findings.ts). "Reviewed by the analyst" is stated only when the front matter carries the date the
 * analyst marked the profile reviewed.
 */
import { analysisBlocks, focusHotspots } from './analysis.js';
import { chainMethodNotes } from './analysis-near-repeat.js';
import { appendixBlocks, profileCaveats, provenanceLine, scopeBlocks } from './appendix.js';
import { actionResultBlocks } from './assessment-results.js';
import { applyEdits, type GeneratedFinding, reviewState } from './findings.js';
import { formatCount, formatDate } from './format.js';
import { intelligenceGaps } from './gaps.js';
import { hotspotSlides } from './hotspot-slides.js';
import { overviewMapSvg } from './maps.js';
import {
  type Block,
  type Finding,
  type ProfileInputs,
  type ProfileModel,
  type ProfileSection,
  RESPONSE_STRANDS,
  type SectionId,
} from './model.js';
import { chainCounts, nearRepeatHeadline } from './near-repeat-words.js';
import { countOrNoData } from './period-words.js';
import { profileTitle, subjectNoun } from './profile-title.js';
import { suggestResponses } from './recommendations.js';
import { scanningBlocks } from './scanning.js';
import { recommendationLines, responseSectionId, type SavedTexts, sectionText } from './sections.js';
import { slideDeck } from './slide-deck.js';
import { subjectText } from './subject.js';
import { summaryFindings } from './summary.js';

export { subjectNoun };

const STRAND_TITLES = {
  prevention: 'Prevention',
  intelligence: 'Intelligence',
  enforcement: 'Enforcement',
  reassurance: 'Reassurance',
} as const;

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

/**
 * A response strand: its generated recommendations with the analyst's per-finding edits, unless the
 * analyst rewrote the strand as a whole (one recommendation per line), which then wins entirely.
 */
function strandSection(
  saved: SavedTexts,
  strand: (typeof RESPONSE_STRANDS)[number],
  generated: readonly GeneratedFinding[],
): ProfileSection {
  const id = responseSectionId(strand);
  const whole = saved[id];
  const findings: Finding[] =
    whole === undefined
      ? applyEdits(generated, saved)
      : recommendationLines(whole).map((text, k) => ({
          id: `${strand}:analyst-${k + 1}`,
          text,
          generated: '',
          edited: true,
          stale: false,
        }));
  return {
    id,
    title: STRAND_TITLES[strand],
    group: 'Response',
    blocks: [],
    prompt: `${STRAND_TITLES[strand]} actions, one per line`,
    text: findings.map((f) => f.text).join('\n'),
    edited: whole !== undefined || findings.some((f) => f.edited),
    findings,
  };
}

/** The strand's actions already recorded in the project's action log, after its recommendations. */
function withRecordedActions(
  section: ProfileSection,
  inputs: ProfileInputs,
  strand: (typeof RESPONSE_STRANDS)[number],
): ProfileSection {
  const recorded = (inputs.recordedActions ?? []).filter((a) => a.type === strand);
  if (recorded.length === 0) return section;
  const findings = recorded.map((a, k) => ({
    id: `${strand}:recorded-${k + 1}`,
    text: a.text,
    generated: a.text,
    edited: false,
    stale: false,
  }));
  return { ...section, findings: [...(section.findings ?? []), ...findings] };
}

function assessmentBlocks(inputs: ProfileInputs, reviewDate: string): Block[] {
  const rows = [
    { label: 'Baseline: events this period', value: formatCount(inputs.counts.current) },
    { label: 'Previous period', value: countOrNoData(inputs.counts.previous) },
    { label: 'Same period last year', value: countOrNoData(inputs.counts.lastYear) },
  ];
  for (const h of focusHotspots(inputs)) {
    rows.push({
      label: `Hotspot ${h.rank}: events / PAI`,
      value: `${formatCount(h.events)} / ${h.pai.toFixed(1)}`,
    });
  }
  if (inputs.chains)
    rows.push({
      label: 'Candidate near-repeat series',
      value: formatCount(chainCounts(inputs.chains).series),
    });
  const top = inputs.repeatLocations[0];
  if (top) {
    rows.push({
      label: 'Top repeat location',
      value: `${top.location ?? 'an unnamed point'} (${formatCount(top.count)})`,
    });
  }
  return [
    { kind: 'facts', rows },
    {
      kind: 'list',
      items: [
        'Monthly count of events in the profile area against the baseline, tested with the exact conditional Poisson test (as in Scanning).',
        'PAI of this period’s hotspots on next period’s events: does the problem stay where the response is aimed?',
        'Events in a buffer around the hotspots and in a control area, for displacement (Weighted Displacement Quotient).',
        'New near-repeat chains and events inside the risk zones after cocooning.',
        `Review date: ${formatDate(reviewDate)}.`,
      ],
    },
    ...(inputs.actionResults ?? []).flatMap(actionResultBlocks),
  ];
}

/**
 * The caveats the Introduction states: the profile's, less the chains' method notes, which sit with
 * the chains they explain (analysis-near-repeat.ts) rather than before chains are introduced.
 */
export function introductionCaveats(inputs: ProfileInputs): string[] {
  const chainNotes = new Set(chainMethodNotes(inputs));
  return profileCaveats(inputs).filter((c) => !chainNotes.has(c));
}

/** Three months after the period ends: the usual tasking review cycle. */
export function reviewDateOf(periodEnd: string): string {
  const d = new Date(`${periodEnd}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  return d.toISOString().slice(0, 10);
}

export function buildProfileModel(inputs: ProfileInputs, saved: SavedTexts = {}): ProfileModel {
  const noun = subjectNoun(inputs);
  const front = { ...inputs.front, title: profileTitle(inputs) };
  const provenance = provenanceLine(inputs);
  const overview = overviewMapSvg(inputs, provenance);
  const summary = applyEdits(summaryFindings(inputs, noun), saved);
  const gaps = applyEdits(intelligenceGaps(inputs), saved);
  const suggestions = suggestResponses(inputs, noun);
  const reviewDate = reviewDateOf(inputs.periods.current.to);
  const strands = RESPONSE_STRANDS.map((strand) =>
    withRecordedActions(strandSection(saved, strand, suggestions[strand]), inputs, strand),
  );
  const sections: ProfileSection[] = [
    {
      ...section(
        saved,
        'summary',
        'Summary',
        'Summary',
        [],
        'Key judgements for the reader (shown above the findings)',
      ),
      findings: summary,
    },
    section(
      saved,
      'scope',
      'Scope and data sources',
      'Introduction',
      scopeBlocks(inputs, introductionCaveats(inputs)),
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
    {
      ...section(saved, 'gaps', 'Intelligence gaps', 'Analysis', [], 'Other gaps, and what would close them'),
      findings: gaps,
    },
    ...strands,
    section(
      saved,
      'assessment',
      'Assessment',
      'Assessment',
      assessmentBlocks(inputs, reviewDate),
      'How success will be judged',
    ),
  ];
  const allFindings = [...summary, ...gaps, ...strands.flatMap((s) => s.findings ?? [])];
  const caveats = profileCaveats(inputs);
  const slides = hotspotSlides(inputs, provenance);
  return {
    front,
    subjectText: subjectText(inputs.subject),
    subjectLabel: inputs.subjectLabel,
    periods: inputs.periods,
    sections,
    appendix: appendixBlocks(inputs),
    headlines: summary.map((f) => f.text),
    review: reviewState(inputs.front.reviewedAt, allFindings),
    caveats,
    nearRepeatHeadline: inputs.knox ? nearRepeatHeadline(inputs.knox, noun) : null,
    overviewMapSvg: overview,
    hotspotSlides: slides,
    deck: slideDeck(inputs, { noun, provenance, summary, strands, caveats, hotspotSlides: slides }),
    provenanceLine: provenance,
    appVersion: inputs.appVersion,
    generatedAt: inputs.generatedAt,
  };
}
