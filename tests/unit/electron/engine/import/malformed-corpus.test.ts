/**
 * Every file of the malformed and hostile corpus (tests/fixtures/import/make-corpus.ts) through the
 * real import into a real project: a refused or all-rejected file leaves the project byte-for-byte
 * as it was (hash of the .hsw after a checkpoint), a dry run never writes, and a partly bad file
 * imports its good rows and reports the bad ones.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewTable } from '../../../../../electron/engine/import/readers/open-table.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { detectMapping } from '../../../../../shared/import/detect-mapping.js';
import type { ColumnMapping } from '../../../../../shared/import/mapping.js';
import { detectPii } from '../../../../../shared/import/pii.js';
import { piiSampleCells } from '../../../../../shared/import/pii-sample.js';
import type { PiiDecision } from '../../../../../shared/import/pii-types.js';
import { applyPreset, findPreset, POLICE_UK_HEADERS } from '../../../../../shared/import/presets.js';
import { type CorpusEntry, makeMalformedCorpus } from '../../../../fixtures/import/make-corpus.js';
import { type TempProject, tempProject } from './helpers.js';

const NOW = Date.UTC(2024, 0, 1);
let t: TempProject;
let corpus: CorpusEntry[];

beforeAll(async () => {
  t = tempProject();
  const dir = join(t.dir, 'corpus');
  mkdirSync(dir);
  corpus = await makeMalformedCorpus(dir);
  // A project with data in it already, so "unchanged" covers existing records too.
  const seed = t.file(
    'seed.csv',
    `${POLICE_UK_HEADERS.join(',')}\nS1,2019-01,P,P,-1.5,53.8,On or near X,E01011234,Leeds 001A,Burglary,,\n`,
  );
  await runImport(t.project.db, {
    filePath: seed,
    dataset: 'corpus',
    mapping: applyPreset(findPreset('police-uk')!, POLICE_UK_HEADERS)!,
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW,
  });
});
afterAll(() => t.cleanup());

/** The mapping and PII decisions an analyst would get from the wizard (flagged columns excluded). */
async function wizardChoices(path: string): Promise<{ mapping: ColumnMapping; pii: PiiDecision[] }> {
  try {
    const preview = await previewTable(path, 50);
    const cells = preview.rows.map((r) => r.cells);
    const pii = detectPii(preview.headers, cells.map(piiSampleCells)).map(
      (f): PiiDecision => ({ column: f.column, action: 'exclude' }),
    );
    return { mapping: detectMapping(preview.headers, cells).mapping, pii };
  } catch {
    return { mapping: applyPreset(findPreset('police-uk')!, POLICE_UK_HEADERS)!, pii: [] };
  }
}

describe('the malformed corpus', () => {
  it('has at least 50 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
  });

  it('leaves the project byte-for-byte unchanged for every refused, all-rejected or dry-run file', async () => {
    const outcomes: string[] = [];
    for (const entry of corpus) {
      const { mapping, pii } = await wizardChoices(entry.path);
      const base = {
        filePath: entry.path,
        dataset: 'corpus',
        mapping,
        projectCrs: 'EPSG:27700',
        pii,
        nowMs: NOW,
        allowDuplicateFile: true,
      };
      const before = t.fingerprint();
      const dry = await runImport(t.project.db, { ...base, dryRun: true }).catch(
        (error: Error & { code?: string }) => error,
      );
      expect(t.fingerprint(), `${entry.name}: dry run`).toBe(before);
      if (entry.expect === 'file-error' || entry.expect === 'all-rows-rejected') {
        const real = await runImport(t.project.db, base).catch((error: Error & { code?: string }) => error);
        expect(t.fingerprint(), `${entry.name}: import`).toBe(before);
        if (real instanceof Error) {
          expect(real.code, `${entry.name}: ${real.message}`).toBe('refused');
          expect(real.message.length).toBeGreaterThan(10);
        } else {
          expect(real.importId, `${entry.name}: nothing should be imported`).toBeNull();
          expect(real.message).toMatch(/^Nothing imported/);
        }
        outcomes.push(`${entry.name}: ${real instanceof Error ? real.message : real.message}`);
      } else {
        expect(dry, `${entry.name}: readable file`).not.toBeInstanceOf(Error);
        if (!(dry instanceof Error)) {
          if (entry.expect === 'warnings') expect(dry.rowsWarned, entry.name).toBeGreaterThan(0);
          else expect(dry.rowsRejected, entry.name).toBeGreaterThan(0);
        }
      }
    }
    expect(outcomes.length).toBeGreaterThan(0);
  });
});
