/**
 * Which change a profile's summary leads with (DESIGN.md §4 "Period comparison and significance";
 * issue 10 "the real headline missed": hotspot 1 rose from 62 to 106 while the rest of the town fell,
 * and the summary said only "up 2.4%, no significant change").
 *
 * Facts are made for the whole scope, the profile's subject and each hotspot, against the previous
 * period and the same period last year where both periods have data. "All hotspots together" against
 * "the rest of the area" is NOT a fact: the hotspots are drawn around this period's densest events, so
 * they rise and the rest falls by construction (selection, not change). A hotspot's change leads only
 * when it is significant against every covered baseline in the same direction (robustHotspotFact). For a fact about a part P of the scope S (P ⊆ S: the subject and the hotspots are all
 * drawn from the scope's records), "the rest" is S − P in each period, and
 *
 *   against the area's trend  ⇔  P's change is significant (q < alpha, the test's own verdict) and
 *                                the rest's rate moved the other way (its raw rate, tested or not).
 *
 * The hotspots of one density run are disjoint (one class region cut into pieces), so "all hotspots"
 * is the sum of their counts; its test and the rest's are single tests, so their q equals p.
 *
 * Order, headline first: significant changes against the area's trend, then other significant
 * changes, each group by the size of the change in events (|current − expected|, expected being the
 * baseline scaled to the current period's length); then the scope's and the subject's own changes,
 * which are always given as context even when not significant. A non-significant hotspot change is
 * not a headline and is left out. Hotspots are subjects chosen because they are high now, so their
 * facts carry `chosenForBeingHighNow` (the regression-to-the-mean caveat applies).
 */
import type { ChangeTest } from '../analysis/compare/change-tests.js';
import {
  DEFAULT_ALPHA,
  poissonRateTest,
  type RateTestResult,
} from '../analysis/compare/poisson-rate-test.js';
import type { HotspotTrend, PeriodComparison } from './model.js';

export type HeadlineSubject = 'scope' | 'subject' | 'hotspot';
export type HeadlineBaseline = 'previous' | 'lastYear';
export type HeadlineDirection = 'increase' | 'decrease' | 'no significant change';
export type RawDirection = 'rose' | 'fell' | 'level';

export interface HeadlineFact {
  /** Whose change: the whole scope, the profile's subject, one hotspot (rank), all hotspots, the rest. */
  subject: HeadlineSubject;
  /** Hotspot rank when subject is 'hotspot', else null. */
  rank: number | null;
  /** Compared with the previous period or the same period last year. */
  against: HeadlineBaseline;
  /** Count in the baseline period and in the current period. */
  from: number;
  to: number;
  test: ChangeTest;
  /** From the test's verdict (after BH where the row belongs to a table). */
  direction: HeadlineDirection;
  /** The rest of the scope (scope − this part) in the same two periods; null for the scope itself. */
  rest: { from: number; to: number; direction: RawDirection; test: RateTestResult } | null;
  /** Significant change while the rest of the area's rate moved the other way. */
  againstAreaTrend: boolean;
  /** A hotspot of this period: chosen for being high now, so read with the regression-to-the-mean caveat. */
  chosenForBeingHighNow: boolean;
}

export interface HeadlineInput {
  scope: PeriodComparison;
  subject: PeriodComparison;
  /** Rank of the subject when it is a hotspot (its fact is then the hotspot's), else null. */
  subjectHotspotRank: number | null;
  hotspots: readonly HotspotTrend[];
  /** Lengths of the three periods in days (the tests' exposures). */
  exposureDays: { current: number; previous: number; lastYear: number };
  alpha?: number;
}

const BASELINES: readonly HeadlineBaseline[] = ['previous', 'lastYear'];

function directionOf(test: RateTestResult): HeadlineDirection {
  if (test.verdict === 'significant increase') return 'increase';
  if (test.verdict === 'significant decrease') return 'decrease';
  return 'no significant change';
}

function rawDirection(current: number, baseline: number, share: number): RawDirection {
  // current / baseline against t1 / t2, written without division: current·t2 vs baseline·t1.
  const lhs = current * (1 - share);
  const rhs = baseline * share;
  if (Math.abs(lhs - rhs) < 1e-9 * Math.max(1, lhs, rhs)) return 'level';
  return lhs > rhs ? 'rose' : 'fell';
}

function baselineOf(c: PeriodComparison, against: HeadlineBaseline): number | null {
  return against === 'previous' ? c.previous : c.lastYear;
}

