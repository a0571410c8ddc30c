/**
 * Guesses a column mapping from a header and a sample of rows, for the wizard to show as a
 * starting point (the analyst confirms or changes it). A recognised preset (presets.ts) wins
 * outright. Otherwise each canonical field takes the column whose header matches best (an exact
 * known name 0.9, a known name among the header's words 0.6), confirmed or vetoed by content:
 * coordinates must sit in range (BNG eastings 0–700 000, northings 0–1 300 000; UK longitudes
 * −9…2.1, latitudes 49.8…61), dates must parse, times must read as HH:MM. Content alone
 * can find coordinates under odd names (confidence 0.5), and a date column (never one of births).
 * Then:
 *   time shape  date_from + date_to → window; date + time → date+time; otherwise from the date
 *               values: all months → month, any with a time → datetime, else date
 *   date format day > 12 in the first place → dmy, in the second → mdy; ISO / Excel numbers → iso
 *               / excel; default dmy (UK)
 *   source CRS  x/y in BNG range → EPSG:27700; lon/lat → EPSG:4326
 */
import type { CanonicalField } from '../model/records.js';
import { columnStats, contentFit } from './column-stats.js';
import { headerScore } from './header-names.js';
import { type ColumnMapping, type DateFormat, mappingProblems, type TimeShape } from './mapping.js';
import { recognisePreset } from './presets.js';

export interface MappingGuess {
  field: CanonicalField;
  column: string;
  /** 0–1: how sure the guess is (1 only for a recognised preset). */
  confidence: number;
  why: string;
}

export interface MappingDetection {
  mapping: ColumnMapping;
  preset: string | null;
  guesses: MappingGuess[];
  /** mappingProblems of the guess: what the analyst still has to choose. */
  problems: string[];
}

const FIELD_ORDER: CanonicalField[] = [
  'date_from',
  'date_to',
  'x',
  'y',
  'lon',
  'lat',
  'time',
  'date',
  'subcategory',
  'category',
  'area',
  'weight',
  'location',
  'reference',
];

/** Headers of dates of birth, never a record's date; headers that say when something happened. */
const BIRTH_HEADER = /birth|\bdob\b|\bd\.?o\.?b\b|\bborn\b/i;
const WHEN_HEADER = /date|time|when|committed|occurred|reported|day/i;

