/**
 * A small pool of Node worker_threads that runs the typed jobs of jobs.ts (DESIGN.md §3).
 *
 *   const pool = new WorkerPool();
 *   const { order } = await pool.run('sortOrder', { keys }, { signal, onProgress, transfer: [keys.buffer] });
 *
 * - Concurrency: at most `size` jobs run at once, one per thread; the rest wait in FIFO order.
 *   Threads start lazily and are kept for the next job (unref'd while idle, so an idle pool never
 *   keeps a CLI process alive).
 * - Progress: the worker throttles the handler's ProgressFn (throttle.ts) and forwards an event at
 *   least every 250 ms while the event loop of the worker is free or the handler reports.
 * - Cancel: aborting `signal` terminates the thread, so it takes effect even inside a tight loop, and
 *   the promise rejects at once with ApiError('cancelled') (name 'AbortError'); a fresh thread
 *   replaces it for the next job.
 * - Errors thrown by a handler reject with their message, and with their code if they were ApiErrors.
 * - Transfer: buffers listed in `transfer` move to the worker (detached here as soon as `run` is
 *   called, even if the job waits in the queue); typed arrays in the result are always moved back.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import type { JobKind, JobParams, JobResult } from './jobs.js';
import type { RunMessage, WorkerErrorData, WorkerMessage } from './protocol.js';
import { portsIn, transferablesOf } from './transferables.js';

/** Two cores are what we can count on; more than eight threads buys nothing for our job sizes. */
export const MAX_DEFAULT_POOL_SIZE = 8;

/**
 * V8 heap limits of the threads that run a job kind; other kinds get Node's defaults. An import
 * reads and validates millions of short-lived cells: a 192 MB young generation (64 MB semi-spaces)
 * lets them die young instead of being promoted (read + validate measured 4.5 s → 3.4 s per
 * million rows). A thread keeps the limits it was started with, so it is reused only for kinds
 * with the same entry.
 */
export const JOB_RESOURCE_LIMITS: Readonly<Partial<Record<JobKind, ResourceLimits>>> = {
  import: { maxYoungGenerationSizeMb: 192 },
  // The reader thread: 64 MB measured no slower than 192 MB for a million police.uk rows (user CPU
  // 11.4–12.2 s against 14.2 s) and ~50 MB lower peak RSS (issue 15: an import within 300 MB).
  importRead: { maxYoungGenerationSizeMb: 64 },
};

export interface RunOptions {
  /** Aborting it cancels the job: dequeued if waiting, its thread terminated if running. */
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /**
   * Buffers of typed arrays in `params` to move rather than copy (e.g. `[x.buffer, y.buffer]`); they
   * are detached when `run` returns. SharedArrayBuffers are shared, never moved, and are ignored here.
   */
  transfer?: readonly ArrayBufferLike[];
  /** Called when the job leaves the queue and starts on a thread. */
  onStart?: () => void;
}

export interface WorkerScript {
  url: URL;
  /** A .ts entry is loaded through tsx's ESM loader, registered inside the new thread. */
  typescript: boolean;
}

export interface WorkerPoolOptions {
  /** Thread count; default `HOTSPOT_WORKERS` or the available parallelism, capped at 8. */
  size?: number;
  /** Worker entry; default from resolveWorkerScript(). */
  script?: WorkerScript;
}

export interface PoolStats {
  size: number;
  threads: number;
  running: number;
  queued: number;
}

interface Task {
  id: number;
  kind: JobKind;
  params: unknown;
  /** True when the pool owns the params' buffers (see run) and may move them all to the worker. */
  moved: boolean;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onAbort: () => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
  retired: boolean;
  /** The JOB_RESOURCE_LIMITS entry it was started with (undefined: Node's defaults). */
  limits: ResourceLimits | undefined;
}

/**
 * Where the worker entry lives. From TypeScript source (vitest, tsx) this module's URL ends in .ts
 * and the worker is worker.ts loaded through tsx; from the esbuild bundles it is dist/worker.js,
 * beside dist/cli.js or one level up from dist/electron/main.js.
 */
