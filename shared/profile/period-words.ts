/**
 * Period comparisons in words (DESIGN.md §4 "Period comparison and significance"; issue 10 item 6):
 *
 *   a period with data   "up 23.1% on the previous period (significant increase: q = 0.012 after
 *                         Benjamini–Hochberg correction, p = 0.006, exact conditional Poisson test)"
 *   a period without     "no data for the previous period (the data start on 1 April 2017)": no
 *                         count, no change, no test, never "0"
 *
 * A change is called significant only by its test's verdict, which is based on the BH q-value over
 * the rows of its table (compare-periods.ts), and the sentence then gives q and names the test.
 * A period is "no data" exactly when its count is null (the inputs decide coverage, one rule).
 */
import type { ChangeTest } from '../analysis/compare/compare-periods.js';
import {
  formatChange,
  formatCount,
  formatDate,
  formatMonth,
  formatP,
  listInWords,
  pPhrase,
} from './format.js';
import type { DataCoverage, DateRange } from './model.js';

export const TEST_IN_WORDS = 'exact conditional Poisson test';

/** "p = 0.006", "q = 0.012": a probability after its letter. */
function letterPhrase(letter: 'p' | 'q', value: number): string {
  return pPhrase(value).replace(/^p/, letter);
}

/** Why a period has no data, from the data's coverage: "the data start on 1 April 2017". */
export function noDataReason(range: DateRange, coverage: DataCoverage): string {
  if (coverage.from === null || coverage.to === null) return 'there are no records in scope';
  if (range.from < coverage.from) return `the data start on ${formatDate(coverage.from)}`;
  if (range.to > coverage.to) return `the data end on ${formatDate(coverage.to)}`;
  const missing = coverage.missingMonths.filter(
    (m) => m >= range.from.slice(0, 7) && m <= range.to.slice(0, 7),
  );
  if (missing.length > 0) return `the data hold no records for ${listInWords(missing.map(formatMonth))}`;
  return 'the data do not cover it';
}

/** "no data for the previous period (the data start on 1 April 2017)". */
export function noDataPhrase(against: string, range: DateRange, coverage: DataCoverage): string {
  return `no data for ${against} (${noDataReason(range, coverage)})`;
}

/** "significant increase: q = 0.012 after Benjamini–Hochberg correction, p = 0.006, exact conditional Poisson test". */
export function verdictPhrase(test: ChangeTest): string {
  const corrected = Math.abs(test.qValue - test.pValue) > 1e-12;
  if (test.verdict === 'no significant change') {
    return `no significant change: ${letterPhrase('p', test.pValue)}${corrected ? `, ${letterPhrase('q', test.qValue)}` : ''}, ${TEST_IN_WORDS}`;
  }
  // A single comparison needs no correction: its q is its p, and the sentence says so.
  return corrected
    ? `${test.verdict}: ${letterPhrase('q', test.qValue)} after Benjamini–Hochberg correction, ${letterPhrase('p', test.pValue)}, ${TEST_IN_WORDS}`
    : `${test.verdict}: ${letterPhrase('q', test.qValue)} for this one comparison, ${TEST_IN_WORDS}`;
}

/** "up 23.1%", "down 4.0%", "unchanged", "up from none". */
export function movePhrase(test: ChangeTest): string {
  const pct = test.percentChange;
  if (pct === null) return test.current > 0 ? 'up from none' : 'none in either period';
  if (pct > 0) return `up ${formatChange(pct).slice(1)}`;
  if (pct < 0) return `down ${formatChange(pct).slice(1)}`;
  return 'unchanged';
}

/**
 * The change against one baseline period in words, or its "no data" phrase:
 *   "up 23.1% on the previous period (10 events; significant increase: …)".
 */
export function changeSentence(
  baseline: number | null,
  test: ChangeTest | null,
  against: string,
  range: DateRange,
  coverage: DataCoverage,
): string {
  if (baseline === null || test === null) return noDataPhrase(against, range, coverage);
  return `${movePhrase(test)} on ${against} (${formatCount(baseline)}; ${verdictPhrase(test)})`;
}

/** Table cells of one baseline row: events, change, p, q, verdict ("no data" and blanks when none). */
export function changeCells(baseline: number | null, test: ChangeTest | null): string[] {
  if (baseline === null || test === null) return ['no data', '', '', '', 'not tested: no data'];
  return [
    formatCount(baseline),
    formatChange(test.percentChange),
    formatP(test.pValue),
    formatP(test.qValue),
    test.verdict,
  ];
}

/** One compact cell: "+71.0%: significant increase (q = 0.001, p < 0.001)", or "not tested: no data". */
export function changeCellShort(baseline: number | null, test: ChangeTest | null, percentDigits = 1): string {
  if (baseline === null || test === null) return 'not tested: no data';
  return `${formatChange(test.percentChange, percentDigits)}: ${test.verdict} (${letterPhrase('q', test.qValue)}, ${letterPhrase('p', test.pValue)})`;
}

/** A count or "no data". */
export function countOrNoData(count: number | null): string {
  return count === null ? 'no data' : formatCount(count);
}
