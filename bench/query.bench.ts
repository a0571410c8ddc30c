/**
 * Query benchmark (issue 4): 1,000,000 records filtered by date range + category + polygon.
 *   query.warm-cache      the in-memory columns (record-cache.ts) filtered with typed-array loops,
 *                         then gathered into RecordColumns: what queryRecords does once loaded
 *   query.cache-load      loading those columns from SQLite (once per project and change)
 *   query.sqlite-bbox     the cold alternative: the polygon's box, dates and categories in SQL on
 *                         records (no spatial index since migration 6), then point in polygon in JS
 * Goal ≤ 200 ms for the filter. `BENCH_QUERY_RECORDS` overrides the record count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_RECORDS } from '../electron/engine/import/check-rows.js';
import { openImportConnection } from '../electron/engine/import/import-job.js';
import { RecordBatchBuilder } from '../electron/engine/import/record-batch.js';
import { createRecordWriter } from '../electron/engine/import/record-writer.js';
import { bumpRecordsVersion } from '../electron/engine/import/records-version.js';
import { createProject } from '../electron/engine/project/open-project.js';
import { areaContains, prepareArea } from '../electron/engine/query/point-in-polygon.js';
import { queryRecords } from '../electron/engine/query/query-records.js';
import { loadRecordCache } from '../electron/engine/query/record-cache.js';
import type { RecordFilter } from '../shared/model/records.js';
import { wallClockMs } from '../shared/model/time.js';
import { randomCache } from '../tests/unit/electron/engine/query/random-cache.js';
import { measure, report } from './measure.js';

const n = Number(process.env['BENCH_QUERY_RECORDS'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'hsw-bench-query-'));
try {
  const projectPath = join(dir, 'q.hsw');
  createProject(projectPath, { appVersion: 'bench' }).close();
  const source = randomCache(n, 2024, 0);
  const writeDb = openImportConnection(projectPath);
  writeDb.exec('BEGIN');
  writeDb
    .prepare(
      "INSERT INTO datasets (id, name, geometry, created_at) VALUES (1, 'd1', 'points', ''), (2, 'd2', 'points', ''), (3, 'd3', 'points', '')",
    )
    .run();
  for (const d of [1, 2, 3]) {
    writeDb
      .prepare(
        `INSERT INTO imports (id, dataset_id, file_name, file_size, sha256, mapping_json, rows_read, rows_accepted, rows_warned, rows_rejected, started_at, finished_at)
         VALUES (?, ?, 'bench.csv', 0, '', '{}', 0, 0, 0, 0, '', '')`,
      )
      .run(d, d);
  }
  // One writer per dataset in turn: a writer takes its ids from MAX(id) when it is made.
  for (const d of [1, 2, 3]) {
    const writer = createRecordWriter(writeDb, d, d);
    const batch = new RecordBatchBuilder(BATCH_RECORDS);
    for (let i = 0; i < n; i++) {
      if (source.datasetId[i] !== d) continue;
      batch.add(
        {
          rowNumber: i + 2,
          x: source.x[i]!,
          y: source.y[i]!,
          lon: source.lon[i]!,
          lat: source.lat[i]!,
          areaCode: null,
          fromMs: source.fromMs[i]!,
          toMs: source.toMs[i]!,
          precision: (['exact', 'window', 'date', 'month'] as const)[source.precision[i]!]!,
          category: source.categoryCode[i]! < 0 ? null : source.categories[source.categoryCode[i]!]!,
          subcategory: null,
          weight: source.weight[i]!,
          location: null,
          reference: null,
          attrs: {},
        },
        null,
      );
      if (batch.size === BATCH_RECORDS) writer.writeBatch(batch.take());
    }
    writer.writeBatch(batch.take());
    writer.flush();
  }
  bumpRecordsVersion(writeDb);
  writeDb.exec('COMMIT');
  writeDb.close();

  // A 12-sided polygon of about 3 km across in the middle of the 20 km square, 6 months, 2 categories.
  const ring: number[][] = [];
  for (let k = 0; k <= 12; k++) {
    const a = (2 * Math.PI * (k % 12)) / 12;
    ring.push([410_000 + 1500 * Math.cos(a), 210_000 + 1500 * Math.sin(a)]);
  }
  const filter: RecordFilter = {
    fromMs: wallClockMs(2022, 6, 1),
    toMs: wallClockMs(2022, 12, 1),
    categories: ['Burglary', 'Vehicle crime'],
    area: { polygon: [ring] },
  };

  const db = openImportConnection(projectPath);
  const loadStart = performance.now();
  const cache = loadRecordCache(db);
  const loadMs = performance.now() - loadStart;
  report('query.cache-load', [loadMs], { records: cache.count });

  let selected = 0;
  queryRecords(db, {}); // builds the connection's cache
  const warm = await measure(() => {
    selected = queryRecords(db, filter).count;
  }, 5);
  report('query.warm-cache', warm, { goalMs: 200, records: n, selected });

  const area = prepareArea([ring]);
  const stmt = db.prepare(
    `SELECT x, y FROM records
     WHERE x >= ? AND x <= ? AND y >= ? AND y <= ?
       AND from_ms < ? AND to_ms >= ? AND category IN ('Burglary', 'Vehicle crime')`,
  );
  let sqlSelected = 0;
  const cold = await measure(() => {
    sqlSelected = 0;
    for (const [x, y] of stmt
      .raw(true)
      .iterate(area.minX, area.maxX, area.minY, area.maxY, filter.toMs, filter.fromMs) as Iterable<
      [number, number]
    >) {
      if (areaContains(area, x, y)) sqlSelected++;
    }
  }, 3);
  report('query.sqlite-bbox', cold, { goalMs: 200, records: n, selected: sqlSelected });
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
