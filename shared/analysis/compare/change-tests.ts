/**
 * Benjamini–Hochberg over one column of change tests (DESIGN.md §4 "Period comparison and
 * significance": BH across the rows of one table, each comparison column separately).
 *
 * Given the tests of one column (e.g. "vs previous period" of every row), q-values come from
 * fdr.ts benjaminiHochberg over the tests that were run; a row whose baseline period had no data
 * (null) was not tested, is left null and does not count in m. The verdict is then based on q:
 * "significant increase/decrease" when q < alpha, with the direction of the observed change; the
 * unadjusted p stays beside it. O(m log m).
 */
import { benjaminiHochberg } from './fdr.js';
import { type RateTestResult, verdictOf } from './poisson-rate-test.js';

export interface ChangeTest extends RateTestResult {
  /** Benjamini–Hochberg q-value over the tested rows of its table column (equals pValue for one test). */
  qValue: number;
}

/** The column's tests with BH q-values and verdicts at q; nulls (untested rows) stay null. */
export function adjustColumn(tests: readonly (RateTestResult | null)[]): (ChangeTest | null)[] {
  const q = benjaminiHochberg(tests.map((t) => (t === null ? Number.NaN : t.pValue)));
  return tests.map((t, i) => {
    if (t === null) return null;
    const qValue = q[i]!;
    const expected = (t.current + t.baseline) * t.expectedShare;
    return { ...t, qValue, verdict: verdictOf(qValue, t.current, expected, t.alpha) };
  });
}

/** A single test as a ChangeTest (a family of one: q = p). */
export function unadjusted(test: RateTestResult): ChangeTest {
  return { ...test, qValue: test.pValue };
}
