import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../electron/engine/project/migrate.js';
import { MIGRATIONS } from '../../../../../electron/engine/project/migrations.js';

function atVersion2(): Database.Database {
  const db = new Database(':memory:');
  db.exec(MIGRATIONS[0]!.sql);
  db.exec(MIGRATIONS[1]!.sql);
  db.pragma('user_version = 2');
  return db;
}

describe('migration 3: areas, actions and action history', () => {
  it('adds the tables and drops the unused jag_actions', () => {
    const db = atVersion2();
    migrate(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['areas', 'actions', 'action_history']));
    expect(tables).not.toContain('jag_actions');
  });

  it('keeps action history append-only', () => {
    const db = atVersion2();
    migrate(db);
    db.exec(`INSERT INTO actions (id, title, type, status, target_kind, target_json, created_at, updated_at)
      VALUES (1, 'Patrols', 'enforcement', 'planned', 'area', '{"areaId":1}', '', '');
      INSERT INTO action_history (action_id, at, change, snapshot_json) VALUES (1, '', 'created', '{}');`);
    expect(() => db.exec("UPDATE action_history SET change = 'updated'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM action_history')).toThrow(/append-only/);
    expect(db.prepare('SELECT COUNT(*) FROM action_history').pluck().get()).toBe(1);
  });
});
