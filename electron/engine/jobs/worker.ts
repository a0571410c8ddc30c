/**
 * Entry of a job worker thread (bundled to dist/worker.js). Runs one job at a time: looks the kind
 * up in job-handlers.ts, forwards throttled progress, and answers with the result (typed arrays
 * transferred, not copied) or the error's name, message and ApiError code.
 */
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/api/errors.js';
import { type JobHandler, jobHandlers } from './job-handlers.js';
import type { JobKind } from './jobs.js';
import type { RunMessage, WorkerErrorData, WorkerMessage } from './protocol.js';
import { throttleProgress } from './throttle.js';
import { transferablesOf } from './transferables.js';

const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

port.on('message', (message: RunMessage) => {
  void runJob(message);
});

async function runJob({ id, kind, params }: RunMessage): Promise<void> {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port!.postMessage(message, transfer);
  const throttled = throttleProgress((done, total, message) =>
    post(
      message === undefined
        ? { type: 'progress', id, done, total }
        : { type: 'progress', id, done, total, message },
    ),
  );
  try {
    const handler = jobHandlers[kind] as JobHandler<JobKind> | undefined;
    if (!handler) throw new ApiError('invalid-argument', `Unknown job kind: ${String(kind)}`);
    const result = await handler(params as never, throttled.progress);
    throttled.stop();
    try {
      post({ type: 'done', id, result }, transferablesOf(result));
    } catch {
      // A buffer Node will not move (e.g. a Buffer from its shared pool) is copied instead.
      post({ type: 'done', id, result });
    }
  } catch (error) {
    throttled.stop();
    post({ type: 'error', id, error: errorData(error) });
  }
}

function errorData(error: unknown): WorkerErrorData {
  if (error instanceof ApiError) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      details: error.details,
      ...stackOf(error),
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, ...stackOf(error) };
  return { name: 'Error', message: String(error) };
}

function stackOf(error: Error): { stack?: string } {
  return error.stack ? { stack: error.stack } : {};
}