export function resolveWorkerScript(moduleUrl: string = import.meta.url): WorkerScript {
  const override = process.env['HOTSPOT_WORKER_SCRIPT'];
  if (override) {
    return { url: pathToFileURL(override), typescript: override.endsWith('.ts') };
  }
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) {
    return { url: new URL('./worker.ts', moduleUrl), typescript: true };
  }
  const candidates = ['./worker.js', '../worker.js'].map((rel) => new URL(rel, moduleUrl));
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  if (!found) {
    throw new Error(
      `Cannot find the job worker script; looked for ${candidates.map((u) => fileURLToPath(u)).join(' and ')}. Run npm run build.`,
    );
  }
  return { url: found, typescript: false };
}

export function defaultPoolSize(): number {
  const fromEnv = Number(process.env['HOTSPOT_WORKERS']);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.min(MAX_DEFAULT_POOL_SIZE, Math.max(1, availableParallelism()));
}

export function cancelledError(): ApiError {
  return new ApiError('cancelled', 'The job was cancelled');
}

export class WorkerPool {
  readonly size: number;
  private readonly script: WorkerScript;
  private readonly threads: Thread[] = [];
  private readonly queue: Task[] = [];
  private readonly stopping = new Set<Promise<number>>();
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    const size = options.size ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`pool size must be an integer >= 1, got ${size}`);
    this.size = size;
    this.script = options.script ?? resolveWorkerScript();
  }

  run<K extends JobKind>(kind: K, params: JobParams<K>, options: RunOptions = {}): Promise<JobResult<K>> {
    if (this.closed) return Promise.reject(new ApiError('failed', 'The job runner has been closed'));
    if (options.signal?.aborted) return Promise.reject(cancelledError());
    // Take ownership of the listed buffers now, so the caller sees them detached whether the job
    // starts at once or waits in the queue.
    const movable = (options.transfer ?? []).filter(
      (buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer,
    );
    const owned = movable.length > 0 ? structuredClone(params, { transfer: [...new Set(movable)] }) : params;
    const moved = movable.length > 0;
    return new Promise<JobResult<K>>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        kind,
        params: owned,
        moved,
        options,
        resolve: resolve as (value: unknown) => void,
        reject,
        onAbort: () => this.abort(task),
      };
      options.signal?.addEventListener('abort', task.onAbort, { once: true });
      this.queue.push(task);
      this.pump();
    });
  }

  /**
   * Starts a thread for `kind` now, if there is room, so that a job of that kind known to come soon
   * does not wait for the thread to load the engine (~0.3 s).
   */
  prestart(kind: JobKind): void {
    if (this.closed || this.threads.length >= this.size) return;
    this.spawn(JOB_RESOURCE_LIMITS[kind]).worker.unref();
  }

  stats(): PoolStats {
    return {
      size: this.size,
      threads: this.threads.length,
      running: this.threads.filter((t) => t.task !== null).length,
      queued: this.queue.length,
    };
  }

  /** Resolves when every thread stopped by a cancel has fully exited. */
  async stopped(): Promise<void> {
    await Promise.all([...this.stopping]);
  }

  /** Rejects waiting and running jobs with 'cancelled' and stops every thread. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, cancelledError());
    for (const thread of [...this.threads]) {
      const task = thread.task;
      this.retire(thread);
      if (task) this.settle(task, cancelledError());
    }
    await this.stopped();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const limits = JOB_RESOURCE_LIMITS[this.queue[0]!.kind];
      let thread = this.threads.find((t) => t.task === null && t.limits === limits);
      if (!thread && this.threads.length >= this.size) {
        // A free thread started with other limits makes way for one with this kind's.
        const other = this.threads.find((t) => t.task === null);
        if (other) this.retire(other);
      }
      if (!thread && this.threads.length < this.size) thread = this.spawn(limits);
      if (!thread) return;
      this.start(thread, this.queue.shift()!);
    }
  }

  private spawn(limits: ResourceLimits | undefined): Thread {
    const options = limits ? { resourceLimits: limits } : {};
    const worker = this.script.typescript
      ? new Worker(tsxBootstrap(this.script.url), { eval: true, ...options })
      : new Worker(this.script.url, options);
    const thread: Thread = { worker, task: null, retired: false, limits };
    worker.on('message', (message: WorkerMessage) => this.onMessage(thread, message));
    worker.on('error', (error: Error) => this.onCrash(thread, `The job worker failed: ${error.message}`));
    worker.on('exit', (code: number) =>
      this.onCrash(thread, `The job worker stopped unexpectedly (exit code ${code})`),
    );
    this.threads.push(thread);
    return thread;
  }

  private start(thread: Thread, task: Task): void {
    thread.task = task;
    thread.worker.ref();
    callSafely(task.options.onStart);
    const message: RunMessage = { type: 'run', id: task.id, kind: task.kind, params: task.params };
    try {
      // The pool owns these buffers (see run), so moving all of them is safe.
      // Message ports among the params always move: a port cannot be copied.
      thread.worker.postMessage(message, [
        ...(task.moved ? transferablesOf(task.params) : []),
        ...portsIn(task.params),
      ]);
    } catch (error) {
      this.finish(thread);
      this.settle(
        task,
        new ApiError('failed', `Cannot send the job to a worker: ${(error as Error).message}`),
      );
    }
  }

  private onMessage(thread: Thread, message: WorkerMessage): void {
    const task = thread.task;
    if (thread.retired || !task || message.id !== task.id) return;
    if (message.type === 'progress') {
      const { onProgress } = task.options;
      if (onProgress) callSafely(() => onProgress(message.done, message.total, message.message));
    } else if (message.type === 'done') {
      this.finish(thread);
      this.settle(task, null, message.result);
    } else {
      this.finish(thread);
      this.settle(task, errorFromWorker(message.error));
    }
  }

  private onCrash(thread: Thread, reason: string): void {
    if (thread.retired) return;
    const task = thread.task;
    this.retire(thread);
    if (task) this.settle(task, new ApiError('failed', reason));
    this.pump();
  }

  private abort(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
    } else {
      const thread = this.threads.find((t) => t.task === task);
      if (!thread) return;
      // Terminating is the only way to stop a handler that never yields; a new thread replaces it.
      this.retire(thread);
    }
    this.settle(task, cancelledError());
    this.pump();
  }

  private finish(thread: Thread): void {
    thread.task = null;
    thread.worker.unref();
    queueMicrotask(() => this.pump());
  }

  private retire(thread: Thread): void {
    thread.retired = true;
    thread.task = null;
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
    const stop = thread.worker.terminate();
    this.stopping.add(stop);
    void stop.finally(() => this.stopping.delete(stop));
  }

  private settle(task: Task, error: Error | null, result?: unknown): void {
    task.options.signal?.removeEventListener('abort', task.onAbort);
    if (error) task.reject(error);
    else task.resolve(result);
  }
}

/** A caller's callback that throws must not leave the pool half-way through a state change. */
function callSafely(callback: (() => void) | undefined): void {
  try {
    callback?.();
  } catch (error) {
    if (process.env['HOTSPOT_DEBUG']) console.error('job callback failed:', error);
  }
}

/**
 * Node 20 does not apply `--import tsx` from a worker's execArgv to the worker's own entry, so a
 * TypeScript worker starts as a tiny script that registers tsx's loader in its thread, then imports
 * the real entry. Only used when running from source (tests, tsx); builds run dist/worker.js.
 */
export function tsxBootstrap(entry: URL): string {
  // require.resolve finds the CommonJS build of tsx's API; its ESM twin sits beside it.
  const tsxApiCjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  const tsxApi = pathToFileURL(tsxApiCjs.replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

function errorFromWorker(data: WorkerErrorData): Error {
  if (process.env['HOTSPOT_DEBUG'] && data.stack) console.error(`[worker] ${data.stack}`);
  if (data.code) return new ApiError(data.code, data.message, data.details);
  // Parameter checks throw RangeError before any work (STYLE.md habit 5): the caller's input was wrong.
  return new ApiError(data.name === 'RangeError' ? 'invalid-argument' : 'failed', data.message);
}
