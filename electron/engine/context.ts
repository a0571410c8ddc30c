/**
 * What every Api handler gets from the engine: the open project, the job manager, the registry of
 * files the analyst chose, the app version and the audit log. Handlers are written per domain
 * (electron/engine/handlers/*.ts) as `(ctx) => ({ method: async (input) => result, ... })` and the
 * engine composes them into one `Api` implementation (engine.ts).
 */
import type Database from 'better-sqlite3';
import type { InputOf, MethodTable, OutputOf } from '../../shared/api/define.js';
import type { FileRef } from '../../shared/api/project-api.js';
import type { JobManager } from './jobs/job-manager.js';

export interface ProjectHandle {
  path: string;
  db: Database.Database;
  /** Projected CRS of the project, e.g. 'EPSG:27700'. */
  crs: string;
}

export interface FileRegistry {
  /** Registers a path the analyst chose (dialog, command line, upload) and returns its reference. */
  register(path: string, name?: string): FileRef;
  /** The registered path of a reference; throws ApiError('not-found') for anything unregistered. */
  resolve(ref: FileRef): string;
  /** A save target's path: refuses refs registered for reading and files open for reading (files.ts). */
  resolveTarget(ref: FileRef): string;
  /** A file an export writes beside its target (sidecar, .prj, dictionary): refused if open for reading. */
  companionPath(targetPath: string, fileName: string): string;
}

export interface EngineContext {
  readonly appVersion: string;
  /** The open project; throws ApiError('no-project') when none is open. */
  project(): ProjectHandle;
  /** The open project or null. */
  maybeProject(): ProjectHandle | null;
  readonly jobs: JobManager;
  readonly files: FileRegistry;
  /** Appends to the project's audit log (imports, PII overrides, exports). */
  audit(action: string, detail: Record<string, unknown>): void;
  /** Tells the renderer the project's content changed (datasets, analyses). */
  notifyProjectChanged(): void;
}

/** The handler functions of one domain's method table. */
export type Handlers<T extends MethodTable> = {
  [K in keyof T]: (input: InputOf<T, K>) => Promise<OutputOf<T, K>>;
};
