/**
 * Messages between the pool (main thread) and a worker. One job per worker at a time; `id` is the
 * pool's sequence number, so a late message from a replaced worker can never be taken for another job.
 */
import type { ApiErrorCode } from '../../../shared/api/errors.js';
import type { JobKind } from './jobs.js';

export interface RunMessage {
  type: 'run';
  id: number;
  kind: JobKind;
  params: unknown;
}

export type WorkerMessage =
  | { type: 'progress'; id: number; done: number; total: number; message?: string }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; error: WorkerErrorData };

export interface WorkerErrorData {
  /** The error's name, e.g. 'RangeError' (a parameter check) or 'Error'. */
  name: string;
  message: string;
  /** Set when the handler threw an ApiError, so its code survives the thread boundary. */
  code?: ApiErrorCode;
  details?: unknown;
  /** The worker-side stack, logged on the main side when HOTSPOT_DEBUG is set; never sent to the renderer. */
  stack?: string;
}
