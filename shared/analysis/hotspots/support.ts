/**
 * Which candidate areas the data support as hotspots (DESIGN.md §4 "Hotspot classes"): a candidate
 * (one connected part of the hotspot class's region) is reported, numbered and described only when
 *
 *   1. it holds at least `minEvents` events (default 5: fewer cannot carry a share, a PAI or a
 *      pattern an analyst would task patrols on), and
 *   2. its peak density is significant against complete spatial randomness in the study area:
 *      p < alpha (default 0.05) by the Monte Carlo max-statistic test of csr-test.ts, which already
 *      controls the family-wise error over all cells, so no further correction is applied.
 *
 * Rule 1 is checked first, so a candidate with too few events is counted under that reason whatever
 * its p. A candidate with no events is always dropped (minEvents ≥ 1), so no hotspot is ever empty.
 * The counts of dropped candidates and the rule in words travel with the result for the legend,
 * the profile and the provenance.
 */

export const DEFAULT_MIN_EVENTS = 5;

export interface SupportRule {
  minEvents: number;
  /** How significance was judged: Monte Carlo simulations, the closed-form bound, or not at all. */
  method: 'simulation' | 'bound' | 'none';
  /** Simulations run; 0 when no significance test was made. */
  iterations: number;
  seed: number | null;
  alpha: number;
}

export interface HotspotSupport extends SupportRule {
  /** Candidate areas of the hotspot class before the rule. */
  candidates: number;
  droppedFewEvents: number;
  droppedNotSignificant: number;
  /** The rule in a few words, for a legend. */
  rule: string;
  /** The rule and what it dropped, in plain English, for the profile and the provenance. */
  statement: string;
}

export type Verdict = 'supported' | 'few-events' | 'not-significant';

export function checkSupportRule(rule: SupportRule): void {
  if (!(Number.isInteger(rule.minEvents) && rule.minEvents >= 1)) {
    throw new RangeError(`minEvents must be an integer ≥ 1, got ${rule.minEvents}`);
  }
  if (!(rule.alpha > 0 && rule.alpha < 1))
    throw new RangeError(`alpha must be between 0 and 1, got ${rule.alpha}`);
}

/** Rule 1, then rule 2 (p null: no test was made, so only rule 1 applies). */
export function verdict(events: number, pValue: number | null, rule: SupportRule): Verdict {
  if (events < rule.minEvents) return 'few-events';
  if (pValue !== null && !(pValue < rule.alpha)) return 'not-significant';
  return 'supported';
}

/** "≥ 5 events and p < 0.05 against complete spatial randomness, 99 simulations". */
export function supportRule(rule: SupportRule): string {
  const events = `≥ ${rule.minEvents} events`;
  if (rule.method === 'none') return `${events} (no significance test)`;
  if (rule.method === 'bound')
    return `${events} and p < ${rule.alpha} against complete spatial randomness (conservative bound)`;
  return `${events} and p < ${rule.alpha} against complete spatial randomness, ${rule.iterations} simulations`;
}

export function supportStatement(
  rule: SupportRule,
  counts: { candidates: number; droppedFewEvents: number; droppedNotSignificant: number },
): string {
  const test =
    rule.method === 'none'
      ? 'No significance test was made.'
      : rule.method === 'bound'
        ? "Each area's peak density was tested against complete spatial randomness with a conservative " +
          "closed-form bound (Bennett's inequality, taken over every cell of the study area), because the " +
          'events are too many to simulate in reasonable time; a hotspot it supports, simulations would ' +
          'support too, so it allows for the many cells looked at.'
        : `Each area's peak density was tested against complete spatial randomness: ${rule.iterations} ` +
          `simulations of the same number of events placed at random in the study area (seed ${rule.seed}); ` +
          `p compares the peak with the highest density each simulation reached anywhere, so it already ` +
          `allows for the many cells looked at.`;
  const kept = counts.candidates - counts.droppedFewEvents - counts.droppedNotSignificant;
  const dropped: string[] = [];
  if (counts.droppedFewEvents > 0)
    dropped.push(`${counts.droppedFewEvents} had fewer than ${rule.minEvents} events`);
  if (counts.droppedNotSignificant > 0)
    dropped.push(
      `${counts.droppedNotSignificant} ${counts.droppedNotSignificant === 1 ? 'was' : 'were'} not significant (p ≥ ${rule.alpha})`,
    );
  const outcome =
    dropped.length > 0
      ? `Of ${counts.candidates} candidate ${plural(counts.candidates, 'area')}, ${dropped.join(' and ')}: ` +
        `these are not reported as hotspots, ${kept} ${kept === 1 ? 'is' : 'are'}.`
      : `All ${counts.candidates} candidate ${plural(counts.candidates, 'area')} passed.`;
  return `Hotspots are reported only with ${supportRule(rule)}. ${test} ${outcome}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
