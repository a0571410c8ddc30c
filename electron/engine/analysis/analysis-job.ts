/**
 * What an engine analysis service gets from whoever runs it: a progress callback and the AbortSignal
 * of the job it runs under. The Api handler makes one job per call (`ctx.jobs.track`); the profile
 * runs several services under its own single job and passes its signal on, so cancelling the
 * profile cancels every analysis in it with no sub-job ids to rebuild.
 */
import type { ProgressFn } from '../../../shared/jobs/progress.js';

export interface AnalysisJob {
  progress: ProgressFn;
  signal: AbortSignal;
}
