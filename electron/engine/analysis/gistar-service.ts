/**
 * The Getis-Ord Gi* engine service (issue 13 item 2; DESIGN.md §4): counts of the filtered point
 * records per cell (tasking-grid.ts), Gi* with binary weights within the distance band, two-sided p,
 * BH q and the 90/95/99 % hot and cold bins (shared/analysis/gistar), with the suggested band stated
 * and provenance from the one builder. Cached in the project by filter, records version and
 * parameters. Runs on the engine's thread: O(cells · (2R + 1)) on typed arrays, well under a second
 * for a million cells, between a progress report per row.
 */
import { binCounts, giBins } from '../../../shared/analysis/gistar/classes.js';
import { countGrid } from '../../../shared/analysis/gistar/count-grid.js';
import { giStarSteps } from '../../../shared/analysis/gistar/gistar.js';
import { bandNote, giStarReadingNotes } from '../../../shared/analysis/gistar/reading.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { GiStarRunResult, taskingMethods } from '../../../shared/api/tasking-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import { queryRecords } from '../query/query-records.js';
import { type AnalysisJob, checkpoint } from './analysis-job.js';
import { analysisProvenance } from './provenance.js';
import { outsideCaveat, taskingGrid } from './tasking-grid.js';

export type GiStarRequest = Omit<InputOf<typeof taskingMethods, 'runGiStar'>, 'jobId'>;

export const BIN_RULE =
  'Hot (+) and cold (−) spots in three classes, each cell in one: 99 %, 95–99 % and 90–95 % confidence, read from the Benjamini–Hochberg adjusted p over all cells of the grid.';

export async function runGiStarAnalysis(
  ctx: EngineContext,
  request: GiStarRequest,
  job: AnalysisJob,
): Promise<GiStarRunResult> {
  const { db } = ctx.project();
  const inputs = { filter: request.filter, recordsVersion: recordsVersion(db) };
  const params = {
    cellSizeM: request.cellSizeM ?? null,
    distanceM: request.distanceM ?? null,
    extent: request.extent ?? null,
  };
  const { value, hit, analysisId } = await cached(ctx, 'gistar', inputs, params, async () => {
    const columns = queryRecords(db, request.filter);
    if (columns.count === 0)
      throw new ApiError(
        'refused',
        'No point records match the filter: widen the filter or import point data',
      );
    const grid = taskingGrid(columns.x, columns.y, request);
    const counts = countGrid(columns, grid.extent, grid.cellSizeM);
    await checkpoint(job.signal);
    // Row by row with a checkpoint between, so a cancel is heard within a row of the grid.
    const steps = giStarSteps(counts.grid, { distanceM: grid.distanceM }, job.progress);
    let step = steps.next();
    for (; !step.done; step = steps.next()) await checkpoint(job.signal);
    const result = step.value;
    const bins = giBins(result);
    const counted = binCounts(bins);
    const g = counts.grid;
    const t = makeTransform(ctx.project().crs, ctx.project().crs);
    const [x0, y0] = [g.originX, g.originY];
    const [x1, y1] = [x0 + g.width * g.cellSizeM, y0 + g.height * g.cellSizeM];
    const caveats = [
      BIN_RULE,
      grid.distanceSuggested
        ? bandNote(grid.suggestion, grid.cellSizeM)
        : `Distance band ${Math.round(grid.distanceM)} m, chosen by the analyst (suggested: ${Math.round(grid.suggestion.distanceM)} m).`,
      ...giStarReadingNotes({ ...result, bins: counted }),
      ...outsideCaveat(counts.outside),
    ];
    return {
      z: { ...counts.grid, values: result.z },
      bins,
      binCounts: counted,
      cornersWgs84: [
        t.projectToWgs84(x0, y1),
        t.projectToWgs84(x1, y1),
        t.projectToWgs84(x1, y0),
        t.projectToWgs84(x0, y0),
      ],
      cellSizeM: grid.cellSizeM,
      distanceM: grid.distanceM,
      distanceSuggested: grid.distanceSuggested,
      suggestion: grid.suggestion,
      events: { used: counts.used, outside: counts.outside },
      cells: result.cells,
      meanCount: result.mean,
      sdCount: result.sd,
      provenance: analysisProvenance(ctx, { filter: request.filter, columns, windowBasis: null, caveats }),
    };
  });
  return { ...value, analysisId, cached: hit };
}
