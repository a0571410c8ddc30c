/**
 * The trend slide's data (issue 12): the subject's monthly counts over the current period beside the
 * same calendar months one year before, from ProfileInputs.byMonth (each record in the month of its
 * window's midpoint, DESIGN.md §4 "Period comparison"). A month the data do not cover is null, drawn
 * as a gap and named as "no data", never as 0. The message is the period comparison's own verdicts
 * (the one test: exact conditional Poisson), not a new test of the monthly figures.
 */
import { formatCount, formatMonth, listInWords } from './format.js';
import type { ProfileInputs, TrendSlide } from './model.js';
import { changeCellShort, countOrNoData, TEST_IN_WORDS } from './period-words.js';

/** "2025-07" → "2024-07". */
export function monthYearBefore(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y) - 1}-${m}`;
}

/** The yyyy-mm months from `from` to `to` (yyyy-mm-dd), inclusive. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export function trendSlide(inputs: ProfileInputs, noun: string): TrendSlide | null {
  const counts = new Map(inputs.byMonth.map((b) => [b.month, b.count]));
  const months = monthsOf(inputs.periods.current.from, inputs.periods.current.to);
  // One month is not a trend (issue 10: no monthly chart from a single month).
  if (months.length < 2) return null;
  const current = months.map((m) => counts.get(m) ?? null);
  const lastYear = months.map((m) => counts.get(monthYearBefore(m)) ?? null);
  if (current.every((c) => c === null)) return null;
  const noData = [
    ...months.filter((_, k) => current[k] === null),
    ...months.map(monthYearBefore).filter((_, k) => lastYear[k] === null),
  ];
  const c = inputs.counts;
  const lines = [
    `${formatCount(c.current)} ${noun.toLowerCase()} this period`,
    `On the previous period (${countOrNoData(c.previous)}): ${changeCellShort(c.previous, c.vsPrevious)}`,
    `On last year (${countOrNoData(c.lastYear)}): ${changeCellShort(c.lastYear, c.vsLastYear)}`,
  ];
  if (noData.length > 0)
    lines.push(`No data (gaps, not zero): ${listInWords(noData.sort().map(formatMonth))}`);
  return {
    title: 'Trend: month by month, against last year',
    lines,
    notes: [
      `Each record counts in the month of its window's midpoint. Changes: ${TEST_IN_WORDS} on the period totals; ` +
        'p is the chance of a change this large if the underlying rate had not changed. A month the data do not cover is a gap, not zero, and is not tested.',
      ...months.map(
        (m, k) =>
          `${formatMonth(m)}: ${current[k] === null ? 'no data' : formatCount(current[k]!)}; ${formatMonth(monthYearBefore(m))}: ${lastYear[k] === null ? 'no data' : formatCount(lastYear[k]!)}`,
      ),
    ],
    months: months.map(formatMonth),
    current,
    lastYear,
  };
}
