/**
 * Worker-side implementations of every job kind in jobs.ts. Runs inside a worker thread: a handler
 * may block (tight numeric loops are the point), reports through `progress` (throttled by worker.ts)
 * and needs no cancel checks, since cancelling terminates the thread.
 */
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { nearRepeatChainsJob } from '../analysis/chains-job.js';
import { kdeBand, kdeCsrNull, kdeHotspots } from '../analysis/kde-job.js';
import { knoxPlanJob, knoxSimulateJob } from '../analysis/knox-job.js';
import { importBoundariesJob } from '../boundaries/boundaries-job.js';
import { importJob } from '../import/import-job.js';
import { importReadJob } from '../import/read-job.js';
import type { JobKind, JobParams, JobResult } from './jobs.js';
import { hashFile } from './kinds/hash-file.js';
import { sortOrder } from './kinds/sort-order.js';

export type JobHandler<K extends JobKind> = (
  params: JobParams<K>,
  progress: ProgressFn,
) => JobResult<K> | Promise<JobResult<K>>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

export const jobHandlers: JobHandlers = {
  hashFile,
  sortOrder,
  import: importJob,
  importRead: importReadJob,
  importBoundaries: importBoundariesJob,
  knoxPlan: knoxPlanJob,
  knoxSimulate: knoxSimulateJob,
  nearRepeatChains: nearRepeatChainsJob,
  kdeBand,
  kdeCsrNull,
  kdeHotspots,
};
