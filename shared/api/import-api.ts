/**
 * Api methods of import, datasets, boundaries and record queries (issue 4; DESIGN.md §2, §3, §5).
 * Long work (runImport, importBoundaries) takes a caller-made jobId, reports progress through job
 * events and resolves with its result (or rejects with code 'cancelled').
 */
import { z } from 'zod';
import type { ColumnMapping } from '../import/mapping.js';
import { columnMappingSchema } from '../import/mapping.js';
import type { RowIssue } from '../import/normalized.js';
import { type PiiFinding, piiDecisionSchema } from '../import/pii-types.js';
import type { CanonicalField, RecordColumns } from '../model/records.js';
import { method } from './define.js';
import { jobIdSchema } from './jobs.js';
import { fileRefSchema } from './project-api.js';

const NAME_MAX = 200;
const datasetNameSchema = z
  .string()
  .trim()
  .min(1, 'a dataset needs a name')
  .max(NAME_MAX, `a dataset name has at most ${NAME_MAX} characters`);
const idSchema = z.number().int().positive();
const finite = z.number().finite();

/** How to read a table file: XLSX sheet, forced CSV encoding and delimiter. */
export const tableOptionsSchema = z
  .object({
    sheet: z.union([z.string().min(1).max(NAME_MAX), z.number().int().nonnegative().max(10_000)]).optional(),
    encoding: z.enum(['utf-8', 'windows-1252']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
  })
  .strict();
export type TableOptions = z.infer<typeof tableOptionsSchema>;

/** The RecordFilter of shared/model/records.ts as a runtime schema. */
const ringSchema = z
  .array(z.tuple([finite, finite]))
  .min(4)
  .max(100_000);
export const recordFilterSchema = z
  .object({
    datasetIds: z.array(idSchema).max(1_000).optional(),
    categories: z.array(z.string().max(500)).max(10_000).optional(),
    fromMs: finite.optional(),
    toMs: finite.optional(),
    dateRule: z.enum(['overlap', 'midpoint']).optional(),
    hours: z.array(z.number().int().min(0).max(23)).max(24).optional(),
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
    area: z
      .union([
        z
          .object({
            polygon: z.union([
              z.array(ringSchema).min(1).max(1_000),
              z.array(z.array(ringSchema).min(1)).min(1).max(1_000),
            ]),
          })
          .strict(),
        z.object({ boundaryFeatureId: idSchema }).strict(),
        z.object({ areaId: idSchema }).strict(),
      ])
      .optional(),
  })
  .strict();

// ---- results -------------------------------------------------------------------------------------

/** What a column of the source file became, and what it held. */
export interface ColumnSummary {
  column: string;
  /** The canonical field it is mapped to, or null. */
  field: CanonicalField | null;
  /** mapped: feeds a canonical field; attribute: kept as an extra attribute; excluded: dropped. */
  use: 'mapped' | 'attribute' | 'excluded';
  nonEmpty: number;
  empty: number;
  /** Distinct non-empty values, counted up to COLUMN_DISTINCT_CAP (then `distinctCapped`). */
  distinct: number;
  distinctCapped: boolean;
  /** Up to 3 example values (never for excluded columns: they may be personal data). */
  examples: string[];
  warnings: number;
  rejected: number;
}

export const COLUMN_DISTINCT_CAP = 1_000;
export const SUMMARY_FIRST_ISSUES = 200;

export interface PrecisionCounts {
  exact: number;
  window: number;
  date: number;
  month: number;
}

export interface ImportSummary {
  dryRun: boolean;
  /** The stored import (null for a dry run or when nothing was imported). */
  importId: number | null;
  datasetId: number | null;
  dataset: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  sourceCrs: string | null;
  rowsRead: number;
  /** Accepted rows, including those with warnings. */
  rowsAccepted: number;
  rowsWarned: number;
  rowsRejected: number;
  /** Rejected because the reference is already in the dataset (included in rowsRejected). */
  rowsDuplicate: number;
  issueCounts: { warning: number; rejected: number };
  /** The first SUMMARY_FIRST_ISSUES issues in row order. */
  firstIssues: RowIssue[];
  columns: ColumnSummary[];
  precision: PrecisionCounts;
  /** Span of the accepted records' windows, wall-clock epoch ms; null when none. */
  dateRange: { fromMs: number; toMs: number } | null;
  geometry: 'points' | 'areas';
  pii: { excluded: string[]; overridden: { column: string; reason: string }[] };
  /** One line for the analyst, e.g. "Imported 998 of 1,000 rows into "Burglary" (2 rejected)." */
  message: string;
  durationMs: number;
}

export interface ImportPreview {
  headers: string[];
  /** The first rows as text cells (at most 50). */
  rows: { rowNumber: number; cells: string[] }[];
  format: 'csv' | 'xlsx' | 'geojson';
  encoding: string;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** The detected mapping (best guess) and the preset it came from, if any. */
  mapping: ColumnMapping;
  preset: string | null;
  pii: PiiFinding[];
  /** Mapping problems against these headers (empty when the detected mapping is usable). */
  problems: string[];
}

export interface ImportInfo {
  id: number;
  datasetId: number;
  fileName: string;
  fileSize: number;
  sha256: string;
  mapping: ColumnMapping;
  sourceCrs: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsWarned: number;
  rowsRejected: number;
  /** Records of this import still stored. */
  records: number;
  pii: { excluded: string[]; overridden: { column: string; reason: string }[] };
  startedAt: string;
  finishedAt: string;
}

export interface DatasetInfo {
  id: number;
  name: string;
  geometry: 'points' | 'areas';
  createdAt: string;
  records: number;
  dateRange: { fromMs: number; toMs: number } | null;
  precision: PrecisionCounts;
  categories: number;
  imports: ImportInfo[];
}

export interface StoredIssue extends RowIssue {
  /** The row's original cells (rejected rows only). */
  cells: string[] | null;
}

export interface MappingPresetInfo {
  name: string;
  mapping: ColumnMapping;
  /** 'builtin' presets ship with the app (police-uk); 'project' ones were saved by the analyst. */
  source: 'builtin' | 'project';
  createdAt: string | null;
}

export interface BoundaryLayerInfo {
  id: number;
  name: string;
  codeField: string;
  nameField: string | null;
  fileName: string;
  sha256: string;
  sourceCrs: string;
  features: number;
  createdAt: string;
  /** Extent in project CRS metres. */
  bbox: [number, number, number, number] | null;
}

/** What a boundary file holds, so the analyst can choose its code and name fields before importing. */
export interface BoundaryPreview {
  format: 'geojson' | 'shapefile';
  /** Polygon features found (others are skipped at import, with reasons). */
  features: number;
  skipped: number;
  /** Property names, in file order. */
  fields: string[];
  /** Up to 3 example values per property. */
  examples: Record<string, string[]>;
  /** The engine's guesses (what importBoundaries uses when no field is given). */
  detected: { codeField: string | null; nameField: string | null };
  /** CRS the file declares (.prj or GeoJSON crs member), null when it declares none. */
  crs: string | null;
}

/** A FeatureCollection in WGS84 lon/lat (RFC 7946) with { id, code, name, areaM2 } properties. */
export interface BoundaryGeoJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: number;
    properties: { id: number; code: string; name: string | null; areaM2: number };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  }[];
}

