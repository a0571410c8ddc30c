/**
 * Text formats of the partner extracts: UK dates and times of wall-clock epoch ms, and CSV as
 * RFC 4180 writes it (CRLF line ends, fields quoted only when they hold a comma, quote or line
 * break, quotes doubled).
 */

import { ukDate } from '../model/time.js';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** HH:MM (24-hour) */
export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** dd/mm/yyyy HH:MM */
export function ukDateTime(ms: number): string {
  return `${ukDate(ms)} ${hhmm(ms)}`;
}

/** dd/mm/yyyy HH:MM:SS */
export function ukDateTimeSeconds(ms: number): string {
  return `${ukDateTime(ms)}:${pad(new Date(ms).getUTCSeconds())}`;
}

/** yyyy-mm-dd */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Parses a yyyy-mm-dd date to the wall-clock ms of its midnight, or throws RangeError. */
export function parseIsoDay(text: string, name: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`${name} must be a date yyyy-mm-dd, got '${text}'`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoDay(ms) !== text) throw new RangeError(`${name} is not a real date: '${text}'`);
  return ms;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole CSV file: header line, one line per row, each line ending in CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
