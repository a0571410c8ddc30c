/**
 * Hostile input (issue 14 item 5): every file of the generated corpus (make-hostile.ts) goes through
 * the engine's real import, records or boundaries, into a real project with data in it. For each:
 * no crash (only typed Api errors), no hang (the test's timeout; the readers' limits bound the
 * work), a clear one-line reason when refused, and the project byte-for-byte unchanged whenever
 * nothing was imported (SHA-256 of the .hsw after a TRUNCATE checkpoint).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaries } from '../../../../electron/engine/boundaries/import-boundaries.js';
import { previewTable } from '../../../../electron/engine/import/readers/open-table.js';
import { runImport } from '../../../../electron/engine/import/run-import.js';
import { API_ERROR_CODES, ApiError } from '../../../../shared/api/errors.js';
import { detectMapping } from '../../../../shared/import/detect-mapping.js';
import type { ColumnMapping } from '../../../../shared/import/mapping.js';
import { detectPii } from '../../../../shared/import/pii.js';
import { piiSampleCells } from '../../../../shared/import/pii-sample.js';
import type { PiiDecision } from '../../../../shared/import/pii-types.js';
import { csvCell } from '../../../../shared/profile/csv.js';
import { mapping, type TempProject, tempProject } from '../engine/import/helpers.js';
import { type HostileFile, makeHostileCorpus } from './make-hostile.js';

const NOW = Date.UTC(2024, 5, 1);
const FALLBACK: ColumnMapping = mapping({
  fields: {
    reference: 'Crime Reference',
    category: 'Offence Category',
    date: 'Committed Date',
    x: 'Easting',
    y: 'Northing',
  },
  timeShape: 'date',
  sourceCrs: 'EPSG:27700',
});

let t: TempProject;
let corpus: HostileFile[];

beforeAll(async () => {
  t = tempProject();
  corpus = await makeHostileCorpus();
  const seed = t.file(
    'seed.csv',
    'Crime Reference,Offence Category,Committed Date,Easting,Northing\nS1,Burglary,01/03/2024,373000,455000\n',
  );
  await runImport(t.project.db, {
    filePath: seed,
    dataset: 'seed',
    mapping: FALLBACK,
    projectCrs: 'EPSG:27700',
    pii: [],
    nowMs: NOW,
  });
}, 120_000);
afterAll(() => t.cleanup());

/** What the wizard would offer: the detected mapping, flagged columns excluded. */
async function wizardChoices(path: string): Promise<{ mapping: ColumnMapping; pii: PiiDecision[] }> {
  try {
    const preview = await previewTable(path, 50);
    const cells = preview.rows.map((r) => r.cells);
    const pii = detectPii(preview.headers, cells.map(piiSampleCells)).map(
      (f): PiiDecision => ({ column: f.column, action: 'exclude' }),
    );
    const detected = detectMapping(preview.headers, cells).mapping;
    const excluded = new Set(pii.map((d) => d.column));
    for (const [field, column] of Object.entries(detected.fields)) {
      if (excluded.has(column)) delete detected.fields[field as keyof ColumnMapping['fields']];
    }
    return { mapping: detected, pii };
  } catch {
    return { mapping: FALLBACK, pii: [] };
  }
}

type Outcome =
  | { kind: 'refused'; message: string }
  | { kind: 'imported'; rows: number }
  | { kind: 'nothing' };

async function importOne(file: HostileFile, index: number, path: string): Promise<Outcome> {
  try {
    if (file.target === 'boundaries') {
      const result = await importBoundaries(t.project.db, {
        filePath: path,
        name: `layer ${index}`,
        projectCrs: 'EPSG:27700',
      });
      return { kind: 'imported', rows: result.layer.features };
    }
    const choices = await wizardChoices(path);
    const summary = await runImport(t.project.db, {
      filePath: path,
      dataset: `hostile ${index}`,
      ...choices,
      projectCrs: 'EPSG:27700',
      nowMs: NOW,
      allowDuplicateFile: true,
    });
    return summary.importId === null ? { kind: 'nothing' } : { kind: 'imported', rows: summary.rowsAccepted };
  } catch (error) {
    // Only typed errors cross the Api: a refusal or a guard rail, never a raw exception.
    const typed = error instanceof ApiError || error instanceof RangeError;
    expect(typed, `${file.name}: ${(error as Error)?.stack}`).toBe(true);
    if (error instanceof ApiError) expect(API_ERROR_CODES).toContain(error.code);
    return { kind: 'refused', message: (error as Error).message };
  }
}

describe('the hostile corpus', () => {
  it('has at least 200 files of every kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(corpus.filter((f) => f.target === 'boundaries').length).toBeGreaterThanOrEqual(30);
    expect(corpus.filter((f) => f.fileName.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((f) => f.fileName.endsWith('.geojson')).length).toBeGreaterThanOrEqual(30);
  });

  it('imports or refuses each file with a one-line reason, leaving the project unchanged unless rows were imported', async () => {
    const tally = { refused: 0, imported: 0, nothing: 0 };
    // Every problem of every file, so one run shows them all.
    const problems: string[] = [];
    for (const [index, file] of corpus.entries()) {
      const path = join(t.dir, `${index}-${file.fileName}`);
      writeFileSync(path, file.bytes);
      const before = t.fingerprint();
      const outcome = await importOne(file, index, path);
      tally[outcome.kind]++;
      const problem = (text: string) => problems.push(`${file.name}: ${text} (${JSON.stringify(outcome)})`);
      if (outcome.kind !== 'imported' && t.fingerprint() !== before) problem('project changed');
      if (outcome.kind === 'refused') {
        const { message } = outcome;
        if (/[\r\n]/.test(message)) problem('reason spans lines');
        if (message.length <= 15 || message.length >= 600) problem('reason too short or too long');
        if (/hsw-import-|\/tmp\/|at Object\.|TypeError|undefined/.test(message))
          problem('reason shows internals');
        if (file.reason && !file.reason.test(message)) problem(`reason does not match ${file.reason}`);
      }
      if (file.expect === 'refused' && outcome.kind !== 'refused') problem('should be refused');
      if (file.expect === 'imports' && outcome.kind !== 'imported') problem('should import');
    }
    expect(problems).toEqual([]);
    console.info(`hostile corpus: ${corpus.length} files, ${JSON.stringify(tally)}`);
  }, 180_000);
});

describe('spreadsheet formulas in an extract', () => {
  it('are stored as the text they are, flagged on import, and quoted on CSV export', async () => {
    const formula = "=cmd|' /C calc'!A0";
    const path = t.file(
      'formula.csv',
      `Crime Reference,Offence Category,Committed Date,Easting,Northing\nF1,"${formula}",01/03/2024,373000,455000\n`,
    );
    const summary = await runImport(t.project.db, {
      filePath: path,
      dataset: 'formulas',
      mapping: FALLBACK,
      projectCrs: 'EPSG:27700',
      pii: [],
      nowMs: NOW,
    });
    expect(summary.rowsAccepted).toBe(1);
    const stored = t.project.db
      .prepare('SELECT category FROM records WHERE import_id = ?')
      .pluck()
      .get(summary.importId);
    expect(stored).toBe(formula);
    const issues = t.project.db
      .prepare('SELECT reason FROM import_issues WHERE import_id = ?')
      .pluck()
      .all(summary.importId) as string[];
    expect(issues.join(' ')).toMatch(/spreadsheet formula; kept as plain text, never run/);
    expect(csvCell(stored as string)).toBe(`'${formula}`);
  });
});