function testOf(c: PeriodComparison, against: HeadlineBaseline): ChangeTest | null {
  return against === 'previous' ? c.vsPrevious : c.vsLastYear;
}

/** Size of a change in events: |current − baseline scaled to the current period's length|. */
function eventsChanged(test: RateTestResult): number {
  // Baseline rate times the current period's length: baseline · t1 / t2 = baseline · s / (1 − s).
  return Math.abs(test.current - (test.baseline * test.expectedShare) / (1 - test.expectedShare));
}

/**
 * A hotspot's change is a headline only when it holds against every baseline the data cover, in the
 * same direction: a rise against the previous period alone may be the season (Abbey Fields: +67% on
 * January–June, +9% on the same months last year). The fact given is the one against the same period
 * last year (seasonally matched), else against the previous period.
 */
function robustHotspotFact(
  h: PeriodComparison,
  factAgainst: (against: HeadlineBaseline) => HeadlineFact | null,
): HeadlineFact | null {
  const facts = BASELINES.map(factAgainst).filter((f): f is HeadlineFact => f !== null);
  if (facts.length === 0 || h.current === 0) return null;
  const direction = facts[0]!.direction;
  if (direction === 'no significant change' || facts.some((f) => f.direction !== direction)) return null;
  return facts.find((f) => f.against === 'lastYear') ?? facts[0]!;
}

export function headlineFacts(input: HeadlineInput): HeadlineFact[] {
  const alpha = input.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  for (const [name, days] of Object.entries(input.exposureDays)) {
    if (!(days > 0)) throw new RangeError(`exposureDays.${name} must be > 0, got ${days}`);
  }
  const exposure = (against: HeadlineBaseline) =>
    against === 'previous' ? input.exposureDays.previous : input.exposureDays.lastYear;

  const make = (
    part: PeriodComparison,
    subject: HeadlineSubject,
    rank: number | null,
    against: HeadlineBaseline,
  ): HeadlineFact | null => {
    if (subject !== 'scope' && part.current > input.scope.current) {
      throw new RangeError(`the ${subject} has more events than the scope it is part of`);
    }
    const from = baselineOf(part, against);
    const test = testOf(part, against);
    if (from === null || test === null) return null;
    let rest: HeadlineFact['rest'] = null;
    const scopeFrom = baselineOf(input.scope, against);
    if (subject !== 'scope' && scopeFrom !== null) {
      const restTo = input.scope.current - part.current;
      const restFrom = scopeFrom - from;
      if (restTo < 0 || restFrom < 0) {
        throw new RangeError(`the ${subject} has more events than the scope it is part of`);
      }
      const restTest = poissonRateTest(
        restTo,
        restFrom,
        input.exposureDays.current,
        exposure(against),
        alpha,
      );
      rest = {
        from: restFrom,
        to: restTo,
        direction: rawDirection(restTo, restFrom, restTest.expectedShare),
        test: restTest,
      };
    }
    const direction = directionOf(test);
    const againstAreaTrend =
      rest !== null &&
      ((direction === 'increase' && rest.direction === 'fell') ||
        (direction === 'decrease' && rest.direction === 'rose'));
    return {
      subject,
      rank,
      against,
      from,
      to: part.current,
      test,
      direction,
      rest,
      againstAreaTrend,
      chosenForBeingHighNow: subject === 'hotspot',
    };
  };

  const context: HeadlineFact[] = [];
  const candidates: HeadlineFact[] = [];
  for (const against of BASELINES) {
    const scopeFact = make(input.scope, 'scope', null, against);
    if (scopeFact) context.push(scopeFact);
    if (input.subjectHotspotRank === null) {
      const subjectFact = make(input.subject, 'subject', null, against);
      if (subjectFact) context.push(subjectFact);
    }
  }
  for (const h of input.hotspots) {
    const fact = robustHotspotFact(h, (against) => make(h, 'hotspot', h.rank, against));
    if (fact) candidates.push(fact);
  }
  const significant = candidates.filter((f) => f.direction !== 'no significant change');
  const bySize = (a: HeadlineFact, b: HeadlineFact) => eventsChanged(b.test) - eventsChanged(a.test);
  const lead = significant.filter((f) => f.againstAreaTrend).sort(bySize);
  const rest = significant.filter((f) => !f.againstAreaTrend).sort(bySize);
  const contextSignificantFirst = [
    ...context.filter((f) => f.direction !== 'no significant change'),
    ...context.filter((f) => f.direction === 'no significant change'),
  ];
  return [...lead, ...rest, ...contextSignificantFirst];
}
