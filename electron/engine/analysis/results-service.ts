/**
 * The results analysis engine service (issue 13 item 6; DESIGN.md §4 "Results analysis"): the
 * target, buffer and control as saved areas or boundary features, the before and after periods as
 * inclusive dates; counts by shared/analysis/results/area-counts.ts (window midpoint, the buffer
 * outside the target), WDQ and WDD with their readings and caveats (results-analysis.ts). A period
 * the data do not cover is refused, never counted as 0. `hotspot results` reads GeoJSON areas and
 * calls the same shared code.
 */
import type Database from 'better-sqlite3';
import { covers, dataCoverage } from '../../../shared/analysis/compare/coverage.js';
import type { TimeSpan } from '../../../shared/analysis/compare/periods.js';
import { midpointTimes, spanDays } from '../../../shared/analysis/compare/periods.js';
import { giBins } from '../../../shared/analysis/gistar/classes.js';
import { countGrid } from '../../../shared/analysis/gistar/count-grid.js';
import { giStar } from '../../../shared/analysis/gistar/gistar.js';
import { asMultiPolygon, type MultiPolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import { countResultAreas } from '../../../shared/analysis/results/area-counts.js';
import { hotspotAccuracy } from '../../../shared/analysis/results/hotspot-accuracy.js';
import { resultsAnalysis } from '../../../shared/analysis/results/results-analysis.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ResultsRunResult, taskingMethods } from '../../../shared/api/tasking-api.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { ukDate } from '../../../shared/model/time.js';
import type { EngineContext } from '../context.js';
import { spanOf } from '../profile/gather.js';
import { areaGeometry } from '../project/areas.js';
import { queryRecords } from '../query/query-records.js';
import { type AnalysisJob, checkpoint } from './analysis-job.js';
import { analysisProvenance } from './provenance.js';
import { taskingGrid } from './tasking-grid.js';

export type ResultsRequest = Omit<InputOf<typeof taskingMethods, 'runResults'>, 'jobId'>;
type AreaRef = ResultsRequest['target'];

export async function runResultsAnalysis(
  ctx: EngineContext,
  request: ResultsRequest,
  job: AnalysisJob,
): Promise<ResultsRunResult> {
  const { db } = ctx.project();
  const filter: RecordFilter = {};
  if (request.datasetIds) filter.datasetIds = [...request.datasetIds];
  if (request.categories) filter.categories = [...request.categories];
  const periods = guarded(() => ({ before: spanOf(request.before), after: spanOf(request.after) }));
  job.progress(0, 3, 'Counting events in the areas');
  await checkpoint(job.signal);
  const columns = queryRecords(db, filter);
  const coverage = dataCoverage(columns.fromMs, columns.toMs);
  for (const [name, span] of Object.entries(periods)) {
    if (!covers(coverage, span))
      throw new ApiError(
        'refused',
        `The data do not cover the ${name} period (${ukDate(span.fromMs)} to ${ukDate(span.toMs - 1)}): choose dates inside the extracts, with no month missing`,
      );
  }
  const areas = {
    target: areaPolygons(db, request.target),
    buffer: areaPolygons(db, request.buffer),
    control: areaPolygons(db, request.control),
  };
  await checkpoint(job.signal);
  const timeMs = midpointTimes(columns.fromMs, columns.toMs);
  const counted = guarded(() => countResultAreas({ x: columns.x, y: columns.y, timeMs }, areas, periods));
  job.progress(1, 3, "Last period's hot spots on this period's events");
  await checkpoint(job.signal);
  const hotspots = beforeHotspotAccuracy(columns.x, columns.y, timeMs, periods);
  const result = resultsAnalysis(counted, {
    before: spanDays(periods.before),
    after: spanDays(periods.after),
  });
  await checkpoint(job.signal);
  job.progress(3, 3);
  return {
    ...result,
    hotspots,
    before: request.before,
    after: request.after,
    provenance: analysisProvenance(ctx, {
      filter,
      columns,
      windowBasis: 'midpoint',
      caveats: result.caveats,
    }),
  };
}

/**
 * PAI, PEI and RRI of the before period's hot spots on the after period's events: the tasking grid
 * over all the filtered records (its default cells and suggested band, as the Gi* panel), hot spots
 * the cells that Gi* of the before counts marks hot at 95 % or more (BH), every cell the study area.
 */
function beforeHotspotAccuracy(
  x: Float64Array,
  y: Float64Array,
  timeMs: Float64Array,
  periods: { before: TimeSpan; after: TimeSpan },
): ResultsRunResult['hotspots'] {
  const grid = guarded(() => taskingGrid(x, y, {}));
  const inPeriod = (span: TimeSpan) => {
    const keep: number[] = [];
    for (let i = 0; i < timeMs.length; i++)
      if (timeMs[i]! >= span.fromMs && timeMs[i]! < span.toMs) keep.push(i);
    return countGrid({ x: keep.map((i) => x[i]!), y: keep.map((i) => y[i]!) }, grid.extent, grid.cellSizeM);
  };
  const previous = inPeriod(periods.before).grid;
  const current = inPeriod(periods.after).grid.values;
  const bins = giBins(giStar(previous, { distanceM: grid.distanceM }));
  const hotspot = Uint8Array.from(bins, (b) => (b >= 2 ? 1 : 0));
  return {
    ...hotspotAccuracy({ hotspot, previous: previous.values, current }),
    cellSizeM: grid.cellSizeM,
    distanceM: grid.distanceM,
    rule: `Hot spots of the before period: cells of ${Math.round(grid.cellSizeM)} m that Gi* (band ${Math.round(grid.distanceM)} m) marks hot at 95 % or more; the study area is every cell of the records' extent.`,
  };
}

/** A RangeError from a rule (bad dates, overlapping periods) as the analyst's error. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('invalid-argument', error.message);
    throw error;
  }
}

/** A saved area's or boundary feature's polygons, project CRS. */
function areaPolygons(db: Database.Database, ref: AreaRef): MultiPolygonCoords {
  if ('areaId' in ref) return asMultiPolygon(areaGeometry(db, ref.areaId).coordinates as MultiPolygonCoords);
  const row = db.prepare('SELECT geometry FROM boundary_features WHERE id = ?').get(ref.boundaryFeatureId) as
    | { geometry: string }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no boundary feature with id ${ref.boundaryFeatureId}`);
  return asMultiPolygon((JSON.parse(row.geometry) as { coordinates: MultiPolygonCoords }).coordinates);
}
