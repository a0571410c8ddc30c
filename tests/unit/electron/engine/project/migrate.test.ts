import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../../../electron/engine/project/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../../electron/engine/project/migrations.js';

const open: Database.Database[] = [];
function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function tableNames(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

describe('migrate', () => {
  it('takes a fresh database to the latest schema version with the v1 tables still in use', () => {
    const db = memoryDb();
    const outcome = migrate(db);
    expect(outcome).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['project_meta', 'datasets', 'imports', 'records', 'analyses', 'audit_log']),
    );
    expect(tableNames(db)).not.toContain('records_rtree');
  });

  it('takes a version-5 file with records to version 6: the R*Tree and its trigger dropped, records and undo intact', () => {
    const db = memoryDb();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    expect(schemaVersionOf(db)).toBe(5);
    db.exec(`INSERT INTO datasets (id, name, geometry, created_at) VALUES (1, 'Crimes', 'points', '');
      INSERT INTO imports (id, dataset_id, file_name, file_size, sha256, mapping_json, rows_read, rows_accepted,
        rows_warned, rows_rejected, started_at, finished_at) VALUES
        (1, 1, 'a.csv', 1, '', '{}', 1, 1, 0, 0, '', ''), (2, 1, 'b.csv', 1, '', '{}', 1, 1, 0, 0, '', '');
      INSERT INTO records_rtree (id, min_x, max_x, min_y, max_y, import_id) VALUES (1, 10, 20, 30, 40, 1), (2, 0, 1, 0, 1, 2);
      INSERT INTO records (id, dataset_id, import_id, x, y, from_ms, to_ms, precision, cell_id) VALUES
        (1, 1, 1, 15, 35, 0, 0, 0, 1), (2, 1, 2, 0.5, 0.5, 0, 0, 0, 2);`);
    const schemaRows = () =>
      db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%rtree%' ORDER BY name").pluck().all();
    expect(schemaRows()).toEqual(expect.arrayContaining(['imports_rtree_delete', 'records_rtree']));
    expect(migrate(db)).toEqual({ from: 5, to: LATEST_SCHEMA_VERSION });
    expect(schemaRows()).toEqual([]);
    expect(db.prepare('SELECT id, x, y FROM records ORDER BY id').all()).toEqual([
      { id: 1, x: 15, y: 35 },
      { id: 2, x: 0.5, y: 0.5 },
    ]);
    // Deleting an import (undo) no longer fires a trigger on the dropped table.
    db.pragma('foreign_keys = ON');
    db.exec('DELETE FROM imports WHERE id = 2');
    expect(db.prepare('SELECT id FROM records').pluck().all()).toEqual([1]);
  });

  it('takes a version-1 file with records to version 2: records kept, the dataset_id index dropped', () => {
    const db = memoryDb();
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.exec(`INSERT INTO datasets (id, name, geometry, created_at) VALUES (1, 'Crimes', 'points', '');
      INSERT INTO imports (id, dataset_id, file_name, file_size, sha256, mapping_json, rows_read, rows_accepted,
        rows_warned, rows_rejected, started_at, finished_at) VALUES (1, 1, 'a.csv', 1, '', '{}', 1, 1, 0, 0, '', '');
      INSERT INTO records (dataset_id, import_id, from_ms, to_ms, precision) VALUES (1, 1, 0, 0, 0);`);
    const indexes = () =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records'")
        .pluck()
        .all();
    expect(indexes()).toEqual(expect.arrayContaining(['records_dataset', 'records_import']));
    expect(migrate(db)).toEqual({ from: 1, to: LATEST_SCHEMA_VERSION });
    expect(indexes()).toEqual(['records_import']);
    expect(db.prepare('SELECT COUNT(*) FROM records').pluck().get()).toBe(1);
  });

  it('is a no-op on a database already at the latest version', () => {
    const db = memoryDb();
    migrate(db);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('leaves user_version and the schema at the last good migration when a later one fails', () => {
    const db = memoryDb();
    const migrations = [
      { version: 1, description: 'one table', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
      {
        version: 2,
        description: 'fails half-way',
        sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY); INSERT INTO missing_table VALUES (1);',
      },
    ];
    expect(() => migrate(db, migrations)).toThrow(/missing_table/);
    expect(schemaVersionOf(db)).toBe(1);
    // Table b was created inside the failed transaction and must be gone with it.
    expect(tableNames(db)).toEqual(['a']);
  });

  it('applies only the migrations newer than the file', () => {
    const db = memoryDb();
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;');
    const migrations = [
      { version: 1, description: 'would fail if re-run', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
      { version: 2, description: 'adds b', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY);' },
    ];
    expect(migrate(db, migrations)).toEqual({ from: 1, to: 2 });
    expect(tableNames(db)).toEqual(['a', 'b']);
  });

  it('refuses a migration list whose versions do not run 1, 2, 3', () => {
    const db = memoryDb();
    expect(() => migrate(db, [{ version: 2, description: 'gap', sql: '' }])).toThrow(
      /versions must run 1, 2, 3/,
    );
  });

  it('numbers the real migrations 1..LATEST_SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });
});
