/**
 * The floor under an import (issue 15 item 3), measured in one run beside the import itself, on
 * the same 1,000,000 police.uk rows (generated, seeded; BENCH_IMPORT_ROWS overrides):
 *
 *   readMs      the file's bytes read from the page cache, nothing else (the file system's floor)
 *   sha256Ms    the streaming SHA-256 every import computes first
 *   parseMs     openTable's CSV batches: decode and split into cells, no validation
 *   validateMs  parse + every row through checkRows (dates, WGS84 → BNG, summary, batches built)
 *   insertMs    the validated batches written alone through ImportTransaction (records, spatial
 *               index, commit) on an import connection: SQLite's floor for this schema
 *   importMs    the whole `hotspot import` of the built CLI (HOTSPOT_DIST, default dist/), a process
 *               of its own, with its CPU time (user + sys, all threads) and peak RSS from /usr/bin/time
 *
 * Each step also reports its CPU time (…CpuMs, this process) and the line carries the load average:
 * on the shared two-core machine wall times stretch with the load, CPU times much less.
 *
 * Reading and validating run on one thread while the other inserts, so the import's floor on two
 * cores is about max(validateMs, insertMs) plus the hash, not their sum. Never fails on time.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CheckRowsParams, checkRows } from '../electron/engine/import/check-rows.js';
import { openImportConnection } from '../electron/engine/import/import-job.js';
import { ImportTransaction } from '../electron/engine/import/import-transaction.js';
import { openTable } from '../electron/engine/import/readers/open-table.js';
import type { RecordBatch } from '../electron/engine/import/record-batch.js';
import { sha256File } from '../electron/engine/import/sha256-file.js';
import { createProject } from '../electron/engine/project/open-project.js';
import { applyPreset, findPreset, POLICE_UK_HEADERS } from '../shared/import/presets.js';
import { writePoliceUkCsv } from '../tests/unit/electron/engine/import/generate-police-uk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = resolve(root, process.env['HOTSPOT_DIST'] ?? 'dist', 'cli.js');
const rows = Number(process.env['BENCH_IMPORT_ROWS'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'hsw-bench-import-floor-'));

/** Wall and CPU (user + sys, this process) time of `fn`: on a loaded machine the CPU time is the steadier. */
async function timedMs<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return {
    ms: Math.round(performance.now() - start),
    cpuMs: Math.round((used.user + used.system) / 1000),
    value,
  };
}

async function readBytes(path: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) bytes += chunk.length;
  return bytes;
}

try {
  const csvPath = join(dir, 'street.csv');
  await writePoliceUkCsv(csvPath, rows, 2024);
  const fd = openSync(csvPath, 'r');
  fsyncSync(fd);
  closeSync(fd);
  const mapping = applyPreset(findPreset('police-uk')!, POLICE_UK_HEADERS)!;

  const read = await timedMs(() => readBytes(csvPath));
  const sha = await timedMs(() => sha256File(csvPath));
  const parse = await timedMs(async () => {
    const table = await openTable(csvPath);
    let n = 0;
    for await (const batch of table.batches) n += batch.length;
    await table.close();
    return n;
  });

  const check: CheckRowsParams = {
    headers: POLICE_UK_HEADERS,
    mapping,
    validatorOptions: { nowMs: Date.UTC(2030, 0, 1), projectCrs: 'EPSG:27700' },
    dataset: 'police.uk',
    knownReferences: new Set(),
  };
  const validateAll = async (onBatch: (batch: RecordBatch) => void) => {
    const table = await openTable(csvPath);
    try {
      return await checkRows(table.batches, check, onBatch);
    } finally {
      await table.close();
    }
  };
  // Timed with each batch dropped, as the import hands it on; keeping a million records alive here
  // would time the garbage collector's marking of them instead.
  const validate = await timedMs(() => validateAll(() => {}));
  // Again, untimed, keeping the batches (this process only), so the insert below is timed alone.
  const batches: RecordBatch[] = [];
  await validateAll((batch) => {
    batches.push(batch);
  });

  const projectPath = join(dir, 'floor.hsw');
  createProject(projectPath, { appVersion: 'bench' }).close();
  const db = openImportConnection(projectPath);
  const insert = await timedMs(() => {
    const transaction = ImportTransaction.begin(db, {
      dataset: 'police.uk',
      existingDatasetId: null,
      geometry: 'points',
      fileName: 'street.csv',
      fileSize: read.value,
      sha256: sha.value,
      mapping,
      headers: POLICE_UK_HEADERS,
      startedAt: new Date().toISOString(),
    });
    for (const batch of batches) transaction.store(batch);
    const { counts, attrKeys } = validate.value;
    transaction.commit(
      {
        dryRun: false,
        importId: transaction.importId,
        datasetId: transaction.datasetId,
        dataset: 'police.uk',
        fileName: 'street.csv',
        fileSize: read.value,
        sha256: sha.value,
        sourceCrs: mapping.sourceCrs,
        ...counts,
        geometry: 'points',
        pii: { excluded: [], overridden: [] },
        message: '',
        durationMs: 0,
      },
      attrKeys,
      [],
    );
  });
  db.close();
  batches.length = 0;

  let importMs: number | null = null;
  let importCpuMs: number | null = null;
  let importPeakRssMb: number | null = null;
  if (existsSync(cli)) {
    const start = performance.now();
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%U %S %M',
        process.execPath,
        cli,
        'import',
        csvPath,
        '--project',
        join(dir, 'cli.hsw'),
        '--preset',
        'police-uk',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    importMs = Math.round(performance.now() - start);
    const [user, sys, rssKb] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    importCpuMs = Math.round((user! + sys!) * 1000);
    importPeakRssMb = Math.round(rssKb! / 1024);
    if (run.status !== 0) process.stderr.write(run.stderr.slice(-2000));
  }

  console.log(
    JSON.stringify({
      bench: 'import.floor',
      ms: importMs,
      rows,
      fileMB: Math.round(read.value / 1e5) / 10,
      readMs: read.ms,
      sha256Ms: sha.ms,
      parseMs: parse.ms,
      parseCpuMs: parse.cpuMs,
      validateMs: validate.ms,
      validateCpuMs: validate.cpuMs,
      insertMs: insert.ms,
      insertCpuMs: insert.cpuMs,
      rowsAccepted: validate.value.counts.rowsAccepted,
      importMs,
      importCpuMs,
      importPeakRssMb,
      loadAverage: loadavg()[0],
      floorMs: sha.ms + Math.max(validate.ms, insert.ms),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
