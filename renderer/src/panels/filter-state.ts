/**
 * The Filter tab's state as the analyst sees it (dates as yyyy-mm-dd, inclusive) and its translation
 * into the engine's RecordFilter (wall-clock epoch ms, inclusive start and exclusive end; see
 * shared/model/time.ts). `null` means "no restriction", so an untouched filter selects everything.
 *
 * Quick date presets are relative to the data's latest date, not to today: extracts arrive weeks
 * after the period they cover, and "the last 28 days" of a quarterly extract means its last 28 days.
 */
import type { z } from 'zod';
import type { recordFilterSchema } from '../../../shared/api/import-api.js';
import { dayOf, isoDate, MS_PER_DAY } from '../../../shared/model/time.js';

/** RecordFilter (shared/model/records.ts) as the Api's schema takes it. */
export type ApiRecordFilter = z.input<typeof recordFilterSchema>;

export interface FilterState {
  datasetIds: number[] | null;
  categories: string[] | null;
  /** yyyy-mm-dd, inclusive. */
  fromDate: string | null;
  /** yyyy-mm-dd, inclusive. */
  toDate: string | null;
  /** Hours of day 0–23 to keep. */
  hours: number[] | null;
  /** Weekdays 0 = Monday … 6 = Sunday to keep. */
  weekdays: number[] | null;
  /** A boundary feature the records must fall in (at most one of this and savedAreaId is set). */
  areaFeatureId: number | null;
  /** A saved area (Areas panel) the records must fall in. */
  savedAreaId: number | null;
}

export const EMPTY_FILTER: FilterState = {
  datasetIds: null,
  categories: null,
  fromDate: null,
  toDate: null,
  hours: null,
  weekdays: null,
  areaFeatureId: null,
  savedAreaId: null,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall-clock epoch ms of midnight at the start of a yyyy-mm-dd date, or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return null;
  return ms;
}

/**
 * The engine's filter. A whole selection (all 24 hours, all 7 weekdays) is left out rather than sent,
 * so it costs the query nothing; an empty selection is sent as is and matches nothing.
 */
export function toRecordFilter(state: FilterState): ApiRecordFilter {
  const filter: ApiRecordFilter = {};
  if (state.datasetIds !== null) filter.datasetIds = [...state.datasetIds];
  if (state.categories !== null) filter.categories = [...state.categories];
  const from = state.fromDate === null ? null : parseIsoDate(state.fromDate);
  const to = state.toDate === null ? null : parseIsoDate(state.toDate);
  if (from !== null) filter.fromMs = from;
  if (to !== null) filter.toMs = to + MS_PER_DAY;
  if (state.hours !== null && state.hours.length < 24) filter.hours = [...state.hours].sort((a, b) => a - b);
  if (state.weekdays !== null && state.weekdays.length < 7)
    filter.weekdays = [...state.weekdays].sort((a, b) => a - b);
  if (state.areaFeatureId !== null) filter.area = { boundaryFeatureId: state.areaFeatureId };
  else if (state.savedAreaId !== null) filter.area = { areaId: state.savedAreaId };
  return filter;
}

/**
 * The Area choice as one select value: '' for no area, 'feature:ID' for a boundary feature, 'saved:ID'
 * for a saved area. The record filter takes one area, so choosing either kind clears the other.
 */
export function areaChoiceValue(state: Pick<FilterState, 'areaFeatureId' | 'savedAreaId'>): string {
  if (state.areaFeatureId !== null) return `feature:${state.areaFeatureId}`;
  if (state.savedAreaId !== null) return `saved:${state.savedAreaId}`;
  return '';
}

/** The filter change a select value stands for (the inverse of areaChoiceValue). */
export function areaChoiceFilter(value: string): Pick<FilterState, 'areaFeatureId' | 'savedAreaId'> {
  const match = /^(feature|saved):(\d+)$/.exec(value);
  if (match === null) return { areaFeatureId: null, savedAreaId: null };
  const id = Number(match[2]);
  return match[1] === 'feature'
    ? { areaFeatureId: id, savedAreaId: null }
    : { areaFeatureId: null, savedAreaId: id };
}

export const DATE_PRESETS = ['last-28-days', 'last-quarter', 'last-12-months'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DATE_PRESET_LABELS: Readonly<Record<DatePreset, string>> = {
  'last-28-days': 'Last 28 days',
  'last-quarter': 'Last quarter',
  'last-12-months': 'Last 12 months',
};

/**
 * Inclusive dates of a preset, relative to `latestMs` (the data's latest record time):
 *   last-28-days    the 28 days ending on the latest date
 *   last-quarter    the last complete calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec): the
 *                   latest date's quarter when the latest date is its last day, else the one before
 *   last-12-months  from the day after the same date a year earlier to the latest date
 */
export function datePresetRange(preset: DatePreset, latestMs: number): { fromDate: string; toDate: string } {
  const latestDay = dayOf(latestMs) * MS_PER_DAY;
  const latest = new Date(latestDay);
  const y = latest.getUTCFullYear();
  const m = latest.getUTCMonth();
  if (preset === 'last-28-days') {
    return { fromDate: isoDate(latestDay - 27 * MS_PER_DAY), toDate: isoDate(latestDay) };
  }
  if (preset === 'last-12-months') {
    const yearBefore = Date.UTC(y - 1, m, Math.min(latest.getUTCDate(), daysInMonth(y - 1, m)));
    return { fromDate: isoDate(yearBefore + MS_PER_DAY), toDate: isoDate(latestDay) };
  }
  const quarterStartMonth = m - (m % 3);
  const quarterEnd = Date.UTC(y, quarterStartMonth + 3, 1) - MS_PER_DAY;
  const endOfQuarter = quarterEnd === latestDay ? quarterEnd : Date.UTC(y, quarterStartMonth, 1) - MS_PER_DAY;
  const endDate = new Date(endOfQuarter);
  const start = Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 2, 1);
  return { fromDate: isoDate(start), toDate: isoDate(endOfQuarter) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Hours 0–23 from `fromHour` to `toHour` inclusive, wrapping past midnight (22 → 2 is 22, 23, 0, 1, 2). */
export function hourRange(fromHour: number, toHour: number): number[] {
  for (const [name, value] of [
    ['fromHour', fromHour],
    ['toHour', toHour],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 23)
      throw new RangeError(`${name} must be a whole hour 0–23, got ${value}`);
  }
  const hours: number[] = [];
  for (let h = fromHour; ; h = (h + 1) % 24) {
    hours.push(h);
    if (h === toHour) break;
  }
  return hours;
}

/** How many parts of the filter restrict the records (for the "n filters on" badge). */
export function activeParts(state: FilterState): number {
  let n = 0;
  if (state.datasetIds !== null) n++;
  if (state.categories !== null) n++;
  if (state.fromDate !== null || state.toDate !== null) n++;
  if (state.hours !== null && state.hours.length < 24) n++;
  if (state.weekdays !== null && state.weekdays.length < 7) n++;
  if (state.areaFeatureId !== null || state.savedAreaId !== null) n++;
  return n;
}
