/**
 * The emerging hot spots engine service (issue 13 item 3): Gi* per time slice, Mann–Kendall trends
 * and the pattern classes (shared/analysis/emerging), run twice, with the analyst's slice length and
 * a second one, so every cell's class is checked against the slice length and those that change are
 * flagged. Month-only records refuse slices of days (emerging.ts says why). The working is returned
 * for every patterned cell: its Gi* z series, counts, trend and the class with the other length.
 */

import { midpointTimes } from '../../../shared/analysis/compare/periods.js';
import { patternLabel } from '../../../shared/analysis/emerging/classify.js';
import {
  compareSliceLengths,
  type EmergingResult,
  emergingHotspotSteps,
} from '../../../shared/analysis/emerging/emerging.js';
import { type SliceLength, sliceLabel } from '../../../shared/analysis/emerging/time-slices.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { EmergingCell, EmergingRunResult, taskingMethods } from '../../../shared/api/tasking-api.js';
import { cellCentreX, cellCentreY } from '../../../shared/model/grid.js';
import { isoDate, MS_PER_DAY, PRECISION_CODE, ukDate } from '../../../shared/model/time.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import { queryRecords } from '../query/query-records.js';
import { type AnalysisJob, checkpoint } from './analysis-job.js';
import { analysisProvenance } from './provenance.js';
import { outsideCaveat, taskingGrid } from './tasking-grid.js';

export type EmergingRequest = Omit<InputOf<typeof taskingMethods, 'runEmerging'>, 'jobId'>;

/** The default check: quarters against months, months against fortnights, n days against 2n days. */
function defaultCheck(slice: EmergingRequest['slice']): EmergingRequest['slice'] {
  if (slice.unit === 'months' && slice.length % 2 === 0)
    return { unit: 'months', length: slice.length / 2, slices: slice.slices * 2 };
  if (slice.unit === 'months' && slice.length === 3)
    return { unit: 'months', length: 1, slices: slice.slices * 3 };
  if (slice.unit === 'months')
    return { unit: 'months', length: slice.length * 2, slices: Math.max(2, Math.floor(slice.slices / 2)) };
  return { unit: 'days', length: slice.length * 2, slices: Math.max(2, Math.floor(slice.slices / 2)) };
}

export async function runEmergingAnalysis(
  ctx: EngineContext,
  request: EmergingRequest,
  job: AnalysisJob,
): Promise<EmergingRunResult> {
  const { db } = ctx.project();
  const check = request.checkSlice ?? defaultCheck(request.slice);
  const inputs = { filter: request.filter, recordsVersion: recordsVersion(db) };
  const params = { ...request, checkSlice: check };
  const { value, hit, analysisId } = await cached(ctx, 'emerging', inputs, params, async () => {
    const columns = queryRecords(db, request.filter);
    if (columns.count === 0)
      throw new ApiError(
        'refused',
        'No point records match the filter: widen the filter or import point data',
      );
    const grid = taskingGrid(columns.x, columns.y, request);
    const timeMs = midpointTimes(columns.fromMs, columns.toMs);
    const endMs = Date.parse(`${request.endDate}T00:00:00Z`) + MS_PER_DAY;
    const monthOnlyRecords = columns.precision.some((p) => p === PRECISION_CODE.month);
    // Slice by slice with a checkpoint between, so a cancel is heard within one slice's Gi*.
    const run = async (slice: EmergingRequest['slice'], from: number, to: number) => {
      try {
        const length: SliceLength = { unit: slice.unit, length: slice.length };
        const steps = emergingHotspotSteps(
          { x: columns.x, y: columns.y, timeMs },
          {
            extent: grid.extent,
            cellSizeM: grid.cellSizeM,
            distanceM: grid.distanceM,
            endMs,
            slice: length,
            slices: slice.slices,
            monthOnlyRecords,
          },
          (done, total, message) => job.progress(from + (done / total) * (to - from), 2, message),
        );
        for (;;) {
          const step = steps.next();
          if (step.done) return step.value;
          await checkpoint(job.signal);
        }
      } catch (error) {
        if (error instanceof RangeError) throw new ApiError('refused', error.message);
        throw error;
      }
    };
    await checkpoint(job.signal);
    const main = await run(request.slice, 0, 1);
    const other = await run(check, 1, 2);
    const compared = compareSliceLengths(main, other);
    const rules = [
      `Slices of ${sliceLabel(main.slice)} (${main.slices.length}), ending ${ukDate(endMs - 1)}; checked against slices of ${sliceLabel(other.slice)}.`,
      `A slice is a hot (cold) spot for a cell when its Gi* z is positive (negative) with a Benjamini–Hochberg q ≤ ${main.alpha} over the cells of that slice.`,
      `Trends by the Mann–Kendall test on each cell's Gi* z series, significant at p < ${main.trendAlpha}; classes as ArcGIS's emerging hot spot analysis defines them (new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical).`,
      'A rise marks a cell hot in the last slice whose count rose significantly on the earlier slices (exact Poisson test, BH): a place that emerged or surged even if it was already a weaker hot spot.',
    ];
    const caveats = [
      ...rules,
      ...outsideCaveat(main.outsideExtent),
      ...(main.outsideSlices > 0
        ? [`${main.outsideSlices} events fall before the first slice and are not used.`]
        : []),
      ...(compared.changed.length > 0
        ? [
            `${compared.changed.length} of ${compared.patterned} patterned cells change class with the slice length: read their class with care.`,
          ]
        : []),
    ];
    return {
      slices: main.slices.map((s) => ({ from: isoDate(s.fromMs), to: isoDate(s.toMs - 1) })),
      sliceLabel: sliceLabel(main.slice),
      checkSliceLabel: sliceLabel(other.slice),
      pattern: {
        width: main.width,
        height: main.height,
        originX: main.originX,
        originY: main.originY,
        cellSizeM: main.cellSizeM,
        values: Float64Array.from(main.pattern),
      },
      cells: patternedCells(main, other),
      patternCounts: patternCounts(main.pattern),
      changedWithSliceLength: compared.changed.length,
      patterned: compared.patterned,
      cellSizeM: grid.cellSizeM,
      distanceM: grid.distanceM,
      rules,
      provenance: analysisProvenance(ctx, {
        filter: request.filter,
        columns,
        windowBasis: 'midpoint',
        caveats,
      }),
    };
  });
  return { ...value, analysisId, cached: hit };
}

function patternedCells(main: EmergingResult, other: EmergingResult): EmergingCell[] {
  const n = main.slices.length;
  const geometry = { ...main, values: new Float64Array(0) };
  const out: EmergingCell[] = [];
  for (let c = 0; c < main.pattern.length; c++) {
    if (main.pattern[c] === 0 && main.rise[c] === 0) continue;
    out.push({
      cell: c,
      x: cellCentreX(geometry, c % main.width),
      y: cellCentreY(geometry, Math.floor(c / main.width)),
      pattern: patternLabel(main.pattern[c]!),
      rise: main.rise[c] === 1,
      zSeries: main.z.map((z) => (Number.isNaN(z[c]!) ? null : z[c]!)),
      counts: main.counts.map((k) => k[c]!),
      trendZ: main.trendZ[c]!,
      trendP: main.trendP[c]!,
      checkPattern: patternLabel(other.pattern[c]!),
    });
  }
  // Hot first, by the last slice's z.
  const last = (cell: EmergingCell) => cell.zSeries[n - 1] ?? 0;
  return out.sort((a, b) => last(b) - last(a));
}

function patternCounts(pattern: Int8Array): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of pattern) {
    if (code === 0) continue;
    const label = patternLabel(code);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}
