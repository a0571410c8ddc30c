/**
 * Stored records read back whole, for the map's identify (a click on a point lists its records) and
 * any other place that shows a few records in full: reference, category, window and precision,
 * location, and the import's extra attributes by name (imports.attr_keys_json holds the keys once).
 */
import type Database from 'better-sqlite3';
import type { RecordRow } from '../../../shared/model/records.js';
import { PRECISION_CODE, type TimePrecision } from '../../../shared/model/time.js';

/** At most this many records per call: identify lists a handful, never a table. */
export const MAX_RECORD_ROWS = 500;

const PRECISION_OF_CODE = new Map<number, TimePrecision>(
  Object.entries(PRECISION_CODE).map(([name, code]) => [code, name as TimePrecision]),
);

interface Row {
  id: number;
  dataset_id: number;
  import_id: number;
  x: number | null;
  y: number | null;
  lon: number | null;
  lat: number | null;
  area_code: string | null;
  from_ms: number;
  to_ms: number;
  precision: number;
  category: string | null;
  subcategory: string | null;
  weight: number;
  location: string | null;
  reference: string | null;
  attrs_json: string | null;
}

/** The records with these ids, in the order asked (ids not in the project are left out). */
export function recordRows(db: Database.Database, ids: readonly number[]): RecordRow[] {
  const wanted = [...new Set(ids)].slice(0, MAX_RECORD_ROWS);
  if (wanted.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT id, dataset_id, import_id, x, y, lon, lat, area_code, from_ms, to_ms, precision, category,
              subcategory, weight, location, reference, attrs_json
       FROM records WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(wanted)) as Row[];
  const keysOf = attributeKeys(db, new Set(rows.map((r) => r.import_id)));
  const byId = new Map(rows.map((r) => [r.id, toRecordRow(r, keysOf.get(r.import_id) ?? [])]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

function attributeKeys(db: Database.Database, importIds: Set<number>): Map<number, string[]> {
  const keys = new Map<number, string[]>();
  const read = db.prepare('SELECT attr_keys_json FROM imports WHERE id = ?');
  for (const id of importIds) {
    const row = read.get(id) as { attr_keys_json: string } | undefined;
    keys.set(id, row ? (JSON.parse(row.attr_keys_json) as string[]) : []);
  }
  return keys;
}

function toRecordRow(r: Row, keys: string[]): RecordRow {
  const values = r.attrs_json ? (JSON.parse(r.attrs_json) as (string | null)[]) : [];
  const attrs: Record<string, string> = {};
  keys.forEach((key, k) => {
    const value = values[k];
    if (value !== null && value !== undefined && value !== '') attrs[key] = String(value);
  });
  return {
    id: r.id,
    datasetId: r.dataset_id,
    x: r.x,
    y: r.y,
    lon: r.lon,
    lat: r.lat,
    areaCode: r.area_code,
    fromMs: r.from_ms,
    toMs: r.to_ms,
    precision: PRECISION_OF_CODE.get(r.precision) ?? 'exact',
    category: r.category,
    subcategory: r.subcategory,
    weight: r.weight,
    location: r.location,
    reference: r.reference,
    attrs,
  };
}
