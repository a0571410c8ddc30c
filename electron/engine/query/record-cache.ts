/**
 * A per-project, in-memory columnar copy of every record: typed arrays plus dictionaries for the
 * strings, loaded from SQLite once when first needed (about a second per million records) and then
 * filtered with plain loops (query/select-records.ts) in tens of milliseconds.
 *
 * Staleness: every write of records (import, delete, undo) bumps `project_meta.records_version` in
 * its transaction (import/audit.ts), so `getRecordCache` compares one tiny row per call and reloads
 * after any change, also when another process (the CLI, an import worker) made it.
 */
import type Database from 'better-sqlite3';
import { hourOf, weekdayOf } from '../../../shared/model/time.js';
import { recordsVersion } from '../import/records-version.js';

export interface RecordCache {
  version: number;
  count: number;
  id: Float64Array;
  datasetId: Int32Array;
  /** Project CRS metres; NaN for area-only records. */
  x: Float64Array;
  y: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  fromMs: Float64Array;
  toMs: Float64Array;
  precision: Uint8Array;
  weight: Float64Array;
  /** Hour 0–23 and weekday 0 = Monday of the window's start, for the hour and weekday filters. */
  startHour: Uint8Array;
  startWeekday: Uint8Array;
  /** Month of the window's start as year × 12 + month (0 = January), for the month counts. */
  startMonth: Int32Array;
  categoryCode: Int32Array;
  categories: string[];
  subcategoryCode: Int32Array;
  subcategories: string[];
  locationCode: Int32Array;
  locations: string[];
  areaCode: Int32Array;
  areaCodes: string[];
}

class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  code(value: string | null): number {
    if (value === null) return -1;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}

/** Reads every record into columns, inside one read transaction so count and rows agree. */
export function loadRecordCache(db: Database.Database): RecordCache {
  return db.transaction(() => readColumns(db))();
}

function readColumns(db: Database.Database): RecordCache {
  const version = recordsVersion(db);
  const count = (db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n;
  const cache: RecordCache = {
    version,
    count,
    id: new Float64Array(count),
    datasetId: new Int32Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    fromMs: new Float64Array(count),
    toMs: new Float64Array(count),
    precision: new Uint8Array(count),
    weight: new Float64Array(count),
    startHour: new Uint8Array(count),
    startWeekday: new Uint8Array(count),
    startMonth: new Int32Array(count),
    categoryCode: new Int32Array(count),
    categories: [],
    subcategoryCode: new Int32Array(count),
    subcategories: [],
    locationCode: new Int32Array(count),
    locations: [],
    areaCode: new Int32Array(count),
    areaCodes: [],
  };
  const categories = new Dictionary();
  const subcategories = new Dictionary();
  const locations = new Dictionary();
  const areas = new Dictionary();
  const rows = db
    .prepare(
      `SELECT id, dataset_id, x, y, lon, lat, from_ms, to_ms, precision, weight, category, location, area_code,
              subcategory
       FROM records ORDER BY id`,
    )
    .raw(true)
    .iterate() as Iterable<
    [
      number,
      number,
      number | null,
      number | null,
      number | null,
      number | null,
      number,
      number,
      number,
      number,
      string | null,
      string | null,
      string | null,
      string | null,
    ]
  >;
  let i = 0;
  for (const r of rows) {
    if (i === count) break;
    cache.id[i] = r[0];
    cache.datasetId[i] = r[1];
    cache.x[i] = r[2] ?? Number.NaN;
    cache.y[i] = r[3] ?? Number.NaN;
    cache.lon[i] = r[4] ?? Number.NaN;
    cache.lat[i] = r[5] ?? Number.NaN;
    cache.fromMs[i] = r[6];
    cache.toMs[i] = r[7];
    cache.precision[i] = r[8];
    cache.weight[i] = r[9];
    cache.startHour[i] = hourOf(r[6]);
    cache.startWeekday[i] = weekdayOf(r[6]);
    cache.startMonth[i] = monthOf(r[6]);
    cache.categoryCode[i] = categories.code(r[10]);
    cache.locationCode[i] = locations.code(r[11]);
    cache.areaCode[i] = areas.code(r[12]);
    cache.subcategoryCode[i] = subcategories.code(r[13]);
    i++;
  }
  cache.count = i;
  cache.categories = categories.values;
  cache.subcategories = subcategories.values;
  cache.locations = locations.values;
  cache.areaCodes = areas.values;
  return cache;
}

function monthOf(ms: number): number {
  const start = new Date(ms);
  return start.getUTCFullYear() * 12 + start.getUTCMonth();
}

const caches = new WeakMap<Database.Database, RecordCache>();

/** The connection's cache, reloaded when the records changed since it was built. */
export function getRecordCache(db: Database.Database): RecordCache {
  const cached = caches.get(db);
  if (cached && cached.version === recordsVersion(db)) return cached;
  const fresh = loadRecordCache(db);
  caches.set(db, fresh);
  return fresh;
}

/** Drops the connection's cache (after writes made outside the records-version convention). */
export function invalidateRecordCache(db: Database.Database): void {
  caches.delete(db);
}
