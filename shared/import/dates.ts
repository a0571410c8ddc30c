/**
 * Reading dates from partner extracts into wall-clock epoch ms (shared/model/time.ts), by scanning
 * character codes and calling Date.UTC on integers (no Date parsing of strings, no regex per cell:
 * this runs once or twice per row of a million-row import).
 *
 * Accepted shapes (separators / - . between numbers; 'T' or spaces before a time):
 *   d/m/yyyy, dd/mm/yyyy, dd/mm/yy   numbers read day-first (UK) unless the mapping says 'mdy'
 *   dd-Mon-yyyy, dd Mon yy, 1 April 2017   month names (English, 3+ letters)
 *   yyyy-mm-dd, yyyy/mm/dd, yyyymmdd  ISO order
 *   any of the above + HH:MM, HH:MM:SS or HH:MM:SS.fff (24-hour)
 *   ISO date-times with Z or ±hh:mm   converted to UK civil time (GMT/BST, rules since 1996)
 *   yyyy-mm, mm/yyyy, m/yyyy, Mon yyyy   a month (police.uk)
 *   an Excel serial (1–2958465, fraction = time of day) in the 1900 date system
 * Two-digit years: 20yy, unless that is after the import year + 1, then 19yy (in 2025, "26" → 2026,
 * "27" → 1927). Excel serials: serial 1 = 1900-01-01; serial 60 is Lotus 1-2-3's non-existent
 * 29 Feb 1900 (kept by Excel for compatibility) and is refused; from 61 on, day = 1899-12-30 + serial.
 *
 * A value parses to a window [startMs, endMs] (endMs inclusive, the last millisecond): an instant
 * for a date-time, the whole day for a date, the whole month for a month.
 */
import { MS_PER_DAY, type TimePrecision } from '../model/time.js';
import type { DateFormat } from './mapping.js';

export interface ParsedDate {
  startMs: number;
  /** Inclusive: equal to startMs for a date-time, the day's or month's last millisecond otherwise. */
  endMs: number;
  precision: Exclude<TimePrecision, 'window'>;
}

export interface DateContext {
  format: DateFormat;
  /** Calendar year of the import's "now", for the two-digit-year pivot. */
  nowYear: number;
}

/** Human form of a format for messages: "expected dd/mm/yyyy". */
export function expectedDateText(format: DateFormat): string {
  switch (format) {
    case 'mdy':
      return 'mm/dd/yyyy';
    case 'iso':
      return 'yyyy-mm-dd';
    case 'excel':
      return 'an Excel date number or dd/mm/yyyy';
    default:
      return 'dd/mm/yyyy';
  }
}

const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Last Sunday of a month, as a UTC day start (for the BST rule). */
function lastSundayMs(year: number, month: number): number {
  const last = Date.UTC(year, month, 0);
  const weekday = new Date(last).getUTCDay();
  return last - weekday * MS_PER_DAY;
}

/** UK civil wall-clock ms of a UTC instant: +1 h during BST (last Sun Mar 01:00 UTC – last Sun Oct 01:00 UTC). */
export function ukWallClockOfUtc(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const start = lastSundayMs(year, 3) + 3_600_000;
  const end = lastSundayMs(year, 10) + 3_600_000;
  return utcMs >= start && utcMs < end ? utcMs + 3_600_000 : utcMs;
}

/** Scanner state: one module-level cursor instead of an object per cell. */
let pos = 0;
let digitCount = 0;
/** Digits read by the last readInt (a function, so TypeScript does not narrow it across calls). */
function lastDigitCount(): number {
  return digitCount;
}

function readInt(s: string, maxDigits: number): number {
  let value = 0;
  digitCount = 0;
  while (pos < s.length && digitCount < maxDigits) {
    const c = s.charCodeAt(pos);
    if (!isDigit(c)) break;
    value = value * 10 + (c - 48);
    pos++;
    digitCount++;
  }
  return value;
}

function readMonthName(s: string): number {
  const begin = pos;
  while (pos < s.length && isLetter(s.charCodeAt(pos))) pos++;
  const word = s.slice(begin, pos).toLowerCase();
  if (word.length < 3) return 0;
  const short = MONTHS.indexOf(word.slice(0, 3)) + 1;
  if (short === 0) return 0;
  return word.length === 3 || FULL_MONTHS[short - 1]!.startsWith(word) ? short : 0;
}

function skipSpaces(s: string): void {
  while (pos < s.length && s.charCodeAt(pos) === 32) pos++;
}

/**
 * Reads `HH:MM[:SS[.fff]]` at pos into ms since midnight; NaN when malformed or out of range.
 * Leaves pos after the time.
 */
