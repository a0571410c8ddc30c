/**
 * Column mapping: which source column feeds which canonical record field (DESIGN.md §2), plus how
 * to read its dates and coordinates. A mapping is plain JSON so it can be saved as a preset
 * (mapping_presets.mapping_json), written into an import's provenance and sent over the Api.
 *
 *   location  x + y (projected, sourceCrs), lon + lat (WGS84 unless sourceCrs says otherwise),
 *             or area (an area code joined to a boundary layer later; no point is invented)
 *   time      timeShape says which time columns are used:
 *               datetime   `date` holds a date-time (a bare date is accepted, precision 'date')
 *               date+time  `date` holds the date, `time` the time of day (empty time → precision 'date')
 *               window     `date_from` and `date_to` (each a date or date-time) → precision 'window'
 *               date       `date` holds a date only → the whole day, precision 'date'
 *               month      `date` holds a month (2017-04, 04/2017) → the whole month, precision 'month'
 */
import { z } from 'zod';
import { CANONICAL_FIELDS, type CanonicalField } from '../model/records.js';

export const DATE_FORMATS = ['dmy', 'mdy', 'iso', 'excel'] as const;
/** How ambiguous numeric dates are read: dmy = dd/mm/yyyy (UK, the default), mdy = mm/dd/yyyy. ISO and
 * Excel serials are recognised under every format; 'iso' and 'excel' only make those the expectation. */
export type DateFormat = (typeof DATE_FORMATS)[number];

export const TIME_SHAPES = ['datetime', 'date+time', 'window', 'date', 'month'] as const;
export type TimeShape = (typeof TIME_SHAPES)[number];

export type LocationShape = 'xy' | 'lonlat' | 'area';

export interface ColumnMapping {
  /** Canonical field → source column header (exactly as in the file's header row). */
  fields: Partial<Record<CanonicalField, string>>;
  dateFormat: DateFormat;
  timeShape: TimeShape;
  /** CRS of the source coordinates: 'EPSG:nnnn' or a proj4 string. Null for area-only data
   * (then lon/lat, if mapped, are WGS84). */
  sourceCrs: string | null;
  /** Source columns dropped at import (not kept as attributes): PII the analyst excluded, noise. */
  excluded: string[];
  /** The analyst chose to swap coordinates that look swapped (lat in the lon column); default false:
   * swapped-looking rows are rejected with a reason saying so. */
  swapSuspectedCoordinates: boolean;
  /** Name of the preset this mapping came from, for provenance only. */
  preset: string | null;
}

const MAX_HEADER_CHARS = 500;
const headerName = z.string().min(1).max(MAX_HEADER_CHARS);

/** Runtime schema of a mapping, for the Api and for presets read back from a project file. */
export const columnMappingSchema = z
  .object({
    fields: z.partialRecord(z.enum(CANONICAL_FIELDS), headerName),
    dateFormat: z.enum(DATE_FORMATS).default('dmy'),
    timeShape: z.enum(TIME_SHAPES),
    sourceCrs: z.string().min(1).max(2000).nullable().default(null),
    excluded: z.array(headerName).max(10_000).default([]),
    swapSuspectedCoordinates: z.boolean().default(false),
    preset: z.string().max(100).nullable().default(null),
  })
  .strict();

/** Which location shape a mapping uses, or null when it maps no complete location. */
export function locationShapeOf(mapping: Pick<ColumnMapping, 'fields'>): LocationShape | null {
  const f = mapping.fields;
  if (f.x && f.y) return 'xy';
  if (f.lon && f.lat) return 'lonlat';
  if (f.area) return 'area';
  return null;
}

/** The time fields a time shape needs. */
export const TIME_FIELDS_BY_SHAPE: Readonly<Record<TimeShape, readonly CanonicalField[]>> = {
  datetime: ['date'],
  'date+time': ['date', 'time'],
  window: ['date_from', 'date_to'],
  date: ['date'],
  month: ['date'],
};

/**
 * Everything wrong with a mapping against a file's headers, as sentences for the analyst
 * (empty when the mapping can be used). Checks: a complete location (x+y, lon+lat or area), the
 * time shape's fields, every mapped column present in the headers, no column mapped twice, a
 * source CRS for x/y, no excluded column that is also mapped.
 */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Set(headers);
  const shape = locationShapeOf(mapping);
  if (shape === null) problems.push('map a location: x and y, lon and lat, or an area code');
  if (shape === 'xy' && !mapping.sourceCrs)
    problems.push('x/y coordinates need a source CRS (e.g. EPSG:27700)');
  for (const field of TIME_FIELDS_BY_SHAPE[mapping.timeShape]) {
    if (field === 'time' && mapping.timeShape === 'date+time' && !mapping.fields.time) {
      problems.push("time shape 'date+time' needs a time column");
    } else if (!mapping.fields[field]) {
      problems.push(`time shape '${mapping.timeShape}' needs a ${field} column`);
    }
  }
  const usedBy = new Map<string, CanonicalField>();
  for (const [field, column] of Object.entries(mapping.fields) as [CanonicalField, string][]) {
    if (!column) continue;
    if (!present.has(column))
      problems.push(`${field} is mapped to "${column}", which is not a column of this file`);
    const other = usedBy.get(column);
    if (other) problems.push(`"${column}" is mapped to both ${other} and ${field}`);
    usedBy.set(column, field);
    if (mapping.excluded.includes(column))
      problems.push(`"${column}" is both mapped to ${field} and excluded`);
  }
  return problems;
}

/** Serialises a mapping for mapping_json (stable key order, so equal mappings give equal text). */
export function serializeMapping(mapping: ColumnMapping): string {
  const fields: Partial<Record<CanonicalField, string>> = {};
  for (const field of CANONICAL_FIELDS) {
    const column = mapping.fields[field];
    if (column) fields[field] = column;
  }
  return JSON.stringify({
    fields,
    dateFormat: mapping.dateFormat,
    timeShape: mapping.timeShape,
    sourceCrs: mapping.sourceCrs,
    excluded: [...mapping.excluded].sort(),
    swapSuspectedCoordinates: mapping.swapSuspectedCoordinates,
    preset: mapping.preset,
  });
}

/** Parses mapping_json back, validating it; throws a RangeError naming what is wrong. */
export function parseMapping(json: string): ColumnMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new RangeError(`mapping is not valid JSON: ${(error as Error).message}`);
  }
  const result = columnMappingSchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0]!;
    throw new RangeError(`mapping is invalid at ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return result.data as ColumnMapping;
}
