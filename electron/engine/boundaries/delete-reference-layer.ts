/** Deletes a reference-line layer and its lines, in one transaction with its audit entry. */
import type Database from 'better-sqlite3';
import { getReferenceLayer } from '../profile/reference-lines.js';
import { appendAudit } from '../project/audit.js';

export function deleteReferenceLayer(db: Database.Database, id: number): boolean {
  return db.transaction(() => {
    const info = getReferenceLayer(db, id);
    db.prepare('DELETE FROM reference_layers WHERE id = ?').run(id);
    appendAudit(db, 'delete-reference-lines', { layerId: id, name: info.name, lines: info.lines });
    return true;
  })();
}
