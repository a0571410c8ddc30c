/**
 * Jobs as the Api sees them: long work (import, KDE, Knox, export) runs in worker threads and is
 * announced through job events. The caller names the job (`jobId`, a client-made unique string) in
 * the method's input, so it can cancel it before the call's promise settles.
 */
import { z } from 'zod';

export const jobIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'jobId must be 8–64 letters, digits, - or _');

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobStatus {
  id: string;
  /** The job kind, e.g. 'import', 'kde', 'knox'. */
  kind: string;
  /** What the status bar shows, e.g. "Kernel density: Burglary, Jan–Mar 2026". */
  label: string;
  state: JobState;
  /** Units of work done and in all (total 0 while unknown). */
  done: number;
  total: number;
  message?: string;
  error?: string;
}

/** Everything the engine pushes to the renderer. */
export type ApiEvent =
  | { type: 'job'; job: JobStatus }
  | { type: 'project'; reason: 'opened' | 'closed' | 'changed' };
