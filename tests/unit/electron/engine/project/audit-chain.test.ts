import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../../../electron/engine/project/audit.js';
import { migrate } from '../../../../../electron/engine/project/migrate.js';
import { MIGRATIONS } from '../../../../../electron/engine/project/migrations.js';
import { createProject, openProject } from '../../../../../electron/engine/project/open-project.js';

/** The chain as the issue states it, computed here independently of audit.ts. */
function referenceChain(rows: { id: number; at: string; action: string; detail_json: string }[]): string[] {
  let prev = '0'.repeat(64);
  return rows.map((row) => {
    prev = createHash('sha256')
      .update(prev + JSON.stringify([row.id, row.at, row.action, row.detail_json]))
      .digest('hex');
    return prev;
  });
}

function auditRows(db: Database.Database) {
  return db
    .prepare('SELECT id, at, action, detail_json, prev_hash, hash FROM audit_log ORDER BY id')
    .all() as {
    id: number;
    at: string;
    action: string;
    detail_json: string;
    prev_hash: string;
    hash: string;
  }[];
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-audit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('audit log hash chain', () => {
  it('chains each appended row to the one before (checked against an independent sha256 chain)', () => {
    const project = createProject(join(dir, 'p.hsw'), { appVersion: 'test' });
    appendAudit(project.db, 'import', { file: 'a.csv', rows: 3 });
    appendAudit(project.db, 'pii-override', { column: 'Notes', reason: 'DPIA ref 2024-17' });
    appendAudit(project.db, 'export', { kind: 'pdf' });
    const rows = auditRows(project.db);
    expect(rows.map((r) => r.hash)).toEqual(referenceChain(rows));
    expect(rows.map((r) => r.prev_hash)).toEqual(['0'.repeat(64), rows[0]!.hash, rows[1]!.hash]);
    expect(verifyAuditChain(project.db)).toEqual({ intact: true, rows: 3 });
    project.close();
  });

  it('names the first edited row, and a removed row by the link after it', () => {
    const project = createProject(join(dir, 'p.hsw'), { appVersion: 'test' });
    for (let i = 1; i <= 4; i++) appendAudit(project.db, 'import', { n: i });
    project.db.prepare('UPDATE audit_log SET detail_json = \'{"n":20}\' WHERE id = 2').run();
    const edited = verifyAuditChain(project.db);
    expect(edited).toMatchObject({ intact: false, rows: 4, firstBrokenId: 2 });
    if (!edited.intact) expect(edited.message).toMatch(/entry 2 \("import", \d\d\/\d\d\/\d{4}\) was edited/);

    project.db.prepare('UPDATE audit_log SET detail_json = \'{"n":2}\' WHERE id = 2').run();
    expect(verifyAuditChain(project.db).intact).toBe(true);
    project.db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    const removed = verifyAuditChain(project.db);
    expect(removed).toMatchObject({ intact: false, firstBrokenId: 4 });
    if (!removed.intact) expect(removed.message).toMatch(/removed or added/);
    project.close();
  });

  it('opens a project with a broken chain with a warning, and keeps appending after the last row', () => {
    const path = join(dir, 'p.hsw');
    const project = createProject(path, { appVersion: 'test' });
    appendAudit(project.db, 'import', { file: 'a.csv' });
    appendAudit(project.db, 'import', { file: 'b.csv' });
    expect(project.info().warnings).toEqual([]);
    project.db.prepare("UPDATE audit_log SET action = 'nothing' WHERE id = 1").run();
    project.close();

    const reopened = openProject(path);
    const warnings = reopened.info().warnings ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/audit log was changed outside Hotspot Workbench: entry 1/);
    appendAudit(reopened.db, 'export', { kind: 'csv' });
    const rows = auditRows(reopened.db);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(verifyAuditChain(reopened.db)).toMatchObject({ intact: false, firstBrokenId: 1 });
    reopened.close();
  });

  it('migration 4 chains the rows written before it', () => {
    const db = new Database(join(dir, 'old.hsw'));
    migrate(db, MIGRATIONS.slice(0, 3));
    const insert = db.prepare('INSERT INTO audit_log (at, action, detail_json) VALUES (?, ?, ?)');
    insert.run('2024-03-01T10:00:00.000Z', 'import', '{"file":"x.csv"}');
    insert.run('2024-03-02T11:00:00.000Z', 'pii-override', '{"column":"Notes"}');
    migrate(db, MIGRATIONS.slice(0, 4));
    const rows = auditRows(db);
    expect(rows.map((r) => r.hash)).toEqual(referenceChain(rows));
    expect(verifyAuditChain(db)).toEqual({ intact: true, rows: 2 });
    appendAudit(db, 'export', {});
    expect(verifyAuditChain(db)).toEqual({ intact: true, rows: 3 });
    db.close();
  });
});
