/**
 * One list of fields per exported file: each column of a CSV and each property of a GeoJSON feature
 * has its name, meaning and unit written once here, next to how its value is read. The CSV header,
 * the GeoJSON properties and the data dictionary (data-dictionary.ts) all come from these lists, so
 * the dictionary cannot miss a column.
 */

export type CellValue = string | number | boolean | null;

export interface ExportField<T> {
  name: string;
  /** Plain English, for the data dictionary. */
  meaning: string;
  /** e.g. "km²", "metres (project CRS)", "yyyy-mm-dd", or "" for text. */
  unit: string;
  value: (item: T) => CellValue;
}

/** A field's value for a CSV cell: booleans as yes/no. */
export function csvValue(value: CellValue): string | number | null {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
}

/** A feature's properties, in the list's order. */
export function propertiesOf<T>(fields: readonly ExportField<T>[], item: T): Record<string, CellValue> {
  return Object.fromEntries(fields.map((f) => [f.name, f.value(item)]));
}

/** Rounds to `digits` decimals (exports carry no false precision). */
export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
