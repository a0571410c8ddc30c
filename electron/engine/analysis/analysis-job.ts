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

/**
 * Lets the engine's event loop run (so a cancelJob call waiting behind synchronous work is heard),
 * then stops the job if it was cancelled. Services call it between their synchronous phases: a
 * plain `signal.throwIfAborted()` there never sees a cancel that has not been delivered yet.
 */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}
