/**
 * The crime concentration engine service (issue 13 item 7): the Lorenz curve, the Gini and the
 * generalised Gini (Bernasco & Steenbeek 2017) of the filtered records over the cells of the tasking
 * grid (tasking-grid.ts: every cell of the extent is a place, empty ones included), the share of
 * events in the busiest 5 % of cells, and the repeat locations with their time to repeat
 * (shared/analysis/repeats).
 */

import { midpointTimes } from '../../../shared/analysis/compare/periods.js';
import { concentration, concentrationCurve } from '../../../shared/analysis/concentration/lorenz.js';
import { countGrid } from '../../../shared/analysis/gistar/count-grid.js';
import { repeatLocations } from '../../../shared/analysis/repeats/repeat-locations.js';
import { timeToRepeat } from '../../../shared/analysis/repeats/time-to-repeat.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ConcentrationRunResult, taskingMethods } from '../../../shared/api/tasking-api.js';
import { PRECISION_CODE } from '../../../shared/model/time.js';
import type { EngineContext } from '../context.js';
import { queryRecords } from '../query/query-records.js';
import { type AnalysisJob, checkpoint } from './analysis-job.js';
import { analysisProvenance } from './provenance.js';
import { outsideCaveat, taskingGrid } from './tasking-grid.js';

export type ConcentrationRequest = Omit<InputOf<typeof taskingMethods, 'runConcentration'>, 'jobId'>;

const REPEATS_SHOWN = 50;
const BUSIEST_SHARE = 0.05;

export async function runConcentrationAnalysis(
  ctx: EngineContext,
  request: ConcentrationRequest,
  job: AnalysisJob,
): Promise<ConcentrationRunResult> {
  const { db } = ctx.project();
  job.progress(0, 2, 'Counting events per cell');
  const columns = queryRecords(db, request.filter);
  if (columns.count === 0)
    throw new ApiError('refused', 'No point records match the filter: widen the filter or import point data');
  const grid = taskingGrid(columns.x, columns.y, request);
  await checkpoint(job.signal);
  const counts = countGrid(columns, grid.extent, grid.cellSizeM);
  const cells = concentration(counts.grid.values);
  const curve = concentrationCurve(counts.grid.values);
  const busiest = Math.max(1, Math.round(BUSIEST_SHARE * counts.grid.values.length));
  job.progress(1, 2, 'Repeat locations');
  await checkpoint(job.signal);
  const dated = {
    x: columns.x,
    y: columns.y,
    timeMs: midpointTimes(columns.fromMs, columns.toMs),
    datedToDay: Uint8Array.from(columns.precision, (p) => (p === PRECISION_CODE.month ? 0 : 1)),
  };
  const repeats = repeatLocations({
    ...dated,
    locationCode: columns.locationCode,
    locations: columns.locations,
  });
  const caveats = [
    `Concentration over ${cells.places} cells of ${Math.round(grid.cellSizeM)} m, empty cells included; the generalised Gini compares with the most even spread ${cells.sparse ? 'possible with fewer events than cells' : 'of the events'} (Bernasco & Steenbeek 2017).`,
    'Repeat locations are exact repeats of the same coordinates; police.uk points are snapped to anonymised map points, so their repeats are repeats of a snap point.',
    ...outsideCaveat(counts.outside),
  ];
  await checkpoint(job.signal);
  job.progress(2, 2);
  return {
    cells,
    cellSizeM: grid.cellSizeM,
    busiestFivePercent: { cells: busiest, share: curve.eventShare[busiest]! },
    repeats: repeats.slice(0, REPEATS_SHOWN),
    repeatsShown: Math.min(REPEATS_SHOWN, repeats.length),
    repeatsTotal: repeats.length,
    timeToRepeat: timeToRepeat(dated),
    provenance: analysisProvenance(ctx, { filter: request.filter, columns, windowBasis: null, caveats }),
  };
}
