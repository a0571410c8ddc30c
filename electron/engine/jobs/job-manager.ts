/**
 * The engine's view of long work: every job the Api starts gets a caller-made id, a JobStatus the
 * renderer sees through `{ type: 'job' }` events, and a cancel switch.
 *
 *   // one worker job (handlers):
 *   const result = await ctx.jobs.run(input.jobId, 'kde', params, { label: 'Kernel density: Burglary' });
 *   // orchestration on the main thread, e.g. an import or Knox iterations split over the pool:
 *   const table = await ctx.jobs.track(input.jobId, 'knox', 'Knox test', async (progress, signal) => {
 *     const parts = await Promise.all(chunks.map((c) => ctx.jobs.pool.run('knox', c, { signal })));
 *     ...
 *   });
 *
 * Either call rejects with ApiError('cancelled') when `cancel(jobId)` is called; `track` hands its
 * function the AbortSignal, which must be passed on to every `pool.run` so cancel stops the threads.
 * Progress events are throttled to one per PROGRESS_EVENT_MS per job (the last state always goes out).
 */
import { EventEmitter } from 'node:events';
import { ApiError } from '../../../shared/api/errors.js';
import type { ApiEvent, JobStatus } from '../../../shared/api/jobs.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import type { JobKind, JobParams, JobResult } from './jobs.js';
import { cancelledError, WorkerPool } from './worker-pool.js';

export const PROGRESS_EVENT_MS = 100;
/** Finished jobs kept for listJobs, so the status bar can show how the last ones ended. */
export const FINISHED_JOBS_KEPT = 20;

export interface RunJobOptions {
  /** What the status bar shows, e.g. "Kernel density: Burglary, Jan–Mar 2026". */
  label: string;
  /** Buffers of typed arrays in the params to move to the worker (see WorkerPool.run). */
  transfer?: readonly ArrayBufferLike[];
}

export type JobEventListener = (event: ApiEvent) => void;

interface LiveJob {
  status: JobStatus;
  controller: AbortController;
  lastEmitMs: number;
  pendingEmit: ReturnType<typeof setTimeout> | null;
}

export class JobManager {
  readonly pool: WorkerPool;
  private readonly live = new Map<string, LiveJob>();
  private readonly finished: JobStatus[] = [];
  private readonly emitter = new EventEmitter();

  constructor(pool: WorkerPool = new WorkerPool()) {
    this.pool = pool;
  }

  /** Runs one worker job under `jobId`, announcing queued → running → done/failed/cancelled. */
  run<K extends JobKind>(
    jobId: string,
    kind: K,
    params: JobParams<K>,
    options: RunJobOptions,
  ): Promise<JobResult<K>> {
    return this.execute(jobId, kind, options.label, 'queued', (job, progress) =>
      this.pool.run(kind, params, {
        signal: job.controller.signal,
        onProgress: progress,
        onStart: () => this.update(job, { state: 'running' }, true),
        ...(options.transfer ? { transfer: options.transfer } : {}),
      }),
    );
  }

  /**
   * Runs main-thread orchestration `fn` as one job. `fn` reports through `progress` and must pass
   * `signal` to its pool.run calls. If `fn` still resolves after a cancel (the work had finished),
   * its result stands and the job is reported done.
   */
  track<T>(
    jobId: string,
    kind: string,
    label: string,
    fn: (progress: ProgressFn, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return this.execute(jobId, kind, label, 'running', (job, progress) =>
      fn(progress, job.controller.signal),
    );
  }

  /** Requests cancellation; true if the job was running or queued. */
  cancel(jobId: string): boolean {
    const job = this.live.get(jobId);
    if (!job || job.controller.signal.aborted) return false;
    job.controller.abort(cancelledError());
    return true;
  }

  /** Live jobs, then the most recently finished ones. */
  list(): JobStatus[] {
    return [
      ...[...this.live.values()].map((job) => ({ ...job.status })),
      ...this.finished.map((s) => ({ ...s })),
    ];
  }

  /** Number of jobs queued or running. */
  activeCount(): number {
    return this.live.size;
  }

  onEvent(listener: JobEventListener): () => void {
    // A failing listener (a closed window, a dropped connection) must not break the job it hears about.
    const safe: JobEventListener = (event) => {
      try {
        listener(event);
      } catch (error) {
        if (process.env['HOTSPOT_DEBUG']) console.error('job event listener failed:', error);
      }
    };
    this.emitter.on('event', safe);
    return () => this.emitter.off('event', safe);
  }

  /** Cancels every live job and stops the pool's threads. */
  async close(): Promise<void> {
    for (const id of [...this.live.keys()]) this.cancel(id);
    await this.pool.close();
  }

  private async execute<T>(
    jobId: string,
    kind: string,
    label: string,
    initial: 'queued' | 'running',
    work: (job: LiveJob, progress: ProgressFn) => Promise<T>,
  ): Promise<T> {
    if (this.live.has(jobId)) {
      throw new ApiError(
        'invalid-argument',
        `A job with id ${jobId} is already running; job ids must be unique`,
      );
    }
    const job: LiveJob = {
      status: { id: jobId, kind, label, state: initial, done: 0, total: 0 },
      controller: new AbortController(),
      lastEmitMs: 0,
      pendingEmit: null,
    };
    this.live.set(jobId, job);
    this.forget(jobId);
    this.emit(job);
    const progress: ProgressFn = (done, total, message) => {
      if (job.status.state === 'queued') job.status.state = 'running';
      this.update(job, message === undefined ? { done, total } : { done, total, message }, false);
    };
    try {
      const result = await work(job, progress);
      this.end(job, { state: 'done', ...(job.status.total > 0 ? { done: job.status.total } : {}) });
      return result;
    } catch (error) {
      if (job.controller.signal.aborted) {
        this.end(job, { state: 'cancelled' });
        throw cancelledError();
      }
      const message = error instanceof Error ? error.message : String(error);
      this.end(job, { state: 'failed', error: message });
      throw error;
    }
  }

  private update(job: LiveJob, change: Partial<JobStatus>, immediate: boolean): void {
    Object.assign(job.status, change);
    if (immediate || Date.now() - job.lastEmitMs >= PROGRESS_EVENT_MS) {
      this.emit(job);
    } else if (!job.pendingEmit) {
      // Keep the latest state and send it when the interval is up, so the last report is never lost.
      job.pendingEmit = setTimeout(() => this.emit(job), PROGRESS_EVENT_MS - (Date.now() - job.lastEmitMs));
    }
  }

  private end(job: LiveJob, change: Partial<JobStatus>): void {
    Object.assign(job.status, change);
    this.live.delete(job.status.id);
    this.forget(job.status.id);
    this.finished.unshift({ ...job.status });
    this.finished.splice(FINISHED_JOBS_KEPT);
    this.emit(job);
  }

  private forget(jobId: string): void {
    const index = this.finished.findIndex((s) => s.id === jobId);
    if (index >= 0) this.finished.splice(index, 1);
  }

  private emit(job: LiveJob): void {
    if (job.pendingEmit) clearTimeout(job.pendingEmit);
    job.pendingEmit = null;
    job.lastEmitMs = Date.now();
    const event: ApiEvent = { type: 'job', job: { ...job.status } };
    this.emitter.emit('event', event);
  }
}
