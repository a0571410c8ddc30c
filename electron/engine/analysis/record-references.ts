/**
 * Crime references of selected records, by record id (DESIGN.md §4 "Near-repeat chains": chains
 * list their members' crime references and break same-day ties by them). Read from the records
 * table for just the selection rather than kept in the record cache: a reference is unique per
 * record, so a cached dictionary would hold a string for every record of the project for the few
 * analyses that name records. One query over the ids (json_each), O(selection) with the primary key.
 */
import type Database from 'better-sqlite3';
import { checkpoint } from './analysis-job.js';

/** Ids per query of `recordReferencesInSteps`: about 20 ms each, so a cancel is heard between them. */
const IDS_PER_STEP = 2_000;

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

/**
 * `recordReferences` in steps of IDS_PER_STEP ids with a checkpoint between them: one query over a
 * large selection (180 ms for 18,000 records) held a cancel of the chains job back until it ended.
 */
export async function recordReferencesInSteps(
  db: Database.Database,
  ids: ArrayLike<number>,
  signal: AbortSignal,
): Promise<(string | null)[]> {
  const references: (string | null)[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STEP) {
    await checkpoint(signal);
    const step = Array.prototype.slice.call(ids, start, start + IDS_PER_STEP) as number[];
    for (const reference of recordReferences(db, step)) references.push(reference);
  }
  return references;
}
