/**
 * The project's audit log (DESIGN.md §2, §5): imports, PII overrides with their reasons, exports.
 * Rows are only ever appended.
 */
import type Database from 'better-sqlite3';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  detail: Record<string, unknown>;
}

export function appendAudit(db: Database.Database, action: string, detail: Record<string, unknown>): number {
  const result = db
    .prepare('INSERT INTO audit_log (at, action, detail_json) VALUES (?, ?, ?)')
    .run(new Date().toISOString(), action, JSON.stringify(detail));
  return Number(result.lastInsertRowid);
}

export function readAudit(db: Database.Database): AuditEntry[] {
  const rows = db.prepare('SELECT id, at, action, detail_json FROM audit_log ORDER BY id').all() as {
    id: number;
    at: string;
    action: string;
    detail_json: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    detail: JSON.parse(row.detail_json),
  }));
}
