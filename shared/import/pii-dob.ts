/**
 * Dates of birth under any header (pii.ts, issue 14): a date column whose dates fall 0–110 years
 * before another date column's dates in the same rows is a date of birth against the record's date,
 * whatever the two are called ("Date (V)", "Committed Date"). Record dates against each other
 * (committed from/to, committed/reported) differ by hours or days, so the gap must also be long on
 * the whole: a median of at least 5 years, with at least 80 % of rows in the 0–110 year range.
 */
import { parseDecimal } from './cells.js';
import { parseDateCell } from './dates.js';

const YEAR_MS = 365.25 * 86_400_000;
const MAX_AGE_YEARS = 110;
const MIN_MEDIAN_AGE_YEARS = 5;
const IN_RANGE_SHARE = 0.8;
const DATE_SHARE = 0.5;
const MIN_PAIRS = 2;
/** Date columns compared pairwise at most (bounded work on a hostile extract of thousands). */
const MAX_DATE_COLUMNS = 64;

/** Each row's date (start, epoch ms) or NaN, when at least half the column's values are dates. */
function datesOf(values: readonly string[], nowYear: number): Float64Array | null {
  const dates = new Float64Array(values.length).fill(Number.NaN);
  let nonEmpty = 0;
  let parsed = 0;
  values.forEach((raw, row) => {
    const v = raw.trim();
    if (v === '') return;
    nonEmpty++;
    if (!Number.isNaN(parseDecimal(v))) return; // plain numbers are counts, not Excel dates here
    const date = parseDateCell(v, { format: 'dmy', nowYear });
    if (typeof date === 'string') return;
    dates[row] = date.startMs;
    parsed++;
  });
  return nonEmpty > 0 && parsed / nonEmpty >= DATE_SHARE ? dates : null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** True when `birth` reads as ages 0–110 years at the dates of `record`, row by row. */
function isBirthAgainst(birth: Float64Array, record: Float64Array): boolean {
  const ages: number[] = [];
  for (let row = 0; row < birth.length; row++) {
    if (!Number.isNaN(birth[row]!) && !Number.isNaN(record[row]!))
      ages.push((record[row]! - birth[row]!) / YEAR_MS);
  }
  if (ages.length < MIN_PAIRS) return false;
  const inRange = ages.filter((age) => age >= 0 && age <= MAX_AGE_YEARS).length;
  return inRange / ages.length >= IN_RANGE_SHARE && median(ages) >= MIN_MEDIAN_AGE_YEARS;
}

/**
 * The columns (by index) holding dates of birth against another date column of the same rows,
 * each with an example value.
 *
 *   birthDateColumns([['03/02/2024', '12/05/1990'], ['04/02/2024', '01/01/1975']], 2, 2025)
 *   // → Map { 1 => '12/05/1990' }
 */
export function birthDateColumns(
  rows: readonly (readonly string[])[],
  columnCount: number,
  nowYear: number,
): Map<number, string> {
  const columns: (Float64Array | null)[] = [];
  let dateColumns = 0;
  for (let c = 0; c < columnCount; c++) {
    const dates =
      dateColumns < MAX_DATE_COLUMNS
        ? datesOf(
            rows.map((row) => row[c] ?? ''),
            nowYear,
          )
        : null;
    if (dates) dateColumns++;
    columns.push(dates);
  }
  const found = new Map<number, string>();
  columns.forEach((birth, c) => {
    if (!birth) return;
    const isBirth = columns.some((record, r) => r !== c && record !== null && isBirthAgainst(birth, record));
    if (!isBirth) return;
    const row = birth.findIndex((ms) => !Number.isNaN(ms));
    found.set(c, rows[row]![c]!);
  });
  return found;
}
