/**
 * The profile's summary findings (issue 10 item 6: "the summary leads with the change that
 * matters"). In order:
 *
 *   summary:headline     the first headline fact when it is about a part of the area (headline-facts.ts:
 *                        a significant change against the area's trend first, e.g. a hotspot that grew
 *                        while the rest of the area fell); else the subject's counts
 *   summary:counts       the subject's count with its change on both baselines (or "no data")
 *   summary:change-N     up to two further significant changes
 *   summary:hotspot      the subject's or the busiest supported hotspot
 *   summary:near-repeat  the Knox finding in plain words
 *   summary:chains       the near-repeat chains, hotspot-like ones said as such
 *
 * A fact about a hotspot (chosen for being high now) carries the regression-to-the-mean caveat.
 */
import type { KdeHotspot } from '../api/analysis-api.js';
import type { GeneratedFinding } from './findings.js';
import { formatAreaKm2, formatCount, formatDate, formatRange, formatShare } from './format.js';
import type { HeadlineFact } from './headline-facts.js';
import { hotspotPlace, hotspotRef, paiWords, peakHoursWords, supportedHotspots } from './hotspot-words.js';
import type { ProfileInputs } from './model.js';
import { chainCounts, nearRepeatHeadline } from './near-repeat-words.js';
import { changeSentence, movePhrase, verdictPhrase } from './period-words.js';

function againstWords(fact: HeadlineFact): string {
  return fact.against === 'previous' ? 'the previous period' : 'the same period last year';
}

function factName(fact: HeadlineFact, inputs: ProfileInputs, nounLower: string): string {
  switch (fact.subject) {
    case 'scope':
      return `All ${nounLower} in scope`;
    case 'subject':
      return inputs.subjectLabel;
    case 'hotspot': {
      const h = inputs.kde?.hotspots.find((x) => x.rank === fact.rank);
      const place = h ? hotspotPlace(h) : '';
      return place ? `Hotspot ${fact.rank} (${place})` : `Hotspot ${fact.rank}`;
    }
  }
}

/**
 * "Hotspot 1 (Castle) rose from 62 to 106 burglaries on the previous period (up 71.0%; significant
 * increase: …) while the rest of the area fell from 800 to 700."
 */
export function headlineFactSentence(
  fact: HeadlineFact,
  inputs: ProfileInputs,
  nounLower: string,
  withCaveat = true,
): string {
  const moved = fact.to > fact.from ? 'rose' : fact.to < fact.from ? 'fell' : 'stayed';
  const counts =
    moved === 'stayed'
      ? `at ${formatCount(fact.to)}`
      : `from ${formatCount(fact.from)} to ${formatCount(fact.to)}`;
  let text =
    `${factName(fact, inputs, nounLower)} ${moved} ${counts} ${nounLower} against ${againstWords(fact)} ` +
    `(${movePhrase(fact.test)}; ${verdictPhrase(fact.test)})`;
  if (fact.againstAreaTrend && fact.rest) {
    const restMove =
      fact.rest.direction === 'fell' ? 'fell' : fact.rest.direction === 'rose' ? 'rose' : 'stayed level';
    text += `, while the rest of the area ${restMove} from ${formatCount(fact.rest.from)} to ${formatCount(fact.rest.to)}`;
  }
  text += '.';
  if (fact.chosenForBeingHighNow && withCaveat && inputs.regressionCaveat)
    text += ` ${inputs.regressionCaveat}`;
  else if (fact.chosenForBeingHighNow) text += ' (Regression to the mean applies: see above.)';
  return text;
}

function countsSentence(inputs: ProfileInputs, nounLower: string): string {
  const { counts, periods, coverage } = inputs;
  return (
    `${formatCount(counts.current)} ${nounLower} from ${formatRange(periods.current)}: ` +
    `${changeSentence(counts.previous, counts.vsPrevious, 'the previous period', periods.previous, coverage)}; ` +
    `${changeSentence(counts.lastYear, counts.vsLastYear, 'the same period last year', periods.lastYear, coverage)}.`
  );
}

function hotspotSentence(h: KdeHotspot, studyAreaEvents: number, nounLower: string): string {
  const ref = hotspotRef(h);
  return (
    `${ref.charAt(0).toUpperCase()}${ref.slice(1)} held ${formatCount(h.events)} ${nounLower} ` +
    `(${formatShare(h.share)} of the study area's ${formatCount(studyAreaEvents)}) in ${formatAreaKm2(h.areaKm2)}: ${paiWords(h)}; ` +
    `peak hours: ${peakHoursWords(h)}.`
  );
}

/** The same fact: one subject against one baseline. */
function sameFact(a: HeadlineFact, b: HeadlineFact): boolean {
  return a.against === b.against && a.subject === b.subject && a.rank === b.rank;
}

export function summaryFindings(inputs: ProfileInputs, noun: string): GeneratedFinding[] {
  const nounLower = noun === 'Events' ? 'events' : noun.toLowerCase();
  const out: GeneratedFinding[] = [];
  const facts = inputs.headlineFacts ?? [];
  // A change of the whole scope or the subject is context, said in the counts sentence with both
  // baselines; only a change of a part (a hotspot, the rest of the area) leads on its own.
  const first = facts[0];
  const lead = first && first.subject !== 'scope' && first.subject !== 'subject' ? first : undefined;
  const counts = countsSentence(inputs, nounLower);
  if (lead) {
    out.push({ id: 'summary:headline', text: headlineFactSentence(lead, inputs, nounLower) });
    out.push({ id: 'summary:counts', text: counts });
  } else {
    out.push({ id: 'summary:headline', text: counts });
  }
  // Further significant changes of parts of the area, each said once (a mirror image counts as said).
  const said: HeadlineFact[] = lead ? [lead] : [];
  let caveatSaid = lead?.chosenForBeingHighNow === true;
  for (const f of facts.slice(1)) {
    if (said.length - (lead ? 1 : 0) >= 2) break;
    if (f.direction === 'no significant change' || f.subject === 'subject' || f.subject === 'scope') continue;
    if (said.some((s) => sameFact(f, s))) continue;
    said.push(f);
    out.push({
      id: `summary:change-${said.length - (lead ? 1 : 0)}`,
      text: headlineFactSentence(f, inputs, nounLower, !caveatSaid),
    });
    caveatSaid ||= f.chosenForBeingHighNow;
  }
  const supported = supportedHotspots(inputs.kde);
  const top =
    inputs.subjectHotspotRank !== null
      ? supported.find((h) => h.rank === inputs.subjectHotspotRank)
      : supported[0];
  if (top)
    out.push({ id: 'summary:hotspot', text: hotspotSentence(top, inputs.kde!.counts.used, nounLower) });
  if (inputs.knox) out.push({ id: 'summary:near-repeat', text: nearRepeatHeadline(inputs.knox, noun) });
  if (inputs.chains) {
    const c = chainCounts(inputs.chains);
    let text = `${formatCount(c.series)} near-repeat chain${c.series === 1 ? '' : 's'} that could be series (3 or more linked events)`;
    if (c.series > 0 && inputs.chains.asOf)
      text += `, ${formatCount(c.live)} still live on ${formatDate(inputs.chains.asOf)}`;
    if (c.hotspotLike > 0) {
      text += `; ${formatCount(c.hotspotLike)} more chain${c.hotspotLike === 1 ? ' is' : 's are'} hotspot-like (too large, too long, or no busier than the hotspot they sit in) and not treated as linked offending`;
    }
    out.push({ id: 'summary:chains', text: `${text}.` });
  }
  return out;
}
