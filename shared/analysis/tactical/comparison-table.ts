/**
 * The comparison tables of a tactical assessment (issue 13 item 1): counts by category and by area
 * for this period, the previous one and the same period last year, through the one period-comparison
 * rule (../compare/period-comparison.ts): each event counts in the period holding its window's
 * midpoint; a baseline the data do not cover is "no data" (null, untested); the exact conditional
 * Poisson test; Benjamini–Hochberg q-values across the rows of one table, each comparison column
 * separately. Rows come in the order given. O(events · groups) to count.
 */
import type { Coverage } from '../compare/coverage.js';
import {
  adjustRows,
  comparePeriodCounts,
  countInPeriods,
  type PeriodComparison,
  type PeriodCounts,
  type PeriodSpans,
} from '../compare/period-comparison.js';

export interface TableRow extends PeriodComparison {
  label: string;
}

/** One table: each row's comparison, with q-values across the table's rows. */
export function comparisonTable(
  rows: readonly { label: string; counts: PeriodCounts }[],
  spans: PeriodSpans,
  coverage: Coverage | null,
): TableRow[] {
  return adjustRows(rows.map((r) => ({ label: r.label, ...comparePeriodCounts(r.counts, spans, coverage) })));
}

/**
 * Counts of each group (e.g. category) in the three periods, from the events' reference times and
 * group codes (−1: none, counted in no group). Groups with no event in any period are left out.
 */
export function countsByGroup(
  timeMs: ArrayLike<number>,
  groupCode: ArrayLike<number>,
  groups: readonly string[],
  spans: PeriodSpans,
): { label: string; counts: PeriodCounts }[] {
  if (groupCode.length !== timeMs.length)
    throw new RangeError(`groupCode has ${groupCode.length} values, timeMs ${timeMs.length}`);
  const members: number[][] = groups.map(() => []);
  for (let i = 0; i < groupCode.length; i++) {
    const g = groupCode[i]!;
    if (g === -1) continue;
    if (!(g >= 0 && g < groups.length)) throw new RangeError(`group code ${g} at event ${i} has no label`);
    members[g]!.push(i);
  }
  return groups
    .map((label, g) => ({ label, counts: countInPeriods(timeMs, spans, members[g]!) }))
    .filter((r) => r.counts.current + r.counts.previous + r.counts.lastYear > 0);
}
