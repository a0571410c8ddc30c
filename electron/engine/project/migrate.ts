/**
 * Brings a project file's schema up to date: applies each migration newer than the file's
 * `PRAGMA user_version`, each in its own transaction together with the version bump, so a failing
 * migration leaves the file exactly at the version before it (SQLite keeps user_version in the
 * database header, which the transaction covers).
 */
import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export interface MigrationOutcome {
  from: number;
  to: number;
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationOutcome {
  checkSequence(migrations);
  const from = schemaVersionOf(db);
  for (const migration of migrations) {
    if (migration.version <= schemaVersionOf(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.after?.(db);
      // user_version takes no bound parameters; the version is an integer we checked above.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: schemaVersionOf(db) };
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${index} has version ${migration.version}; versions must run 1, 2, 3, …`);
    }
  });
}

export { LATEST_SCHEMA_VERSION };
