/**
 * `project_meta.records_version`: a counter bumped inside every transaction that changes records
 * (import, delete dataset, undo import), so in-memory record caches (query/record-cache.ts) can
 * tell, with one tiny read, that they must reload, whichever connection or process made the change.
 */
import type Database from 'better-sqlite3';

/** Bumps the project's records version so in-memory record caches know to reload. */
export function bumpRecordsVersion(db: Database.Database): void {
  db.prepare(
    `INSERT INTO project_meta (key, value) VALUES ('records_version', '1')
     ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  ).run();
}

export function recordsVersion(db: Database.Database): number {
  const row = db.prepare("SELECT value FROM project_meta WHERE key = 'records_version'").get() as
    | { value: string }
    | undefined;
  return row ? Number(row.value) : 0;
}
