/**
 * The project's audit log (DESIGN.md §2, §5): imports, PII overrides with their reasons, exports.
 * Rows are only ever appended, and hash-chained (issue 14, migration 4): each row stores
 *
 *   hash = sha256(prev_hash + JSON.stringify([id, at, action, detail_json]))
 *
 * with prev_hash the previous row's hash (64 zeros before the first row). An edit, a deletion or an
 * insertion made outside the app (a database browser) breaks the chain from that row on, and
 * `verifyAuditChain` names the first broken row. The chain is tamper-evident, not tamper-proof:
 * someone who recomputes every later hash can hide an edit, and removing the newest rows leaves a
 * shorter chain that still checks. The app opens a project with a broken chain, warns the analyst
 * (ProjectInfo.warnings) and keeps appending after the last row, so the break stays visible.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ukDate } from '../../../shared/model/time.js';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  detail: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  detail_json: string;
  prev_hash: string | null;
  hash: string | null;
}

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The hash of one row given the hash before it. */
export function auditRowHash(
  prevHash: string,
  row: Pick<AuditRow, 'id' | 'at' | 'action' | 'detail_json'>,
): string {
  return createHash('sha256')
    .update(prevHash + JSON.stringify([row.id, row.at, row.action, row.detail_json]))
    .digest('hex');
}

function lastRow(db: Database.Database): { id: number; hash: string | null } | undefined {
  return db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string | null }
    | undefined;
}

export function appendAudit(db: Database.Database, action: string, detail: Record<string, unknown>): number {
  const append = db.transaction(() => {
    const last = lastRow(db);
    const row = {
      id: (last?.id ?? 0) + 1,
      at: new Date().toISOString(),
      action,
      detail_json: JSON.stringify(detail),
    };
    const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
    db.prepare(
      'INSERT INTO audit_log (id, at, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(row.id, row.at, row.action, row.detail_json, prevHash, auditRowHash(prevHash, row));
    return row.id;
  });
  return append();
}

/** Chains every row from the first without a hash (migration 4: rows written before the chain). */
export function chainUnchainedAudit(db: Database.Database): number {
  const rows = db
    .prepare('SELECT id, at, action, detail_json, prev_hash, hash FROM audit_log ORDER BY id')
    .all() as AuditRow[];
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  let prevHash = AUDIT_GENESIS_HASH;
  let chained = 0;
  for (const row of rows) {
    if (row.hash === null) {
      const hash = auditRowHash(prevHash, row);
      update.run(prevHash, hash, row.id);
      row.hash = hash;
      chained++;
    }
    prevHash = row.hash;
  }
  return chained;
}

export type AuditChainCheck =
  | { intact: true; rows: number }
  | { intact: false; rows: number; firstBrokenId: number; message: string };

/** Walks the chain from the first row; reports the first row whose hash or link does not match. */
export function verifyAuditChain(db: Database.Database): AuditChainCheck {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  const rows = db
    .prepare('SELECT id, at, action, detail_json, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditRow>;
  let prevHash = AUDIT_GENESIS_HASH;
  for (const row of rows) {
    if (row.prev_hash !== prevHash || row.hash !== auditRowHash(prevHash, row)) {
      const at = Date.parse(row.at);
      const when = Number.isNaN(at) ? 'an unreadable date' : ukDate(at);
      return {
        intact: false,
        rows: total,
        firstBrokenId: row.id,
        message:
          `The project's audit log was changed outside Hotspot Workbench: entry ${row.id} ` +
          `("${row.action}", ${when}) ${row.prev_hash !== prevHash ? 'does not follow the entry before it (an entry was removed or added)' : 'was edited'}. ` +
          `Entries from ${row.id} on cannot be trusted; keep a copy of this file and tell your data protection lead.`,
      };
    }
    prevHash = row.hash;
  }
  return { intact: true, rows: total };
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
