/**
 * A results analysis from its counts (issue 13 item 6): the WDQ with its reading, the WDD with its
 * interval, and the caveats a JAG should hear with them (STYLE.md habit 18):
 *   - the target was chosen because crime was high there: some fall is expected anyway (regression
 *     to the mean); the control only partly allows for it
 *   - small counts (any area below MIN_STABLE_COUNT before or after) make the ratios unstable
 *   - periods of different lengths: the WDQ's ratios and the WDD's differences compare raw counts
 *   - a control that overlaps the target or buffer
 * and the plain-English change in each area.
 */
import { formatChange, formatDecimal } from '../../profile/format.js';
import type { AreaCountResult } from './area-counts.js';
import { signed } from './results-text.js';
import { type WddResult, weightedDisplacementDifference } from './wdd.js';
import { type AreaCounts, type WdqCounts, type WdqResult, weightedDisplacementQuotient } from './wdq.js';

/** Below this many events in an area and period, ratios swing on a handful of events. */
export const MIN_STABLE_COUNT = 20;

export interface ResultsAnalysis {
  counts: WdqCounts;
  wdq: WdqResult;
  wdd: WddResult;
  /** The WDD in words. */
  wddText: string;
  caveats: string[];
}

export function resultsAnalysis(
  areaCounts: AreaCountResult,
  periodDays: { before: number; after: number },
): ResultsAnalysis {
  const { counts } = areaCounts;
  const wdq = weightedDisplacementQuotient(counts);
  const wdd = weightedDisplacementDifference(counts);
  const caveats = [
    'If the target was chosen because crime was high there, some fall was likely anyway (regression to the mean); the control allows for it only in part.',
  ];
  const small = (['target', 'buffer', 'control'] as const).filter(
    (k) => counts[k].before < MIN_STABLE_COUNT || counts[k].after < MIN_STABLE_COUNT,
  );
  if (small.length > 0)
    caveats.push(
      `Fewer than ${MIN_STABLE_COUNT} events in the ${small.join(', ')} in a period: the WDQ can swing on a few events; read the WDD's interval.`,
    );
  if (periodDays.before !== periodDays.after)
    caveats.push(
      `The periods differ in length (${formatDecimal(periodDays.before, 0)} and ${formatDecimal(periodDays.after, 0)} days): counts are compared as they are, so the control carries the difference.`,
    );
  if (areaCounts.controlOverlap > 0)
    caveats.push(
      `${areaCounts.controlOverlap} events lie in the control and also in the target or buffer: a control should not overlap what it is compared with.`,
    );
  if (areaCounts.withoutPoint > 0)
    caveats.push(
      `${areaCounts.withoutPoint} records in these periods have no point and are not in any area.`,
    );
  return { counts, wdq, wdd, wddText: wddText(wdd), caveats };
}

function wddText(wdd: WddResult): string {
  const [lo, hi] = wdd.ci95.map((v) => signed(v, 1));
  const est = signed(wdd.estimate, 1);
  const significant = wdd.ci95[1] < 0 || wdd.ci95[0] > 0;
  const direction = wdd.estimate < 0 ? 'fewer' : 'more';
  const body = `Net of the control, ${formatDecimal(Math.abs(wdd.estimate), 1)} ${direction} crimes in the target and buffer together (WDD ${est}, 95 % interval ${lo} to ${hi})`;
  return significant
    ? `${body}: the interval excludes no change.`
    : `${body}: the interval includes no change, so this could be chance.`;
}

export function describeChange(c: AreaCounts): string {
  if (c.before === 0) return c.after === 0 ? 'no events before or after' : `${c.after} after, none before`;
  return `${c.before} before, ${c.after} after (${formatChange(((c.after - c.before) / c.before) * 100)})`;
}
