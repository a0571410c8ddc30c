import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { recordReferencesInSteps } from '../../../../../electron/engine/analysis/record-references.js';

// 5,000 records: ids 1…5000, reference "CR/<id>" except every 7th empty and every 11th null.
const db = new Database(':memory:');
db.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, reference TEXT)');
const insert = db.prepare('INSERT INTO records (id, reference) VALUES (?, ?)');
const referenceOf = (id: number) => (id % 11 === 0 ? null : id % 7 === 0 ? '' : `CR/${id}`);
for (let id = 1; id <= 5000; id++) insert.run(id, referenceOf(id));
afterAll(() => db.close());

describe('recordReferencesInSteps', () => {
  it('gives each id its reference in the order asked, across several steps', async () => {
    // Descending ids with unknown ones mixed in, more than two steps' worth.
    const ids = Int32Array.from({ length: 4800 }, (_, k) => (k % 500 === 3 ? 9000 + k : 5000 - k));
    const expected = Array.from(ids, (id) => {
      if (id > 5000) return null;
      const reference = referenceOf(id);
      return reference === '' ? null : reference;
    });
    expect(await recordReferencesInSteps(db, ids, new AbortController().signal)).toEqual(expected);
  });

  it('stops when the job was cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(recordReferencesInSteps(db, [1, 2, 3], controller.signal)).rejects.toThrow();
  });
});
