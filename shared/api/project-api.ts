/**
 * Api methods of the application and the project file (issue: foundation).
 * File paths reach the engine only from the analyst's own choices: a native dialog in Electron,
 * the command line, or an upload to the loopback web host (`FileRef`s minted by the host).
 */
import { z } from 'zod';
import { method } from './define.js';
import { type JobStatus, jobIdSchema } from './jobs.js';

/** 'read': chosen in an open dialog or uploaded; 'write': chosen in a save dialog (electron/engine/files.ts). */
export const fileModeSchema = z.enum(['read', 'write']);
export type FileMode = z.infer<typeof fileModeSchema>;

/**
 * A file the analyst chose; the engine maps `id` to a path it registered itself. `mode` is for the
 * page to read: the engine goes by the mode it registered, never by the one a caller sends.
 */
export const fileRefSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().min(1).max(260),
  size: z.number().int().nonnegative(),
  mode: fileModeSchema.optional(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'web' in the loopback web host. */
  host: 'electron' | 'web';
  /** Third-party licences bundled with the app, for Help › About. */
  licences: { name: string; version: string; licence: string }[];
}

export interface ProjectInfo {
  path: string;
  name: string;
  /** Projected CRS every coordinate is stored in, e.g. 'EPSG:27700'. */
  crs: string;
  schemaVersion: number;
  createdAt: string;
  datasetCount: number;
  recordCount: number;
  /** What the analyst must be told on opening, e.g. the audit log was changed outside the app. */
  warnings?: string[];
}

/** What "Compact project" did: stored analyses removed and kept, the file's bytes before and after. */
export interface CompactResult {
  analysesRemoved: number;
  analysesKept: number;
  bytesBefore: number;
  bytesAfter: number;
}

export const projectMethods = {
  appInfo: method(z.object({}).strict())<AppInfo>(),
  getProject: method(z.object({}).strict())<ProjectInfo | null>(),
  createProject: method(
    z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(200).optional() }).strict(),
  )<ProjectInfo>(),
  openProject: method(z.object({ path: z.string().min(1).max(4096) }).strict())<ProjectInfo>(),
  closeProject: method(z.object({}).strict())<null>(),
  /** Prunes stored analyses (the latest per kind and those of saved profiles stay) and VACUUMs. */
  compactProject: method(z.object({}).strict())<CompactResult>(),
  listJobs: method(z.object({}).strict())<JobStatus[]>(),
  cancelJob: method(z.object({ jobId: jobIdSchema }).strict())<boolean>(),
  /** Computes a file's SHA-256 in a worker: real work that proves the job runner end to end. */
  hashFile: method(z.object({ jobId: jobIdSchema, file: fileRefSchema }).strict())<{
    sha256: string;
    bytes: number;
  }>(),
};
