import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, readAudit } from '../../../../../electron/engine/project/audit.js';
import { APP_ID, writeMeta } from '../../../../../electron/engine/project/meta.js';
import { migrate } from '../../../../../electron/engine/project/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../../electron/engine/project/migrations.js';
import {
  createProject,
  type OpenProject,
  openProject,
  PROJECT_PAGE_SIZE,
} from '../../../../../electron/engine/project/open-project.js';
import { ApiError } from '../../../../../shared/api/errors.js';

let dir: string;
const opened: OpenProject[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-project-'));
});
afterEach(() => {
  for (const project of opened.splice(0)) project.close();
  rmSync(dir, { recursive: true, force: true });
});

function track(project: OpenProject): OpenProject {
  opened.push(project);
  return project;
}

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('createProject', () => {
  it('creates a project at the latest schema with its name, CRS and app version in project_meta', () => {
    const path = join(dir, 'Burglary review.hsw');
    const project = track(createProject(path, { appVersion: '9.8.7' }));
    const info = project.info();
    expect(info).toMatchObject({
      path,
      name: 'Burglary review',
      crs: 'EPSG:27700',
      schemaVersion: LATEST_SCHEMA_VERSION,
      datasetCount: 0,
      recordCount: 0,
    });
    expect(Date.parse(info.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const meta = Object.fromEntries(
      (
        project.db.prepare('SELECT key, value FROM project_meta').all() as { key: string; value: string }[]
      ).map((r) => [r.key, r.value]),
    );
    expect(meta).toMatchObject({ app: 'hotspot-workbench', name: 'Burglary review', app_version: '9.8.7' });
  });

  it('uses the name and CRS given', () => {
    const project = track(
      createProject(join(dir, 'a.hsw'), { appVersion: '1', name: 'Town centre', crs: 'EPSG:29903' }),
    );
    expect(project.info()).toMatchObject({ name: 'Town centre', crs: 'EPSG:29903' });
  });

  it('opens the connection in WAL mode with foreign keys on and a busy timeout', () => {
    const project = track(createProject(join(dir, 'a.hsw'), { appVersion: '1' }));
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Foreign keys are enforced: an import for a dataset that does not exist is rejected.
    expect(() =>
      project.db
        .prepare(
          `INSERT INTO imports (dataset_id, file_name, file_size, sha256, mapping_json, rows_read, rows_accepted,
           rows_warned, rows_rejected, started_at, finished_at) VALUES (99, 'f', 1, 'h', '{}', 0, 0, 0, 0, '', '')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('makes a new file with 64 KB pages; a file with 4 KB pages opens and keeps them', () => {
    const project = track(createProject(join(dir, 'a.hsw'), { appVersion: '1' }));
    expect(project.db.pragma('page_size', { simple: true })).toBe(65_536);
    expect(PROJECT_PAGE_SIZE).toBe(65_536);
    // An older project (4 KB pages, SQLite's default) made by hand at the latest schema.
    const oldPath = join(dir, 'old.hsw');
    const db = new Database(oldPath);
    db.pragma('page_size = 4096');
    migrate(db);
    writeMeta(db, { app: APP_ID, name: 'old', crs: 'EPSG:27700', created_at: '', app_version: '0' });
    db.close();
    const old = track(openProject(oldPath));
    expect(old.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(old.info().name).toBe('old');
  });

  it('refuses a path where a file already exists and leaves that file alone', () => {
    const path = join(dir, 'existing.hsw');
    writeFileSync(path, 'precious');
    const error = refusal(() => createProject(path, { appVersion: '1' }));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/already exists/);
    expect(readdirSync(dir)).toEqual(['existing.hsw']);
  });

  it('refuses a folder that does not exist without leaving a temporary file', () => {
    const error = refusal(() => createProject(join(dir, 'no-such-folder', 'a.hsw'), { appVersion: '1' }));
    expect(error.code).toBe('not-found');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a CRS that is not an EPSG code', () => {
    expect(refusal(() => createProject(join(dir, 'a.hsw'), { appVersion: '1', crs: 'WGS84' })).code).toBe(
      'invalid-argument',
    );
  });
});

describe('openProject', () => {
  it('reopens a created project with the same name and CRS', () => {
    const path = join(dir, 'p.hsw');
    createProject(path, { appVersion: '1', name: 'Night-time economy', crs: 'EPSG:27700' }).close();
    const project = track(openProject(path));
    expect(project.info()).toMatchObject({
      name: 'Night-time economy',
      crs: 'EPSG:27700',
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a file written by a newer app, naming both schema versions, and does not change it', () => {
    const path = join(dir, 'future.hsw');
    createProject(path, { appVersion: '1' }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const error = refusal(() => openProject(path));
    expect(error.code).toBe('refused');
    expect(error.message).toBe(
      `This project was saved by a newer version of Hotspot Workbench (schema ${LATEST_SCHEMA_VERSION + 3}; this app reads up to ${LATEST_SCHEMA_VERSION}). Update the app to open it.`,
    );
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 3);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('refuses a file that is not an SQLite database', () => {
    const path = join(dir, 'notes.hsw');
    writeFileSync(path, 'x,y,date\n1,2,01/01/2024\n'.repeat(200));
    const error = refusal(() => openProject(path));
    expect(error.code).toBe('refused');
    expect(error.message).toBe(
      'notes.hsw is not a Hotspot Workbench project (it is not an SQLite database).',
    );
  });

  it('refuses an SQLite database that is not a Hotspot project, even one with a project_meta table', () => {
    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec(
      "CREATE TABLE project_meta (key TEXT, value TEXT); INSERT INTO project_meta VALUES ('app', 'qgis');",
    );
    db.pragma('user_version = 1');
    db.close();
    const error = refusal(() => openProject(other));
    expect(error.code).toBe('refused');
    expect(error.message).toBe('other.db is not a Hotspot Workbench project.');

    const empty = join(dir, 'empty.db');
    new Database(empty).close();
    expect(refusal(() => openProject(empty)).message).toBe('empty.db is not a Hotspot Workbench project.');
  });

  it('reports a missing file as not-found', () => {
    const path = join(dir, 'gone.hsw');
    expect(refusal(() => openProject(path)).code).toBe('not-found');
    expect(existsSync(path)).toBe(false);
  });

  it('migrates an older project forward when opened', () => {
    const path = join(dir, 'old.hsw');
    createProject(path, { appVersion: '1' }).close();
    const next = LATEST_SCHEMA_VERSION + 1;
    const migrations = [
      ...MIGRATIONS.map((m) => ({ ...m, sql: 'SELECT 1', description: 'already applied' })),
      {
        version: next,
        description: 'adds notes',
        sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);',
      },
    ];
    const project = track(openProject(path, { migrations }));
    expect(project.info().schemaVersion).toBe(next);
    expect(project.db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeTruthy();
  });
});

describe('audit log', () => {
  it('appends entries in order with their action and JSON detail', () => {
    const project = track(createProject(join(dir, 'a.hsw'), { appVersion: '1' }));
    appendAudit(project.db, 'import', { file: 'crimes.csv', rows: 10 });
    appendAudit(project.db, 'pii-override', { column: 'Surname', reason: 'needed for victim contact' });
    const entries = readAudit(project.db);
    expect(entries.map((e) => [e.action, e.detail])).toEqual([
      ['import', { file: 'crimes.csv', rows: 10 }],
      ['pii-override', { column: 'Surname', reason: 'needed for victim contact' }],
    ]);
    expect(Date.parse(entries[0]!.at)).not.toBeNaN();
  });
});
