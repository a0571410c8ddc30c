/**
 * Api methods of the tasking loop's stores (issue 13 items 4 and 5): areas drawn on the map or picked
 * from a boundary layer, and the JAG action log with its append-only history and tasking sheet.
 * Engine side: electron/engine/project/areas.ts, actions.ts; handlers/areas-actions.ts.
 */
import { z } from 'zod';
import { method } from './define.js';
import { jobIdSchema } from './jobs.js';
import { fileRefSchema } from './project-api.js';
import { type ResultsRunResult, resultsInputSchema } from './tasking-api.js';

const idSchema = z.number().int().positive();
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be yyyy-mm-dd');

// ---- areas ----------------------------------------------------------------------------------------

export const AREA_KINDS = ['polygon', 'rectangle', 'buffer', 'boundary'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** How an area is made: drawn in WGS84 on the map (the engine projects it), or a boundary feature copied. */
export const areaShapeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('polygon'), ringWgs84: z.array(lonLat).min(3).max(10_000) }).strict(),
  z.object({ kind: z.literal('rectangle'), cornersWgs84: z.tuple([lonLat, lonLat]) }).strict(),
  z
    .object({
      kind: z.literal('buffer'),
      centreWgs84: lonLat,
      radiusM: z.number().finite().positive().max(50_000),
      /** A ring: the part between innerRadiusM and radiusM (e.g. a displacement buffer round a target). */
      innerRadiusM: z.number().finite().min(0).max(50_000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('boundary'), boundaryFeatureId: idSchema }).strict(),
]);
export type AreaShape = z.infer<typeof areaShapeSchema>;

export interface AreaInfo {
  id: number;
  name: string;
  kind: AreaKind;
  /** GeoJSON Polygon or MultiPolygon coordinates in project CRS metres (for filters, clips and exports). */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  /** The same in WGS84 for the map. */
  geometryWgs84: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  areaKm2: number;
  /** How it was made, in words (e.g. "ring 200–400 m round a point", "copy of Abbey ward (Wards)"). */
  madeFrom: string;
  createdAt: string;
  updatedAt: string;
}

// ---- actions --------------------------------------------------------------------------------------

export const ACTION_TYPES = ['prevention', 'intelligence', 'enforcement', 'reassurance'] as const;
export const ACTION_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What an action is tasked against; the engine copies the hotspot's or series' facts from the analysis. */
export const actionTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hotspot'), analysisId: idSchema, rank: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal('area'), areaId: idSchema }).strict(),
  z.object({ kind: z.literal('series'), analysisId: idSchema, chainId: z.number().int().min(0) }).strict(),
]);
export type ActionTargetRef = z.infer<typeof actionTargetSchema>;

/** The target as stored with the action: its facts copied, so the action outlives the analysis cache. */
export interface ActionTarget {
  kind: 'hotspot' | 'area' | 'series';
  /** e.g. "Hotspot 2 (density run of 01/04/2025–30/06/2025)", "Area: Market Square", "Series 4". */
  label: string;
  centroidX: number;
  centroidY: number;
  /** Outline in project CRS (Polygon or MultiPolygon coordinates); null for a series (centroid only). */
  outline: number[][][] | number[][][][] | null;
  analysisId?: number;
  rank?: number;
  areaId?: number;
  chainId?: number;
}

export const actionFieldsSchema = z
  .object({
    title: z.string().trim().min(1, 'give the action a title').max(300),
    type: z.enum(ACTION_TYPES),
    owner: z.string().trim().max(200),
    startDate: isoDateSchema.nullable(),
    endDate: isoDateSchema.nullable(),
    status: z.enum(ACTION_STATUSES),
    notes: z.string().max(10_000),
  })
  .strict();
export type ActionFields = z.infer<typeof actionFieldsSchema>;

export interface ActionInfo extends ActionFields {
  id: number;
  target: ActionTarget;
  createdAt: string;
  updatedAt: string;
}

export interface ActionHistoryEntry {
  at: string;
  change: 'created' | 'updated' | 'deleted';
  /** The action as it was after the change. */
  action: ActionInfo;
}

/** A results analysis as asked for (runResults' input without its job). */
export const resultsRequestSchema = resultsInputSchema.omit({ jobId: true });
export type ResultsRequest = z.infer<typeof resultsRequestSchema>;

/** The target's, buffer's and control's names when the result was recorded. */
export interface ResultAreaNames {
  target: string;
  buffer: string;
  control: string;
}

/** A results analysis recorded against an action (kept as measured). */
export interface ActionResultInfo {
  id: number;
  actionId: number;
  createdAt: string;
  request: ResultsRequest;
  areaNames: ResultAreaNames;
  result: ResultsRunResult;
}

export interface TaskingSheetResult {
  fileName: string;
  bytes: number;
  path?: string;
  base64?: string;
  marking: string;
  actions: number;
}

export const areasActionsMethods = {
  listAreas: method(z.object({}).strict())<AreaInfo[]>(),
  saveArea: method(
    z.object({ name: z.string().trim().min(1).max(200), shape: areaShapeSchema }).strict(),
  )<AreaInfo>(),
  renameArea: method(
    z.object({ id: idSchema, name: z.string().trim().min(1).max(200) }).strict(),
  )<AreaInfo>(),
  deleteArea: method(z.object({ id: idSchema }).strict())<{ deleted: boolean }>(),

  listActions: method(z.object({}).strict())<ActionInfo[]>(),
  createAction: method(
    z.object({ fields: actionFieldsSchema, target: actionTargetSchema }).strict(),
  )<ActionInfo>(),
  updateAction: method(z.object({ id: idSchema, fields: actionFieldsSchema }).strict())<ActionInfo>(),
  deleteAction: method(z.object({ id: idSchema }).strict())<{ deleted: boolean }>(),
  actionHistory: method(z.object({ id: idSchema }).strict())<ActionHistoryEntry[]>(),
  /** Measures the results analysis (a job, as runResults) and records it against the action. */
  recordActionResult: method(
    resultsRequestSchema.extend({ jobId: jobIdSchema, actionId: idSchema }).strict(),
  )<ActionResultInfo>(),
  /** Recorded results, oldest first; of one action when actionId is given. */
  listActionResults: method(z.object({ actionId: idSchema.optional() }).strict())<ActionResultInfo[]>(),
  exportTaskingSheet: method(
    z
      .object({
        format: z.enum(['html', 'csv']),
        target: fileRefSchema.optional(),
        marking: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
  )<TaskingSheetResult>(),
};
