/**
 * The project's basemap, remembered in project_meta under 'basemap' as JSON (no migration needed):
 * the analyst's choice with a file's path (never sent to the page) and the opacity. A value this
 * version cannot read counts as no choice.
 */
import type Database from 'better-sqlite3';

export type StoredBasemap = { opacity: number } & (
  | { kind: 'none' }
  | { kind: 'sample' }
  | { kind: 'file'; path: string; name: string }
  | { kind: 'xyz'; url: string }
  | { kind: 'wms'; url: string; layers: string }
);

const KEY = 'basemap';
const KINDS = new Set(['none', 'sample', 'file', 'xyz', 'wms']);

export function readStoredBasemap(db: Database.Database): StoredBasemap | null {
  const row = db.prepare('SELECT value FROM project_meta WHERE key = ?').get(KEY) as
    | { value: string }
    | undefined;
  if (row === undefined) return null;
  try {
    const value = JSON.parse(row.value) as StoredBasemap;
    const opacityOk = typeof value.opacity === 'number' && value.opacity >= 0 && value.opacity <= 1;
    return KINDS.has(value.kind) && opacityOk ? value : null;
  } catch {
    return null;
  }
}

export function writeStoredBasemap(db: Database.Database, value: StoredBasemap): void {
  db.prepare('INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)').run(
    KEY,
    JSON.stringify(value),
  );
}
