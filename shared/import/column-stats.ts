/**
 * What a sample of one column's values looks like (numbers, dates, months, times, day order), and
 * whether that fits a canonical field: coordinates in range (BNG eastings 0–700 000, northings
 * 0–1 300 000; UK longitudes −9…2.1, latitudes 49.8…61), dates that parse, HH:MM times, weights ≥ 0.
 * Used by detect-mapping.ts on the preview sample only.
 */
import type { CanonicalField } from '../model/records.js';
import { parseDecimal } from './cells.js';
import { parseDateCell, parseTimeCell } from './dates.js';

export interface ColumnStats {
  numbers: number[];
  nonEmpty: number;
  dates: number;
  months: number;
  withTime: number;
  times: number;
  dayFirstOver12: number;
  monthFirstOver12: number;
  iso: number;
  serials: number;
}

export function columnStats(values: string[]): ColumnStats {
  const s: ColumnStats = {
    numbers: [],
    nonEmpty: 0,
    dates: 0,
    months: 0,
    withTime: 0,
    times: 0,
    dayFirstOver12: 0,
    monthFirstOver12: 0,
    iso: 0,
    serials: 0,
  };
  for (const raw of values) {
    const v = raw.trim();
    if (v === '') continue;
    s.nonEmpty++;
    const n = parseDecimal(v);
    if (!Number.isNaN(n)) s.numbers.push(n);
    if (typeof parseTimeCell(v) === 'number' && v.includes(':') && v.length <= 8) s.times++;
    if (Number.isNaN(n) || /^\d{5}(\.\d+)?$/.test(v)) {
      const d = parseDateCell(v, { format: 'dmy', nowYear: 2100 });
      if (typeof d !== 'string') {
        s.dates++;
        if (d.precision === 'month') s.months++;
        if (d.precision === 'exact') s.withTime++;
        if (/^\d{4}-/.test(v)) s.iso++;
        if (!Number.isNaN(n)) s.serials++;
        const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(v);
        if (m && Number(m[1]) > 12) s.dayFirstOver12++;
        if (m && Number(m[2]) > 12) s.monthFirstOver12++;
      } else if (/^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.test(v)) {
        // Not a valid d/m date: maybe m/d (e.g. 04/25/2017).
        const m = /^(\d{1,2})[/.-](\d{1,2})/.exec(v)!;
        if (Number(m[2]) > 12 && Number(m[1]) <= 12) {
          s.dates++;
          s.monthFirstOver12++;
        }
      }
    }
  }
  return s;
}

function allIn(values: number[], min: number, max: number): boolean {
  return values.length > 0 && values.every((v) => v >= min && v <= max);
}

/** Content check per field: 1 fits, 0 says nothing, −1 contradicts. */
export function contentFit(field: CanonicalField, s: ColumnStats): number {
  const share = (k: number) => (s.nonEmpty === 0 ? 0 : k / s.nonEmpty);
  const numeric = share(s.numbers.length) >= 0.9;
  switch (field) {
    case 'x':
      return numeric && allIn(s.numbers, 0, 700_000) && s.numbers.some((v) => v >= 1000)
        ? 1
        : numeric
          ? 0
          : -1;
    case 'y':
      return numeric && allIn(s.numbers, 0, 1_300_000) && s.numbers.some((v) => v >= 1000)
        ? 1
        : numeric
          ? 0
          : -1;
    case 'lon':
      return numeric && allIn(s.numbers, -180, 180) ? (allIn(s.numbers, -9, 2.1) ? 1 : 0) : -1;
    case 'lat':
      return numeric && allIn(s.numbers, -90, 90) ? (allIn(s.numbers, 49.8, 61) ? 1 : 0) : -1;
    case 'date':
    case 'date_from':
    case 'date_to':
      return s.nonEmpty === 0 ? 0 : share(s.dates) >= 0.8 ? 1 : -1;
    case 'time':
      return s.nonEmpty === 0 ? 0 : share(s.times) >= 0.8 ? 1 : -1;
    case 'weight':
      return s.nonEmpty === 0 || (numeric && s.numbers.every((v) => v >= 0)) ? 0 : -1;
    default:
      return 0;
  }
}