function readClock(s: string): number {
  const hour = readInt(s, 2);
  if (lastDigitCount() === 0 || pos >= s.length || s.charCodeAt(pos) !== 58) return Number.NaN;
  pos++;
  const minute = readInt(s, 2);
  if (lastDigitCount() !== 2) return Number.NaN;
  let second = 0;
  let millis = 0;
  if (pos < s.length && s.charCodeAt(pos) === 58) {
    pos++;
    second = readInt(s, 2);
    if (lastDigitCount() !== 2) return Number.NaN;
    if (pos < s.length && s.charCodeAt(pos) === 46) {
      pos++;
      const begin = pos;
      const fraction = readInt(s, 9);
      if (lastDigitCount() === 0) return Number.NaN;
      millis = Math.floor(fraction / 10 ** (pos - begin - 3));
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Reads an optional zone designator (Z, ±hh:mm, ±hhmm) at pos: offset ms, 0 for Z, NaN if none/bad. */
function readZone(s: string): number {
  if (pos >= s.length) return Number.NaN;
  const c = s.charCodeAt(pos);
  if (c === 90 || c === 122) {
    pos++;
    return 0;
  }
  if (c !== 43 && c !== 45) return Number.NaN;
  pos++;
  const hours = readInt(s, 2);
  if (lastDigitCount() !== 2) return Number.NaN;
  if (pos < s.length && s.charCodeAt(pos) === 58) pos++;
  const minutes = readInt(s, 2);
  if (lastDigitCount() !== 2 && lastDigitCount() !== 0) return Number.NaN;
  const offset = (hours * 60 + minutes) * 60_000;
  return c === 45 ? -offset : offset;
}

function twoDigitYear(yy: number, nowYear: number): number {
  const year = 2000 + yy;
  return year > nowYear + 1 ? year - 100 : year;
}

/** Parses an Excel serial number text (digits with an optional fraction). */
function parseExcelSerial(text: string, ctx: DateContext, out?: ParsedDate): ParsedDate | string {
  const serial = Number(text);
  if (!Number.isFinite(serial) || serial < 1 || serial > EXCEL_MAX_SERIAL) {
    return `${text} is not a date (an Excel date number must be 1–${EXCEL_MAX_SERIAL}); expected ${expectedDateText(ctx.format)}`;
  }
  const whole = Math.floor(serial);
  if (whole === 60) return `${text} is 29/02/1900, which does not exist (Excel's 1900 leap-year bug)`;
  const dayMs =
    whole < 60 ? Date.UTC(1899, 11, 31) + whole * MS_PER_DAY : EXCEL_EPOCH_MS + whole * MS_PER_DAY;
  const fraction = serial - whole;
  if (fraction === 0) return made(out, dayMs, dayMs + MS_PER_DAY - 1, 'date');
  // Round to the second: Excel stores times as binary fractions of a day.
  const ms = dayMs + Math.round(fraction * 86_400) * 1000;
  return made(out, ms, ms, 'exact');
}

function made(
  out: ParsedDate | undefined,
  startMs: number,
  endMs: number,
  precision: ParsedDate['precision'],
): ParsedDate {
  if (!out) return { startMs, endMs, precision };
  out.startMs = startMs;
  out.endMs = endMs;
  out.precision = precision;
  return out;
}

function notReal(text: string, ctx: DateContext): string {
  return `${text} is not a real date; expected ${expectedDateText(ctx.format)}`;
}
function notDate(text: string, ctx: DateContext): string {
  return `${text} is not a date; expected ${expectedDateText(ctx.format)}`;
}

/**
 * Parses one date, date-time or month cell. Returns the window, or a sentence saying what is wrong
 * and what was expected (e.g. "31/02/2024 is not a real date; expected dd/mm/yyyy").
 * Empty text is the caller's business (a missing value), here it is "not a date".
 * `out`, when given, is filled and returned instead of a new object (the import's hot path reuses one).
 */
export function parseDateCell(raw: string, ctx: DateContext, out?: ParsedDate): ParsedDate | string {
  const text =
    raw.length > 0 && (raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32) ? raw.trim() : raw;
  if (text.length === 0) return `empty date; expected ${expectedDateText(ctx.format)}`;
  pos = 0;
  let year: number;
  let month: number;
  let day: number;
  const first = readInt(text, 9);
  const firstDigits = lastDigitCount();
  if (firstDigits === 0) {
    // "Apr 2017", "April-2017": a month name first.
    month = readMonthName(text);
    if (month === 0) return notDate(text, ctx);
    const sep = pos < text.length ? text.charCodeAt(pos) : 0;
    if (sep !== 32 && sep !== 45 && sep !== 47) return notDate(text, ctx);
    pos++;
    const y = readInt(text, 4);
    if ((lastDigitCount() !== 4 && lastDigitCount() !== 2) || pos !== text.length) return notDate(text, ctx);
    year = lastDigitCount() === 2 ? twoDigitYear(y, ctx.nowYear) : y;
    const start = Date.UTC(year, month - 1, 1);
    return made(out, start, Date.UTC(year, month, 1) - 1, 'month');
  }
  // A number alone, or with one decimal point (not dd.mm.yyyy), is yyyymmdd or an Excel serial.
  if (pos === text.length || (text.charCodeAt(pos) === 46 && text.indexOf('.', pos + 1) < 0)) {
    if (firstDigits === 8 && pos === text.length) {
      year = Math.floor(first / 10_000);
      month = Math.floor(first / 100) % 100;
      day = first % 100;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return notReal(text, ctx);
      const start = Date.UTC(year, month - 1, day);
      return made(out, start, start + MS_PER_DAY - 1, 'date');
    }
    if (firstDigits <= 7) return parseExcelSerial(text, ctx, out);
    return notDate(text, ctx);
  }
  const sep = text.charCodeAt(pos);
  if (sep !== 47 && sep !== 45 && sep !== 46 && sep !== 32) return notDate(text, ctx);
  pos++;
  if (firstDigits === 4) {
    // yyyy-mm, yyyy-mm-dd, yyyy/mm/dd
    year = first;
    month = readInt(text, 2);
    if (lastDigitCount() === 0 || month < 1 || month > 12)
      return lastDigitCount() === 0 ? notDate(text, ctx) : notReal(text, ctx);
    if (pos === text.length) {
      return made(out, Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1) - 1, 'month');
    }
    if (text.charCodeAt(pos) !== sep) return notDate(text, ctx);
    pos++;
    day = readInt(text, 2);
    if (lastDigitCount() === 0) return notDate(text, ctx);
  } else if (firstDigits <= 2) {
    // d/m/yyyy, m/d/yyyy, mm/yyyy, dd-Mon-yy
    let second = readInt(text, 4);
    let secondDigits = lastDigitCount();
    if (secondDigits === 0) {
      second = readMonthName(text);
      if (second === 0) return notDate(text, ctx);
      secondDigits = -1; // a month name
    }
    if (pos === text.length && secondDigits === 4) {
      if (first < 1 || first > 12) return notReal(text, ctx);
      return made(out, Date.UTC(second, first - 1, 1), Date.UTC(second, first, 1) - 1, 'month');
    }
    if (pos >= text.length || text.charCodeAt(pos) !== sep || secondDigits > 2) return notDate(text, ctx);
    pos++;
    const y = readInt(text, 4);
    if (lastDigitCount() === 4) year = y;
    else if (lastDigitCount() === 2) year = twoDigitYear(y, ctx.nowYear);
    else return notDate(text, ctx);
    if (secondDigits === -1 || ctx.format !== 'mdy') {
      day = first;
      month = second;
    } else {
      month = first;
      day = second;
    }
  } else {
    return notDate(text, ctx);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return notReal(text, ctx);
  const dayStart = Date.UTC(year, month - 1, day);
  if (pos === text.length) return made(out, dayStart, dayStart + MS_PER_DAY - 1, 'date');
  // A time of day follows after 'T' or spaces.
  const c = text.charCodeAt(pos);
  if (c === 84 || c === 116) pos++;
  else if (c === 32) skipSpaces(text);
  else return notDate(text, ctx);
  const clock = readClock(text);
  if (Number.isNaN(clock))
    return `${text} has an impossible or unreadable time; expected ${expectedDateText(ctx.format)} HH:MM`;
  let ms = dayStart + clock;
  if (pos < text.length) {
    const offset = readZone(text);
    if (Number.isNaN(offset) || pos !== text.length) return notDate(text, ctx);
    ms = ukWallClockOfUtc(ms - offset);
  }
  return made(out, ms, ms, 'exact');
}

/**
 * Parses a time-of-day cell: HH:MM, H:MM, HH:MM:SS, HHMM ("0930"), or an Excel day fraction
 * ("0.5" = 12:00). Returns ms since midnight, or a sentence saying what is wrong.
 */
export function parseTimeCell(raw: string): number | string {
  const text = raw.trim();
  if (text.length === 0) return 'empty time; expected HH:MM';
  pos = 0;
  if (text.length === 4 && isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(3))) {
    const hhmm = readInt(text, 4);
    if (lastDigitCount() === 4) {
      const hour = Math.floor(hhmm / 100);
      const minute = hhmm % 100;
      if (hour > 23 || minute > 59) return `${text} is not a real time; expected 24-hour HH:MM`;
      return (hour * 60 + minute) * 60_000;
    }
    pos = 0;
  }
  if (text.charCodeAt(0) === 48 && text.charCodeAt(1) === 46) {
    const fraction = Number(text);
    if (Number.isFinite(fraction) && fraction >= 0 && fraction < 1)
      return Math.round(fraction * 86_400) * 1000;
  }
  const clock = readClock(text);
  if (Number.isNaN(clock) || pos !== text.length) return `${text} is not a time; expected 24-hour HH:MM`;
  return clock;
}
