/**
 * A boundary layer's denominator column (resident population), so area counts can be read as rates
 * (issue 11 item 5). Found at import: the first property whose name says it counts people
 * ("Population", "residents", "POP2021") and whose value is a positive number in every feature.
 * Kept in project_meta under 'boundary-denominators' as JSON (no migration needed), keyed by layer id
 * and then area code. Every import writes or clears its layer's entry, so a reused layer id never
 * inherits another layer's column; a deleted layer's entry is dropped with it.
 */
import type Database from 'better-sqlite3';

const KEY = 'boundary-denominators';
const DENOMINATOR_NAME = /(pop|population|residents|usual_?res)/i;

export interface AreaDenominator {
  /** The column's name as in the file, e.g. "Population". */
  column: string;
  /** Residents by area code. */
  byCode: Record<string, number>;
}

function positiveNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** The layer's denominator column and its value per code, or null when no property qualifies. */
export function detectDenominator(
  fields: readonly string[],
  properties: readonly Record<string, unknown>[],
  codeField: string,
): AreaDenominator | null {
  if (properties.length === 0) return null;
  const column = fields.find(
    (f) =>
      f !== codeField && DENOMINATOR_NAME.test(f) && properties.every((p) => positiveNumber(p[f]) !== null),
  );
  if (column === undefined) return null;
  const byCode: Record<string, number> = {};
  for (const p of properties) {
    const code = p[codeField];
    if (code !== null && code !== undefined) byCode[String(code).trim()] = positiveNumber(p[column])!;
  }
  return { column, byCode };
}

function readAll(db: Database.Database): Record<string, AreaDenominator> {
  const row = db.prepare('SELECT value FROM project_meta WHERE key = ?').get(KEY) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as Record<string, AreaDenominator>) : {};
}

/** Records (or, with null, clears) a layer's denominator. */
export function storeDenominator(
  db: Database.Database,
  layerId: number,
  denominator: AreaDenominator | null,
): void {
  const all = readAll(db);
  if (denominator === null) delete all[layerId];
  else all[layerId] = denominator;
  db.prepare('INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(all));
}

export function readDenominator(db: Database.Database, layerId: number): AreaDenominator | null {
  return readAll(db)[layerId] ?? null;
}
