/**
 * Every file of the malformed corpus (tests/fixtures/import/make-corpus.ts) gives what it promises:
 * a clear file error naming the file, or the stated per-row rejections / warnings with reasons.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../../../../electron/engine/import/readers/open-table.js';
import { ImportFileError, type TableRow } from '../../../../../../electron/engine/import/readers/table.js';
import { detectMapping } from '../../../../../../shared/import/detect-mapping.js';
import type { RowIssue } from '../../../../../../shared/import/normalized.js';
import { createRowValidator, tallyOutcome } from '../../../../../../shared/import/validate.js';
import { type CorpusEntry, makeMalformedCorpus } from '../../../../../fixtures/import/make-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'hotspot-corpus-'));
let corpus: CorpusEntry[] = [];
beforeAll(async () => {
  corpus = await makeMalformedCorpus(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string) {
  const table = await openTable(path);
  const rows: TableRow[] = [];
  for await (const batch of table.batches) rows.push(...batch);
  return { headers: table.headers, rows };
}

describe('makeMalformedCorpus', () => {
  it('writes at least 50 files with unique names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it('gives each file its promised outcome', async () => {
    const failures: string[] = [];
    for (const entry of corpus) {
      try {
        await checkEntry(entry);
      } catch (error) {
        failures.push(`${entry.name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

async function checkEntry(entry: CorpusEntry): Promise<void> {
  if (entry.expect === 'file-error') {
    let caught: unknown = null;
    try {
      await readAll(entry.path);
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof ImportFileError))
      throw new Error(`expected an ImportFileError, got ${String(caught)}`);
    if (!caught.message.startsWith(entry.name))
      throw new Error(`message does not name the file: ${caught.message}`);
    if (entry.mentions && !caught.message.includes(entry.mentions)) {
      throw new Error(`message does not mention "${entry.mentions}": ${caught.message}`);
    }
    return;
  }
  const { headers, rows } = await readAll(entry.path);
  const detected = detectMapping(
    headers,
    rows.slice(0, 50).map((r) => r.cells),
  );
  if (detected.problems.length > 0) throw new Error(`no usable mapping: ${detected.problems.join('; ')}`);
  const validate = createRowValidator(detected.mapping, headers, {
    nowMs: Date.UTC(2025, 0, 1),
    projectCrs: 'EPSG:27700',
  });
  const counts = { read: 0, accepted: 0, warned: 0, rejected: 0 };
  const issues: RowIssue[] = [];
  for (const row of rows) {
    const outcome = validate(row.cells, row.rowNumber);
    tallyOutcome(counts, outcome);
    issues.push(...outcome.issues);
    for (const issue of outcome.issues) {
      if (issue.reason.length === 0 || issue.rowNumber !== row.rowNumber)
        throw new Error('an issue without reason or row');
    }
  }
  const ok =
    (entry.expect === 'all-rows-rejected' && counts.read > 0 && counts.rejected === counts.read) ||
    (entry.expect === 'some-rows-rejected' && counts.rejected > 0 && counts.accepted > 0) ||
    (entry.expect === 'warnings' && counts.rejected === 0 && counts.warned > 0);
  if (!ok) throw new Error(`expected ${entry.expect}, got ${JSON.stringify(counts)}`);
  if (entry.mentions && !issues.some((i) => i.reason.includes(entry.mentions!))) {
    throw new Error(`no issue mentions "${entry.mentions}": ${issues.map((i) => i.reason).join(' | ')}`);
  }
}
