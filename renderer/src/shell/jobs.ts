/**
 * Runs Api jobs for the UI (AppContext.runJob): makes the jobId, shows a status-bar row before the
 * call starts (so no early progress event is missed), feeds it the engine's job events, wires its
 * Cancel button to Api.cancelJob, and turns the call's outcome into a JobOutcome. The row ends when
 * the call settles, not on the terminal event, so "Done" never shows before the result has arrived.
 */
import type { Api } from '../../../shared/api/api.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { JobStatus } from '../../../shared/api/jobs.js';
import type { JobOutcome } from './app-context.js';
import type { StatusBar, TaskHandle } from './status-bar.js';
import type { Toasts } from './toasts.js';

/** A jobId the engine accepts (8–64 of [A-Za-z0-9_-]) and nobody else will make. */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `job-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'cancelled';
}

export class JobRunner {
  private readonly rows = new Map<string, TaskHandle>();

  constructor(
    private readonly api: Api,
    private readonly statusBar: StatusBar,
    private readonly toasts: Toasts,
  ) {}

  /** Feeds one job event to its row (jobs this renderer did not start are not shown). */
  onJobEvent(job: JobStatus): void {
    const row = this.rows.get(job.id);
    if (row === undefined) return;
    if (job.state === 'queued') row.update(0, 0, 'Waiting for a free worker…');
    else if (job.state === 'running') row.update(job.done, job.total, job.message);
  }

  async run<T>(label: string, start: (jobId: string) => Promise<T>): Promise<JobOutcome<T>> {
    const jobId = newJobId();
    const row = this.statusBar.addTask(jobId, label, () => {
      this.api
        .cancelJob({ jobId })
        .catch((error: unknown) => this.toasts.showError(error, `Could not cancel ${label}`));
    });
    this.rows.set(jobId, row);
    try {
      const value = await start(jobId);
      row.finish('done');
      return { ok: true, value };
    } catch (error) {
      const cancelled = isCancelled(error);
      row.finish(cancelled ? 'cancelled' : 'failed');
      if (!cancelled) this.toasts.showError(error, label);
      return { ok: false, cancelled, error };
    } finally {
      this.rows.delete(jobId);
    }
  }
}