export function detectMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): MappingDetection {
  const recognised = recognisePreset(headers);
  if (recognised) {
    const guesses = Object.entries(recognised.mapping.fields).map(([field, column]) => ({
      field: field as CanonicalField,
      column: column!,
      confidence: 1,
      why: `the header is a ${recognised.preset.label} extract`,
    }));
    return {
      mapping: recognised.mapping,
      preset: recognised.preset.name,
      guesses,
      problems: mappingProblems(recognised.mapping, headers),
    };
  }
  const stats = headers.map((_, c) => columnStats(sampleRows.map((row) => row[c] ?? '')));
  const taken = new Set<number>();
  const guesses: MappingGuess[] = [];
  // Pass 1: by header name, vetoed by contradicting content.
  for (const field of FIELD_ORDER) {
    let best = -1;
    let bestScore = 0;
    headers.forEach((header, c) => {
      if (taken.has(c)) return;
      const byName = headerScore(field, header);
      const fit = contentFit(field, stats[c]!);
      const score = byName > 0 && fit >= 0 ? byName + fit * 0.1 : 0;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    });
    if (best >= 0) {
      taken.add(best);
      const header = headers[best]!;
      const fits = contentFit(field, stats[best]!) > 0 ? '; values fit' : '';
      const why =
        bestScore >= 0.9 ? `header "${header}"${fits}` : `header "${header}" mentions ${field}${fits}`;
      guesses.push({
        field,
        column: header,
        confidence: Math.min(0.99, Math.round(bestScore * 100) / 100),
        why,
      });
    }
  }
  // Pass 2: no coordinate pair by name → a pair of unclaimed columns whose values fit, by content alone.
  const hasField = (f: CanonicalField) => guesses.some((g) => g.field === f);
  if (!(hasField('x') && hasField('y')) && !(hasField('lon') && hasField('lat'))) {
    for (const [a, b] of [
      ['x', 'y'],
      ['lon', 'lat'],
    ] as const) {
      const ca = headers.findIndex((_, c) => !taken.has(c) && contentFit(a, stats[c]!) > 0);
      const cb = headers.findIndex((_, c) => !taken.has(c) && c !== ca && contentFit(b, stats[c]!) > 0);
      if (ca < 0 || cb < 0 || hasField(a) || hasField(b)) continue;
      for (const [field, c] of [
        [a, ca],
        [b, cb],
      ] as const) {
        taken.add(c);
        guesses.push({
          field,
          column: headers[c]!,
          confidence: 0.5,
          why: `values of "${headers[c]}" look like ${field}`,
        });
      }
      break;
    }
  }
  // Pass 3: no date by name ("Committed Date": "date" alone is too short a word to match inside a
  // header) → an unclaimed column whose values are dates, one whose header says when first.
  if (!hasField('date') && !hasField('date_from')) {
    const candidates = headers
      .map((header, c) => ({ header, c }))
      .filter(
        ({ header, c }) => !taken.has(c) && !BIRTH_HEADER.test(header) && contentFit('date', stats[c]!) > 0,
      );
    const pick = candidates.find(({ header }) => WHEN_HEADER.test(header)) ?? candidates[0];
    if (pick) {
      taken.add(pick.c);
      guesses.push({
        field: 'date',
        column: pick.header,
        confidence: 0.5,
        why: `values of "${pick.header}" are dates`,
      });
    }
  }
  // Pairs only: a lone x, lon or date_to is dropped back to the pool.
  const has = (f: CanonicalField) => guesses.some((g) => g.field === f);
  const drop = (f: CanonicalField) =>
    guesses.splice(
      guesses.findIndex((g) => g.field === f),
      1,
    );
  for (const [a, b] of [
    ['x', 'y'],
    ['lon', 'lat'],
    ['date_from', 'date_to'],
  ] as const) {
    if (has(a) !== has(b)) drop(has(a) ? a : b);
  }
  if (has('x') && !has('lon')) {
    // "X"/"Y" columns holding degrees (a common GIS export) are lon/lat.
    const xs = stats[headers.indexOf(guesses.find((g) => g.field === 'x')!.column)]!;
    const ys = stats[headers.indexOf(guesses.find((g) => g.field === 'y')!.column)]!;
    if (contentFit('lon', xs) > 0 && contentFit('lat', ys) > 0 && contentFit('x', xs) <= 0) {
      for (const g of guesses) {
        if (g.field === 'x') g.field = 'lon';
        else if (g.field === 'y') g.field = 'lat';
      }
    }
  }
  if (has('x') && has('lon')) {
    // Both pairs found: prefer the projected pair; the degrees become attributes.
    drop('lon');
    drop('lat');
  }
  const fields: Partial<Record<CanonicalField, string>> = {};
  for (const g of guesses) fields[g.field] = g.column;
  const dateColumn = fields.date_from ?? fields.date;
  const dateStats = dateColumn ? stats[headers.indexOf(dateColumn)]! : null;
  let timeShape: TimeShape = 'date';
  if (fields.date_from) timeShape = 'window';
  else if (fields.date && fields.time) timeShape = 'date+time';
  else if (dateStats && dateStats.dates > 0 && dateStats.months === dateStats.dates) timeShape = 'month';
  else if (dateStats && dateStats.withTime > 0) timeShape = 'datetime';
  let dateFormat: DateFormat = 'dmy';
  if (dateStats) {
    if (dateStats.monthFirstOver12 > 0 && dateStats.dayFirstOver12 === 0) dateFormat = 'mdy';
    else if (dateStats.iso > 0 && dateStats.iso >= dateStats.dates / 2) dateFormat = 'iso';
    else if (dateStats.serials > 0 && dateStats.serials >= dateStats.dates / 2) dateFormat = 'excel';
  }
  let sourceCrs: string | null = null;
  if (fields.x && fields.y) {
    const xs = stats[headers.indexOf(fields.x)]!;
    const ys = stats[headers.indexOf(fields.y)]!;
    if (contentFit('x', xs) > 0 && contentFit('y', ys) > 0) sourceCrs = 'EPSG:27700';
  } else if (fields.lon && fields.lat) {
    sourceCrs = 'EPSG:4326';
  }
  const mapping: ColumnMapping = {
    fields,
    dateFormat,
    timeShape,
    sourceCrs,
    excluded: [],
    swapSuspectedCoordinates: false,
    preset: null,
  };
  return { mapping, preset: null, guesses, problems: mappingProblems(mapping, headers) };
}
