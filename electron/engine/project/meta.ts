/**
 * The `project_meta` key/value table: what makes a SQLite file a Hotspot Workbench project
 * (`app` = APP_ID) and the project's name, CRS, creation time and the app version that created it.
 */
import type Database from 'better-sqlite3';

export const APP_ID = 'hotspot-workbench';

export interface ProjectMeta {
  app: string;
  name: string;
  crs: string;
  created_at: string;
  app_version: string;
}

export function writeMeta(db: Database.Database, meta: ProjectMeta): void {
  const insert = db.prepare('INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)');
  for (const [key, value] of Object.entries(meta)) insert.run(key, value);
}

/** The meta values, or null when the file has no project_meta table (not one of our projects). */
export function readMeta(db: Database.Database): Partial<ProjectMeta> | null {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project_meta'")
    .get();
  if (!table) return null;
  const rows = db.prepare('SELECT key, value FROM project_meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.value])) as Partial<ProjectMeta>;
}