export interface RecordSummary {
  total: number;
  points: number;
  /** Area-only records (counted by area, never drawn as points). */
  areaOnly: number;
  byCategory: { category: string | null; count: number }[];
  /** Month of each record's window start, 'yyyy-mm', ascending. */
  byMonth: { month: string; count: number }[];
  byDataset: { datasetId: number; count: number }[];
  precision: PrecisionCounts;
}

export interface AreaCounts {
  layerId: number;
  /** One row per feature of the layer (zero counts included), by code. */
  areas: { featureId: number; code: string; name: string | null; count: number; areaM2: number }[];
  /** Area-only records whose code matches no feature of the layer. */
  unmatched: number;
  /** Point records counted by containment in a feature's polygon. */
  fromPoints: number;
  /** Area-only records counted by their code. */
  fromCodes: number;
}

// ---- methods -------------------------------------------------------------------------------------

export const runImportInputSchema = z
  .object({
    jobId: jobIdSchema,
    file: fileRefSchema,
    table: tableOptionsSchema.optional(),
    dataset: datasetNameSchema,
    mapping: columnMappingSchema,
    pii: z.array(piiDecisionSchema).max(1_000).default([]),
    dryRun: z.boolean().default(false),
    allowDuplicateFile: z.boolean().default(false),
  })
  .strict();

export const importMethods = {
  previewImport: method(
    z.object({ file: fileRefSchema, table: tableOptionsSchema.optional() }).strict(),
  )<ImportPreview>(),
  runImport: method(runImportInputSchema)<ImportSummary>(),
  listDatasets: method(z.object({}).strict())<DatasetInfo[]>(),
  deleteDataset: method(z.object({ datasetId: idSchema }).strict())<{ deletedRecords: number }>(),
  undoLastImport: method(z.object({ datasetId: idSchema }).strict())<{
    importId: number;
    deletedRecords: number;
  }>(),
  listImports: method(z.object({ datasetId: idSchema.optional() }).strict())<ImportInfo[]>(),
  getImportIssues: method(
    z
      .object({
        importId: idSchema,
        severity: z.enum(['warning', 'rejected']).optional(),
        limit: z.number().int().min(1).max(10_000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  )<{ total: number; issues: StoredIssue[] }>(),
  exportRejectedRows: method(z.object({ importId: idSchema }).strict())<{
    fileName: string;
    csv: string;
    rows: number;
  }>(),
  listMappingPresets: method(z.object({}).strict())<MappingPresetInfo[]>(),
  saveMappingPreset: method(
    z.object({ name: z.string().trim().min(1).max(100), mapping: columnMappingSchema }).strict(),
  )<MappingPresetInfo>(),
  previewBoundaries: method(z.object({ file: fileRefSchema }).strict())<BoundaryPreview>(),
  importBoundaries: method(
    z
      .object({
        jobId: jobIdSchema.optional(),
        file: fileRefSchema,
        name: z.string().trim().min(1).max(NAME_MAX),
        codeField: z.string().min(1).max(500).optional(),
        nameField: z.string().min(1).max(500).optional(),
        sourceCrs: z.string().min(1).max(2000).optional(),
      })
      .strict(),
  )<BoundaryLayerInfo>(),
  listBoundaryLayers: method(z.object({}).strict())<BoundaryLayerInfo[]>(),
  getBoundaryLayer: method(z.object({ id: idSchema }).strict())<BoundaryGeoJson>(),
  deleteBoundaryLayer: method(z.object({ id: idSchema }).strict())<boolean>(),
  queryRecords: method(z.object({ filter: recordFilterSchema }).strict())<RecordColumns>(),
  summariseRecords: method(z.object({ filter: recordFilterSchema }).strict())<RecordSummary>(),
  countByArea: method(z.object({ filter: recordFilterSchema, layerId: idSchema }).strict())<AreaCounts>(),
};
