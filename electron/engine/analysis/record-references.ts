/**
 * Crime references of selected records, by record id (DESIGN.md §4 "Near-repeat chains": chains
 * list their members' crime references and break same-day ties by them). Read from the records
 * table for just the selection rather than kept in the record cache: a reference is unique per
 * record, so a cached dictionary would hold a string for every record of the project for the few
 * analyses that name records. One query over the ids (json_each), O(selection) with the primary key.
 */
import type Database from 'better-sqlite3';

/** reference[k] of record ids[k], or null where the record has none. */
export function recordReferences(db: Database.Database, ids: ArrayLike<number>): (string | null)[] {
  const byId = new Map<number, string | null>();
  const rows = db
    .prepare('SELECT id, reference FROM records WHERE id IN (SELECT value FROM json_each(?))')
    .raw(true)
    .iterate(JSON.stringify(Array.from(ids))) as Iterable<[number, string | null]>;
  for (const [id, reference] of rows) byId.set(id, reference === '' ? null : reference);
  return Array.from(ids, (id) => byId.get(id) ?? null);
}
