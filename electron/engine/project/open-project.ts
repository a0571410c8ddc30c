/**
 * Creating and opening project files (.hsw): one SQLite file per project (DESIGN.md §3), opened
 * with better-sqlite3 in WAL mode with foreign keys on and a busy timeout, its schema brought up to
 * date by migrate.ts. A file written by a newer app, a file that is not SQLite and an SQLite file
 * that is not ours are refused with a message that says so, before anything is written to them.
 * The audit log's hash chain is checked on open; a broken chain is a warning in ProjectInfo.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { ProjectInfo } from '../../../shared/api/project-api.js';
import type { ProjectHandle } from '../context.js';
import { verifyAuditChain } from './audit.js';
import { APP_ID, readMeta, writeMeta } from './meta.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersionOf } from './migrate.js';
import type { Migration } from './migrations.js';

export const DEFAULT_CRS = 'EPSG:27700';
/** The schema version from which the audit log is hash-chained (migration 4). */
const AUDIT_CHAIN_SCHEMA = 4;
/** How long a write waits for another connection's lock (e.g. the CLI and the app on one file). */
export const BUSY_TIMEOUT_MS = 5000;

/** Page size of a new project file (SQLite's largest); files made before keep theirs. */
export const PROJECT_PAGE_SIZE = 65_536;

export interface CreateProjectOptions {
  /** Shown in the title bar and reports; default the file name without extension. */
  name?: string;
  /** Projected CRS every coordinate is stored in; default British National Grid. */
  crs?: string;
  /** Version of the app creating the file, kept in project_meta. */
  appVersion: string;
}

export interface OpenOptions {
  /** Migrations to apply; tests pass their own list, the app uses the real one. */
  migrations?: readonly Migration[];
}

export interface OpenProject extends ProjectHandle {
  readonly name: string;
  readonly createdAt: string;
  info(): ProjectInfo;
  close(): void;
}

export function createProject(path: string, options: CreateProjectOptions): OpenProject {
  const crs = options.crs ?? DEFAULT_CRS;
  if (!/^EPSG:\d{4,6}$/.test(crs))
    throw new ApiError('invalid-argument', `crs must look like EPSG:27700, got ${crs}`);
  if (existsSync(path)) {
    throw new ApiError(
      'refused',
      `A file already exists at ${path}. Choose a new file name for the project.`,
    );
  }
  if (!existsSync(dirname(path)))
    throw new ApiError('not-found', `The folder ${dirname(path)} does not exist.`);
  // Build the file under a temporary name and move it into place at the end, so a failure never
  // leaves a half-made project behind and an existing file is never overwritten.
  const temporary = `${path}.${randomBytes(6).toString('hex')}.creating`;
  try {
    const db = new Database(temporary);
    try {
      // 64 KB pages (set before the first table): a million-record import's COMMIT checkpoints
      // 16× fewer WAL frames (docs/import-store.md); records are read in whole-table scans anyway.
      db.pragma(`page_size = ${PROJECT_PAGE_SIZE}`);
      migrate(db);
      writeMeta(db, {
        app: APP_ID,
        name: options.name ?? basename(path, extname(path)),
        crs,
        created_at: new Date().toISOString(),
        app_version: options.appVersion,
      });
    } finally {
      db.close();
    }
    moveIntoPlace(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  return openProject(path);
}

export function openProject(path: string, options: OpenOptions = {}): OpenProject {
  if (!existsSync(path)) throw new ApiError('not-found', `No project file at ${path}.`);
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const version = readVersion(db, path);
    const meta = readMeta(db);
    if (version === 0 || meta?.app !== APP_ID) {
      throw new ApiError('refused', `${basename(path)} is not a Hotspot Workbench project.`);
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'refused',
        `This project was saved by a newer version of Hotspot Workbench (schema ${version}; this app reads up to ${LATEST_SCHEMA_VERSION}). Update the app to open it.`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations);
    const current = readMeta(db)!;
    // A broken audit chain opens with a warning (not refused, not read-only): the analyst keeps
    // their work and is told which entry was changed; appends continue after the last row.
    const audit = schemaVersionOf(db) >= AUDIT_CHAIN_SCHEMA ? verifyAuditChain(db) : null;
    return projectOf(
      path,
      db,
      current.name ?? basename(path),
      current.crs ?? DEFAULT_CRS,
      current.created_at ?? '',
      audit && !audit.intact ? [audit.message] : [],
    );
  } catch (error) {
    db.close();
    throw error;
  }
}

function readVersion(db: Database.Database, path: string): number {
  try {
    return schemaVersionOf(db);
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new ApiError(
        'refused',
        `${basename(path)} is not a Hotspot Workbench project (it is not an SQLite database).`,
      );
    }
    throw error;
  }
}

function projectOf(
  path: string,
  db: Database.Database,
  name: string,
  crs: string,
  createdAt: string,
  warnings: string[],
): OpenProject {
  return {
    path,
    db,
    crs,
    name,
    createdAt,
    info: () => ({
      path,
      name,
      crs,
      schemaVersion: schemaVersionOf(db),
      createdAt,
      datasetCount: (db.prepare('SELECT COUNT(*) AS n FROM datasets').get() as { n: number }).n,
      recordCount: (db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n,
      warnings,
    }),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Moves without ever replacing: a hard link fails if `to` appeared meanwhile. */
function moveIntoPlace(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ApiError('refused', `A file already exists at ${to}. Choose a new file name.`);
    // Some file systems (FAT, exFAT on USB sticks) have no hard links; rename is the next best thing.
    renameSync(from, to);
  }
}
