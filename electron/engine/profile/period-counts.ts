/**
 * A profile's counts by period, gathered with the one counting rule (DESIGN.md §4 "Period
 * comparison and significance"): every record counts in exactly one period, the one holding its
 * window's midpoint (shared/analysis/compare/periods.ts midpointTimes), in the period counts, the
 * monthly trend, the hotspot trends and the current period's records alike.
 *
 * The records are selected once over the whole span the profile looks at, [earliest baseline start,
 * current end), by window overlap (a superset: a midpoint inside the span means an overlap), and
 * then binned by midpoint in one pass. Periods and months the data of the datasets in scope do not
 * cover are "no data" (shared/analysis/compare/coverage.ts): null, never 0, and not tested.
 */

import type Database from 'better-sqlite3';
import {
  type Coverage,
  covers,
  dataCoverage,
  monthCovered,
  monthKey,
  monthNumber,
} from '../../../shared/analysis/compare/coverage.js';
import {
  comparePeriodCounts,
  countInPeriods,
  type PeriodComparison,
  type PeriodSpans,
} from '../../../shared/analysis/compare/period-comparison.js';
import { midpointTimes } from '../../../shared/analysis/compare/periods.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { isoDate } from '../../../shared/model/time.js';
import type { DataCoverage } from '../../../shared/profile/model.js';
import { resolveArea } from '../query/query-records.js';
import type { RecordCache } from '../query/record-cache.js';
import { selectRecords } from '../query/select-records.js';

/** Records of one filter over the profile's span, with their midpoints (indexed like `indices`). */
export interface PeriodRecords {
  /** Indices into the record cache (points and area-only records). */
  indices: Uint32Array;
  /** Window midpoint of each selected record. */
  midMs: Float64Array;
}

/** The span every period of the profile lies in: [min(baseline starts), current end). */
export function profileSpan(spans: PeriodSpans): { fromMs: number; toMs: number } {
  return {
    fromMs: Math.min(spans.current.fromMs, spans.previous.fromMs, spans.lastYear.fromMs),
    toMs: Math.max(spans.current.toMs, spans.previous.toMs, spans.lastYear.toMs),
  };
}

export function selectPeriodRecords(
  db: Database.Database,
  cache: RecordCache,
  filter: RecordFilter,
  span: { fromMs: number; toMs: number },
): PeriodRecords {
  const windowed: RecordFilter = { ...filter, fromMs: span.fromMs, toMs: span.toMs };
  const indices = selectRecords(cache, windowed, resolveArea(db, windowed), { pointsOnly: false });
  const from = Float64Array.from(indices, (i) => cache.fromMs[i]!);
  const to = Float64Array.from(indices, (i) => cache.toMs[i]!);
  return { indices, midMs: midpointTimes(from, to) };
}

/** The selected records whose midpoint falls in [fromMs, toMs). */
export function inSpan(records: PeriodRecords, span: { fromMs: number; toMs: number }): Uint32Array {
  const out: number[] = [];
  for (let k = 0; k < records.indices.length; k++) {
    const t = records.midMs[k]!;
    if (t >= span.fromMs && t < span.toMs) out.push(records.indices[k]!);
  }
  return Uint32Array.from(out);
}

/**
 * Coverage of the datasets in scope: every record of those datasets (all categories, everywhere,
 * all dates), since a category with no record in a month the dataset covers is a real zero.
 */
export function scopeCoverage(cache: RecordCache, datasetIds: readonly number[]): Coverage | null {
  const keep = new Set(datasetIds);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < cache.count; i++) {
    if (!keep.has(cache.datasetId[i]!)) continue;
    from.push(cache.fromMs[i]!);
    to.push(cache.toMs[i]!);
  }
  return dataCoverage(from, to);
}

export function coverageInWords(coverage: Coverage | null): DataCoverage {
  if (coverage === null) return { from: null, to: null, missingMonths: [] };
  return {
    from: isoDate(coverage.startMs),
    to: isoDate(coverage.endMs - 1),
    missingMonths: coverage.missingMonths.map(monthKey),
  };
}

/** The records' comparison (unadjusted tests: the caller puts the row in its table, adjustRows). */
export function comparisonOf(
  records: PeriodRecords,
  spans: PeriodSpans,
  coverage: Coverage | null,
): PeriodComparison {
  return comparePeriodCounts(countInPeriods(records.midMs, spans), spans, coverage);
}

/** One bar per calendar month from the span's first month to its last; null where no data. */
export function monthlyTrend(
  records: PeriodRecords,
  span: { fromMs: number; toMs: number },
  coverage: Coverage | null,
): { month: string; count: number | null }[] {
  const first = monthNumber(span.fromMs);
  const last = monthNumber(span.toMs - 1);
  const counts = new Int32Array(last - first + 1);
  for (const t of records.midMs) {
    if (t >= span.fromMs && t < span.toMs) counts[monthNumber(t) - first]!++;
  }
  return Array.from(counts, (count, k) => ({
    month: monthKey(first + k),
    count: monthCovered(coverage, first + k) ? count : null,
  }));
}

/** Caveats about coverage the reader must see beside the counts. */
export function coverageCaveats(coverage: Coverage | null, spans: PeriodSpans): string[] {
  const words = coverageInWords(coverage);
  if (coverage === null || words.from === null) return ['The datasets in scope hold no records.'];
  const out: string[] = [];
  const range = `${ukDay(words.from)} to ${ukDay(words.to!)}`;
  if (!covers(coverage, spans.current)) {
    out.push(
      `The data in scope run from ${range}, so they do not cover the whole current period: its count is partial and no change is tested.`,
    );
  }
  const missing: string[] = [];
  if (!covers(coverage, spans.previous)) missing.push('the previous period');
  if (!covers(coverage, spans.lastYear)) missing.push('the same period last year');
  if (missing.length > 0) {
    out.push(
      `The data in scope run from ${range}${words.missingMonths.length > 0 ? ` with no records in ${words.missingMonths.map(monthWords).join(', ')}` : ''}, ` +
        `so there is no data for ${missing.join(' or ')}: shown as "no data", not as zero, and not tested.`,
    );
  }
  return out;
}

function ukDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthWords(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}
