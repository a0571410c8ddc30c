/**
 * Reading + validating a police.uk street-level CSV (the import's per-row path without storing):
 * the file is streamed by openTable, mapped by the recognised police-uk preset and every row run
 * through createRowValidator (month parse, WGS84 → BNG projection, duplicate-reference check).
 * Goal: ≥ 300,000 rows/s, so that the whole import of 1,000,000 rows fits in 10 s with storing.
 * Rows: HOTSPOT_BENCH_ROWS (default 1,000,000).
 * Measured on the 2-core machine, quiet, 1,000,000 rows: read ≈ 400k rows/s, read+validate ≈ 220k rows/s
 * with Node's defaults; with a 64 MB young-generation semi-space (node --max-semi-space-size=64, or a
 * worker's resourceLimits) ≈ 600k and ≈ 290k rows/s, as far fewer short-lived row objects get promoted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTable } from '../electron/engine/import/readers/open-table.js';
import { detectMapping } from '../shared/import/detect-mapping.js';
import { createRowValidator, tallyOutcome } from '../shared/import/validate.js';
import type { ValidationCounts } from '../shared/import/validate-types.js';
import { policeUkCsv } from '../tests/fixtures/import/police-uk.js';
import { measure, report } from './measure.js';

const rows = Number(process.env.HOTSPOT_BENCH_ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'hotspot-import-parse-'));
const path = join(dir, 'street.csv');
writeFileSync(path, policeUkCsv(rows, 7));

async function readOnly(): Promise<number> {
  const table = await openTable(path);
  let n = 0;
  for await (const batch of table.batches) n += batch.length;
  return n;
}

async function readAndValidate(): Promise<ValidationCounts> {
  const table = await openTable(path);
  const { mapping } = detectMapping(table.headers, []);
  const validate = createRowValidator(mapping, table.headers, {
    nowMs: Date.UTC(2025, 0, 1),
    projectCrs: 'EPSG:27700',
  });
  const counts: ValidationCounts = { read: 0, accepted: 0, warned: 0, rejected: 0 };
  for await (const batch of table.batches) {
    for (const row of batch) tallyOutcome(counts, validate(row.cells, row.rowNumber));
  }
  if (counts.accepted !== rows)
    throw new Error(`expected ${rows} accepted rows, got ${JSON.stringify(counts)}`);
  return counts;
}

/** Wall-clock runs, plus the process CPU time of all runs: on a shared machine CPU time is the steadier figure. */
async function timed(fn: () => Promise<unknown>): Promise<{ runsMs: number[]; cpuMsPerRun: number }> {
  await fn();
  const cpu0 = process.cpuUsage();
  const runsMs = await measure(fn, 3, 0);
  const cpu = process.cpuUsage(cpu0);
  return { runsMs, cpuMsPerRun: Math.round((cpu.user + cpu.system) / 1000 / runsMs.length) };
}

try {
  const read = await timed(readOnly);
  report('import-parse.read', read.runsMs, {
    rows,
    rowsPerS: Math.round(rows / (median(read.runsMs) / 1000)),
    cpuMsPerRun: read.cpuMsPerRun,
    rowsPerCpuS: Math.round(rows / (read.cpuMsPerRun / 1000)),
  });
  const full = await timed(readAndValidate);
  report('import-parse.read+validate', full.runsMs, {
    rows,
    rowsPerS: Math.round(rows / (median(full.runsMs) / 1000)),
    cpuMsPerRun: full.cpuMsPerRun,
    rowsPerCpuS: Math.round(rows / (full.cpuMsPerRun / 1000)),
    goalRowsPerS: 300_000,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
