/**
 * Worker-side implementations of every job kind in jobs.ts. Runs inside a worker thread: a handler
 * may block (tight numeric loops are the point), reports through `progress` (throttled by worker.ts)
 * and needs no cancel checks, since cancelling terminates the thread.
 */
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import type { JobKind, JobParams, JobResult } from './jobs.js';

export type JobHandler<K extends JobKind> = (
  params: JobParams<K>,
  progress: ProgressFn,
) => JobResult<K> | Promise<JobResult<K>>;

export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/**
 * A handler whose module is imported on its first job, so a thread loads only what its jobs need:
 * a KDE or Knox thread never loads zod, proj4 or better-sqlite3 (~0.5 s of a thread's start-up).
 */
function lazy<K extends JobKind>(load: () => Promise<JobHandler<K>>): JobHandler<K> {
  let handler: Promise<JobHandler<K>> | undefined;
  return async (params, progress) => (await (handler ??= load()))(params, progress);
}

export const jobHandlers: JobHandlers = {
  hashFile: lazy(async () => (await import('./kinds/hash-file.js')).hashFile),
  sortOrder: lazy(async () => (await import('./kinds/sort-order.js')).sortOrder),
  import: lazy(async () => (await import('../import/import-job.js')).importJob),
  importRead: lazy(async () => (await import('../import/read-job.js')).importReadJob),
  importBoundaries: lazy(async () => (await import('../boundaries/boundaries-job.js')).importBoundariesJob),
  knoxPlan: lazy(async () => (await import('../analysis/knox-job.js')).knoxPlanJob),
  knoxCount: lazy(async () => (await import('../analysis/knox-job.js')).knoxCountJob),
  knoxSimulate: lazy(async () => (await import('../analysis/knox-job.js')).knoxSimulateJob),
  nearRepeatChains: lazy(async () => (await import('../analysis/chains-job.js')).nearRepeatChainsJob),
  kdeBand: lazy(async () => (await import('../analysis/kde-job.js')).kdeBand),
  kdeCsrNull: lazy(async () => (await import('../analysis/kde-job.js')).kdeCsrNull),
  kdeHotspots: lazy(async () => (await import('../analysis/kde-hotspots-job.js')).kdeHotspots),
};
