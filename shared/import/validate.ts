/**
 * Row validation (issue 4, item 4): every data row becomes an accepted record (perhaps with
 * warnings) or a rejection, each issue naming the row, the source column, the value and the reason.
 * Nothing is dropped silently. Checks, in order: cell count against the header; location (missing,
 * not a number, 0,0, swapped, outside the CRS area, far from the rest — validate-location.ts);
 * time (impossible, future, to-before-from, long windows — validate-time.ts); weight (a number
 * ≥ 0, default 1); a reference repeated within the file (the first is kept; compared by a 64-bit
 * hash, reference-set.ts). Display text that a spreadsheet would run as a formula is kept as plain
 * text with a warning. References already in the dataset are the store's check.
 *
 * Speed: the mapping is resolved to column indexes once; per row the work is a few char scans, one
 * proj4 call, one hash-table probe and a few small objects (about 1.5 µs of CPU per police.uk row).
 */
import type { CanonicalField } from '../model/records.js';
import { isFormulaLike, parseDecimal, trimCell } from './cells.js';
import { type ColumnMapping, locationShapeOf, mappingProblems } from './mapping.js';
import type { NormalizedRecord, RowIssue } from './normalized.js';
import { ReferenceSet } from './reference-set.js';
import { createLocationChecker, type LocationChecker } from './validate-location.js';
import { createTimeChecker } from './validate-time.js';
import type { RowOutcome, RowValidator, RowValidatorOptions, ValidationCounts } from './validate-types.js';

export const DEFAULT_MAX_WINDOW_DAYS = 31;

/** Shared by every clean row; frozen, so an accidental push throws instead of leaking. */
const NO_ISSUES: RowIssue[] = Object.freeze([]) as unknown as RowIssue[];

/** Appends an issue, creating the list on the first one (most rows have none). */
function addIssue(
  issues: RowIssue[] | null,
  rowNumber: number,
  headers: readonly string[],
  columnIndex: number,
  value: string | null,
  reason: string,
  severity: 'warning' | 'rejected',
): RowIssue[] {
  const list = issues ?? [];
  list.push({ rowNumber, column: columnIndex >= 0 ? headers[columnIndex]! : null, value, severity, reason });
  return list;
}

const TEXT_FIELDS = ['category', 'subcategory', 'location'] as const;

/**
 * Builds the validator for one import. Throws RangeError when the mapping does not fit the headers
 * (mappingProblems) or a CRS cannot be resolved: check before reading rows.
 *
 *   const validate = createRowValidator(mapping, table.headers, { nowMs, projectCrs: 'EPSG:27700' });
 *   const outcome = validate(row.cells, row.rowNumber); // { status: 'accepted', record, issues } | …
 */
