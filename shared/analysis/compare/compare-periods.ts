/**
 * Counts by area and category for the current period, the previous period and the same period
 * last year, each change tested with the exact conditional Poisson test (poisson-rate-test.ts),
 * exposures being the periods' lengths in days (DESIGN.md §4 "Period comparison and significance").
 *
 * An event counts in a period when its reference time t (by default the window midpoint,
 * periods.ts midpointTimes) satisfies fromMs ≤ t < toMs. Rows: the total, each category, each area,
 * and each area × category seen in any of the three periods. Events without an area (code −1) count
 * in the total and category rows and are reported as `withoutArea`, never dropped silently.
 * With many rows, chance alone makes some "significant" at alpha: multipleTesting 'fdr-bh' gives
 * each comparison a Benjamini–Hochberg q-value (fdr.ts) over all its rows and bases the verdict on
 * it. Cost O(events + rows · N) for N the largest count.
 */
import { adjustColumn, type ChangeTest, unadjusted } from './change-tests.js';
import { checkSpan, previousPeriod, samePeriodLastYear, spanDays, type TimeSpan } from './periods.js';
import { DEFAULT_ALPHA, poissonRateTest } from './poisson-rate-test.js';

export type { ChangeTest } from './change-tests.js';

export interface CompareInput {
  /** One reference time per event (wall-clock ms). */
  timeMs: Float64Array;
  /** Area of each event as an index into `areas`, −1 for none. */
  areaCode?: Int32Array;
  areas?: string[];
  /** Category of each event as an index into `categories`, −1 for none. */
  categoryCode?: Int32Array;
  categories?: string[];
}

export interface CompareOptions {
  current: TimeSpan;
  /** Default: the same length just before `current`. */
  previous?: TimeSpan;
  /** Default: the same calendar dates a year earlier. */
  lastYear?: TimeSpan;
  alpha?: number;
  multipleTesting?: 'none' | 'fdr-bh';
}

export interface CompareRow {
  /** null = all areas. */
  area: string | null;
  /** null = all categories. */
  category: string | null;
  current: number;
  previous: number;
  lastYear: number;
  vsPrevious: ChangeTest;
  vsLastYear: ChangeTest;
}

export interface CompareResult {
  periods: { current: TimeSpan; previous: TimeSpan; lastYear: TimeSpan };
  exposureDays: { current: number; previous: number; lastYear: number };
  alpha: number;
  multipleTesting: 'none' | 'fdr-bh';
  rows: CompareRow[];
  withoutArea: { current: number; previous: number; lastYear: number };
}

const NONE = -1;

export function comparePeriods(input: CompareInput, options: CompareOptions): CompareResult {
  const n = input.timeMs.length;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  checkSpan(options.current, 'current');
  const periods = {
    current: options.current,
    previous: options.previous ?? previousPeriod(options.current),
    lastYear: options.lastYear ?? samePeriodLastYear(options.current),
  };
  checkSpan(periods.previous, 'previous');
  checkSpan(periods.lastYear, 'lastYear');
  for (const [column, labels, name] of [
    [input.areaCode, input.areas, 'area'],
    [input.categoryCode, input.categories, 'category'],
  ] as const) {
    if (!column) continue;
    if (column.length !== n) throw new RangeError(`${name}Code has ${column.length} values, timeMs ${n}`);
    const size = labels?.length ?? 0;
    for (let i = 0; i < n; i++) {
      if (column[i] < NONE || column[i] >= size)
        throw new RangeError(`${name}Code ${column[i]} at event ${i} has no label`);
    }
  }

  // counts[key] = [current, previous, lastYear]; key "a|c" with −1 for "all".
  const counts = new Map<string, [number, number, number]>();
  const withoutArea = { current: 0, previous: 0, lastYear: 0 };
  const spans = [periods.current, periods.previous, periods.lastYear];
  const bump = (a: number, c: number, slot: number) => {
    const key = `${a}|${c}`;
    let row = counts.get(key);
    if (!row) counts.set(key, (row = [0, 0, 0]));
    row[slot]++;
  };
  for (let i = 0; i < n; i++) {
    const t = input.timeMs[i];
    const a = input.areaCode ? input.areaCode[i] : NONE;
    const c = input.categoryCode ? input.categoryCode[i] : NONE;
    for (let slot = 0; slot < 3; slot++) {
      if (!(t >= spans[slot].fromMs && t < spans[slot].toMs)) continue;
      bump(NONE, NONE, slot);
      if (c !== NONE) bump(NONE, c, slot);
      if (a !== NONE) {
        bump(a, NONE, slot);
        if (c !== NONE) bump(a, c, slot);
      } else if (input.areaCode) {
        if (slot === 0) withoutArea.current++;
        else if (slot === 1) withoutArea.previous++;
        else withoutArea.lastYear++;
      }
    }
  }
  if (!counts.has(`${NONE}|${NONE}`)) counts.set(`${NONE}|${NONE}`, [0, 0, 0]);

  const exposureDays = {
    current: spanDays(periods.current),
    previous: spanDays(periods.previous),
    lastYear: spanDays(periods.lastYear),
  };
  const keys = [...counts.keys()].map((k) => k.split('|').map(Number) as [number, number]);
  keys.sort((x, y) => rank(x) - rank(y) || x[0] - y[0] || x[1] - y[1]);
  const test = (cur: number, base: number, baseDays: number) =>
    poissonRateTest(cur, base, exposureDays.current, baseDays, alpha);
  const raw = keys.map(([a, c]) => {
    const [cur, prev, ly] = counts.get(`${a}|${c}`)!;
    return {
      area: a === NONE ? null : input.areas![a],
      category: c === NONE ? null : input.categories![c],
      current: cur,
      previous: prev,
      lastYear: ly,
      prevTest: test(cur, prev, exposureDays.previous),
      lyTest: test(cur, ly, exposureDays.lastYear),
    };
  });
  const mt = options.multipleTesting ?? 'none';
  const column = (tests: ReturnType<typeof test>[]): ChangeTest[] =>
    mt === 'fdr-bh' ? (adjustColumn(tests) as ChangeTest[]) : tests.map(unadjusted);
  const qPrev = column(raw.map((r) => r.prevTest));
  const qLy = column(raw.map((r) => r.lyTest));
  const rows = raw.map((r, i) => ({
    area: r.area,
    category: r.category,
    current: r.current,
    previous: r.previous,
    lastYear: r.lastYear,
    vsPrevious: qPrev[i]!,
    vsLastYear: qLy[i]!,
  }));
  return { periods, exposureDays, alpha, multipleTesting: mt, rows, withoutArea };
}

/** Row order: total, categories, areas, area × category. */
function rank([a, c]: [number, number]): number {
  if (a === NONE) return c === NONE ? 0 : 1;
  return c === NONE ? 2 : 3;
}
