/**
 * The one typed map of worker jobs (STYLE.md habit 9): each kind names its parameters and its
 * result. `WorkerPool.run(kind, params)` returns `Promise<JobResult<kind>>`, and the worker looks
 * the kind up in job-handlers.ts. To add a kind: one line here, one line in job-handlers.ts.
 *
 * Parameters and results cross a thread boundary by structured clone: plain data and typed arrays
 * only (no functions, no class instances). Typed arrays in results are transferred back, never
 * copied; typed arrays in parameters are transferred when the caller lists their buffers in
 * `transfer` (see worker-pool.ts).
 */

export interface HashFileParams {
  /** Absolute path of the file to hash (resolved from a FileRef by the engine). */
  path: string;
}

export interface HashFileResult {
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

export interface SortOrderParams {
  keys: Float64Array;
}

export interface SortOrderResult {
  /** `order[i]` is the index of the i-th smallest key; ties keep index order (stable). */
  order: Uint32Array;
}

export type Jobs = {
  hashFile: [HashFileParams, HashFileResult];
  sortOrder: [SortOrderParams, SortOrderResult];
  import: [
    import('../import/import-job.js').ImportJobParams,
    import('../../../shared/api/import-api.js').ImportSummary,
  ];
  importRead: [
    import('../import/read-job.js').ImportReadParams,
    import('../import/check-rows.js').CheckRowsResult,
  ];
  kdeBand: [import('../analysis/kde-job.js').KdeBandParams, import('../analysis/kde-job.js').KdeBandResult];
  kdeCsrNull: [
    import('../analysis/kde-job.js').KdeCsrNullParams,
    import('../analysis/kde-job.js').KdeCsrNullResult,
  ];
  kdeHotspots: [
    import('../analysis/kde-job.js').KdeHotspotsParams,
    import('../../../shared/analysis/hotspots/hotspots.js').HotspotResult,
  ];
  knoxPlan: [
    import('../analysis/knox-job.js').KnoxPlanParams,
    import('../analysis/knox-job.js').KnoxPlanResult,
  ];
  knoxCount: [
    import('../analysis/knox-job.js').KnoxPlanParams,
    import('../analysis/knox-job.js').KnoxCountResult,
  ];
  knoxSimulate: [
    import('../analysis/knox-job.js').KnoxSimulateParams,
    import('../analysis/knox-job.js').KnoxSimulateResult,
  ];
  nearRepeatChains: [
    import('../analysis/chains-job.js').ChainsJobParams,
    import('../analysis/chains-job.js').ChainsJobResult,
  ];
  importBoundaries: [
    import('../boundaries/boundaries-job.js').BoundariesJobParams,
    import('../boundaries/import-boundaries.js').ImportBoundariesResult,
  ];
};

export type JobKind = keyof Jobs;
export type JobParams<K extends JobKind> = Jobs[K][0];
export type JobResult<K extends JobKind> = Jobs[K][1];