export function createRowValidator(
  mapping: ColumnMapping,
  headers: readonly string[],
  options: RowValidatorOptions,
): RowValidator {
  const problems = mappingProblems(mapping, headers);
  if (problems.length > 0) throw new RangeError(`mapping does not fit the file: ${problems.join('; ')}`);
  const index = (field: CanonicalField): number => {
    const column = mapping.fields[field];
    return column ? headers.indexOf(column) : -1;
  };
  const shape = locationShapeOf(mapping)!;
  let location: LocationChecker | null = null;
  let locA = -1;
  let locB = -1;
  if (shape === 'xy' || shape === 'lonlat') {
    locA = index(shape === 'xy' ? 'x' : 'lon');
    locB = index(shape === 'xy' ? 'y' : 'lat');
    const sourceCrs = mapping.sourceCrs ?? 'EPSG:4326';
    const names = shape === 'xy' ? (['x', 'y'] as const) : (['lon', 'lat'] as const);
    location = createLocationChecker(
      sourceCrs,
      options.projectCrs,
      names,
      mapping.swapSuspectedCoordinates,
      options.expectedExtent ?? null,
    );
  }
  const areaIndex = index('area');
  const timeIndexes: [number, number] =
    mapping.timeShape === 'window' ? [index('date_from'), index('date_to')] : [index('date'), index('time')];
  const checkTime = createTimeChecker({
    shape: mapping.timeShape,
    context: { format: mapping.dateFormat, nowYear: new Date(options.nowMs).getUTCFullYear() },
    nowMs: options.nowMs,
    maxWindowDays: options.maxWindowDays ?? DEFAULT_MAX_WINDOW_DAYS,
  });
  const textIndexes = TEXT_FIELDS.map((field) => index(field));
  const weightIndex = index('weight');
  const referenceIndex = index('reference');
  const mapped = new Set(Object.values(mapping.fields).filter((c): c is string => !!c));
  const excluded = new Set(mapping.excluded);
  const attrIndexes: number[] = [];
  headers.forEach((header, i) => {
    if (!mapped.has(header) && !excluded.has(header)) attrIndexes.push(i);
  });
  const seenReferences = options.rejectDuplicateReferences === false ? null : new ReferenceSet();
  const width = headers.length;

  return function validate(cells: readonly string[], rowNumber: number): RowOutcome {
    let issues: RowIssue[] | null = null;
    let rejected = false;
    if (cells.length !== width) {
      issues = addIssue(
        issues,
        rowNumber,
        headers,
        -1,
        null,
        `row has ${cells.length} cells but the header has ${width} (a stray delimiter or quote?)`,
        'rejected',
      );
      rejected = true;
      return { status: 'rejected', record: null, issues: issues! };
    }

    let x: number | null = null;
    let y: number | null = null;
    let lon: number | null = null;
    let lat: number | null = null;
    if (location) {
      const result = location.check(cells[locA]!, cells[locB]!);
      if ('reason' in result) {
        const col = result.which === 1 ? locB : locA;
        const value = result.which === -1 ? `${cells[locA]},${cells[locB]}` : cells[col]!;
        issues = addIssue(issues, rowNumber, headers, col, value, result.reason, 'rejected');
        rejected = true;
      } else {
        x = result.x;
        y = result.y;
        lon = result.lon;
        lat = result.lat;
        if (result.warning)
          issues = addIssue(
            issues,
            rowNumber,
            headers,
            locA,
            `${cells[locA]},${cells[locB]}`,
            result.warning,
            'warning',
          );
      }
    }
    let areaCode: string | null = null;
    if (areaIndex >= 0) {
      const text = trimCell(cells[areaIndex]!);
      if (text !== '') areaCode = text.toUpperCase();
      else if (shape === 'area') {
        issues = addIssue(issues, rowNumber, headers, areaIndex, '', 'missing area code', 'rejected');
        rejected = true;
      }
    }

    const t0 = timeIndexes[0];
    const t1 = timeIndexes[1];
    const time = checkTime(cells[t0]!, t1 >= 0 ? cells[t1]! : '');
    let fromMs = 0;
    let toMs = 0;
    let precision: NormalizedRecord['precision'] = 'exact';
    if ('reason' in time) {
      issues = addIssue(
        issues,
        rowNumber,
        headers,
        time.which === 0 ? t0 : t1,
        time.value,
        time.reason,
        'rejected',
      );
      rejected = true;
    } else {
      fromMs = time.fromMs;
      toMs = time.toMs;
      precision = time.precision;
      if (time.warning)
        issues = addIssue(issues, rowNumber, headers, t0, cells[t0]!, time.warning, 'warning');
    }

    let weight = 1;
    if (weightIndex >= 0) {
      const text = trimCell(cells[weightIndex]!);
      if (text !== '') {
        weight = parseDecimal(text);
        if (Number.isNaN(weight)) {
          issues = addIssue(
            issues,
            rowNumber,
            headers,
            weightIndex,
            text,
            `weight "${text}" is not a number`,
            'rejected',
          );
          rejected = true;
        } else if (weight < 0) {
          issues = addIssue(
            issues,
            rowNumber,
            headers,
            weightIndex,
            text,
            `weight ${text} is negative; expected a count ≥ 0`,
            'rejected',
          );
          rejected = true;
        }
      }
    }

    const texts: (string | null)[] = [null, null, null];
    for (let k = 0; k < 3; k++) {
      const i = textIndexes[k]!;
      if (i < 0) continue;
      const text = trimCell(cells[i]!);
      if (text === '') continue;
      texts[k] = text;
      if (isFormulaLike(text))
        issues = addIssue(
          issues,
          rowNumber,
          headers,
          i,
          text,
          'starts like a spreadsheet formula; kept as plain text, never run',
          'warning',
        );
    }

    let reference: string | null = null;
    if (referenceIndex >= 0) {
      const text = trimCell(cells[referenceIndex]!);
      if (text !== '') {
        reference = text;
        if (seenReferences && !rejected) {
          const first = seenReferences.firstRowOf(text, rowNumber);
          if (first !== 0) {
            issues = addIssue(
              issues,
              rowNumber,
              headers,
              referenceIndex,
              text,
              `reference ${text} repeats row ${first} of this file`,
              'rejected',
            );
            rejected = true;
          }
        }
      }
    }

    if (rejected) return { status: 'rejected', record: null, issues: issues! };
    const attrs: Record<string, string> = {};
    for (let k = 0; k < attrIndexes.length; k++) {
      const i = attrIndexes[k]!;
      const text = cells[i]!;
      if (text !== '') attrs[headers[i]!] = text;
    }
    const record: NormalizedRecord = {
      rowNumber,
      x,
      y,
      lon,
      lat,
      areaCode,
      fromMs,
      toMs,
      precision,
      category: texts[0],
      subcategory: texts[1],
      weight,
      location: texts[2],
      reference,
      attrs,
    };
    return { status: 'accepted', record, issues: issues ?? NO_ISSUES };
  };
}

/** Adds one outcome to running totals. */
export function tallyOutcome(counts: ValidationCounts, outcome: RowOutcome): void {
  counts.read++;
  if (outcome.status === 'rejected') counts.rejected++;
  else {
    counts.accepted++;
    if (outcome.issues.length > 0) counts.warned++;
  }
}
