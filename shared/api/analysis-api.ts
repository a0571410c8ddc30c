/**
 * Api methods of the analyses: kernel density, hotspots, Knox, chains (issue: analysis engine).
 * Owned by the analysis work; extend here.
 */
import { z } from 'zod';
import type { Hotspot, HotspotClassRegion } from '../analysis/hotspots/hotspots.js';
import type { ClassThreshold, NonZeroStats } from '../analysis/hotspots/thresholds.js';
import { KERNEL_NAMES } from '../analysis/kde/kernels.js';
import type { KdeEventCounts, KdeParamsUsed } from '../analysis/kde/plan.js';
import type { KnoxReport } from '../analysis/knox/knox-report.js';
import type { ThresholdSuggestion } from '../analysis/knox/suggest-thresholds.js';
import type { Grid } from '../model/grid.js';
import type { RecordFilter } from '../model/records.js';
import { method } from './define.js';
import { recordFilterSchema } from './import-api.js';
import { jobIdSchema } from './jobs.js';

/** What made an analysis output (DESIGN.md §4 "Provenance"): kernel density, Knox and chains alike. */
export interface AnalysisProvenance {
  datasets: {
    id: number;
    name: string;
    imports: { fileName: string; sha256: string; importedAt: string }[];
  }[];
  filter: RecordFilter;
  /** The filter in words (shared/provenance/filter-words.ts), for every output: never the JSON. */
  filterText: string;
  /** Project CRS the output's coordinates are in, e.g. 'EPSG:27700'; the map gets WGS84 via proj4. */
  crs: string;
  appVersion: string;
  createdAt: string;
  /** Caveats the output must state: what the analyst must know when reading it (Knox: also in `notes`). */
  caveats: string[];
}

// ---- near repeat: Knox test and chains (DESIGN.md §4 "Near repeat", "Near-repeat chains") ----------

/** Band edges over the wire: numbers, with null for a last Infinity (JSON has no Infinity). */
const knoxEdgesSchema = z.array(z.number().min(0).nullable()).min(2).max(255);

export const knoxInputSchema = z
  .object({
    jobId: jobIdSchema,
    filter: recordFilterSchema,
    /** Explicit bands: both edge lists, or `nrc` instead. */
    distanceEdgesM: knoxEdgesSchema.optional(),
    timeEdgesDays: knoxEdgesSchema.optional(),
    /** Near Repeat Calculator preset (Manhattan; edges 0, ε (same location = 0 m), b … n·b, ∞ and 0, t … m·t, ∞). */
    nrc: z
      .object({
        bandwidthM: z.number().positive().max(1_000_000),
        distanceBands: z.number().int().min(1).max(100),
        timeBandDays: z.number().int().min(1).max(100_000),
        timeBands: z.number().int().min(1).max(100),
      })
      .strict()
      .optional(),
    metric: z.enum(['euclidean', 'manhattan']).optional(),
    iterations: z.number().int().min(1).max(1_000_000).optional(),
    seed: z.number().int().min(0).max(4_294_967_295).optional(),
    /** Which instant dates a from/to window: the midpoint (default) or the start. */
    timeBasis: z.enum(['midpoint', 'start']).optional(),
    /** Run on month-only records anyway; the reason is audited and the output carries the caveat. */
    monthOverride: z
      .object({ reason: z.string().trim().min(1).max(2_000) })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (v) => (v.nrc === undefined) === (v.distanceEdgesM !== undefined && v.timeEdgesDays !== undefined),
    {
      message: 'give either distanceEdgesM and timeEdgesDays, or nrc',
    },
  );

export interface KnoxRunResult extends KnoxReport {
  /** Chain thresholds suggested from the significant cells, or null (knox/suggest-thresholds.ts). */
  suggestion: ThresholdSuggestion | null;
  analysisId: number;
  /** True when the result came from the project's analysis cache. */
  cached: boolean;
  provenance: AnalysisProvenance;
}

export const chainsInputSchema = z
  .object({
    jobId: jobIdSchema,
    filter: recordFilterSchema,
    /** Link events closer than this (metres) … */
    distanceM: z.number().positive().max(1_000_000),
    /** … and fewer than this many days apart. */
    days: z.number().int().min(1).max(100_000),
    metric: z.enum(['euclidean', 'manhattan']).optional(),
    /** yyyy-mm-dd: risk zones of the chains live on that day. */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be yyyy-mm-dd')
      .optional(),
    /** Cut risk zones to patrol shifts of this many hours (divides 24). */
    shiftHours: z
      .number()
      .int()
      .refine((h) => h >= 1 && 24 % h === 0, 'shiftHours must divide 24')
      .optional(),
    timeBasis: z.enum(['midpoint', 'start']).optional(),
    monthOverride: z
      .object({ reason: z.string().trim().min(1).max(2_000) })
      .strict()
      .optional(),
  })
  .strict();

export interface ChainSummary {
  id: number;
  size: number;
  /** The originating event: earliest day; same-day ties go to the lower record id. */
  originRecordId: number;
  /** Record ids, in order of day (ties by record id). */
  memberRecordIds: number[];
  firstDate: string;
  lastDate: string;
  spanDays: number;
  links: number;
  centroidX: number;
  centroidY: number;
  areaM2: number;
}

export interface RiskZoneSummary {
  chainId: number;
  recordId: number;
  x: number;
  y: number;
  radiusM: number;
  eventDate: string;
  /** First date the zone no longer applies (the chain's last date + days). */
  expiresDate: string;
  /** Closed ring in project metres. */
  ring: [number, number][];
  /** Shares of the chain's events per patrol shift (with shiftHours). */
  shiftWeights?: number[];
}

export interface ChainsRunResult {
  events: number;
  distanceM: number;
  days: number;
  metric: 'euclidean' | 'manhattan';
  /** The link rule in words, e.g. "closer than 200 m and fewer than 7 days apart". */
  linkRule: string;
  asOf: string | null;
  shiftHours: number | null;
  chains: ChainSummary[];
  zones: RiskZoneSummary[];
  notes: string[];
  analysisId: number;
  cached: boolean;
  provenance: AnalysisProvenance;
}

// ---- kernel density and hotspots (DESIGN.md §4 "Kernel density", "Hotspot classes") -------------

const positiveM = z.number().finite().positive();
const kdeRingSchema = z
  .array(z.tuple([z.number().finite(), z.number().finite()]))
  .min(4)
  .max(100_000);

/** Hotspot class thresholds (shared/analysis/hotspots/thresholds.ts). */
export const thresholdSpecSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('mean-multiple'),
      multiples: z.array(z.number().finite().positive()).min(1).max(12),
    })
    .strict(),
  z.object({ method: z.literal('mean-sd'), k: z.array(z.number().finite()).min(1).max(12) }).strict(),
  z
    .object({ method: z.literal('quantile'), probabilities: z.array(z.number().gt(0).lt(1)).min(1).max(12) })
    .strict(),
  z.object({ method: z.literal('natural-breaks'), classes: z.number().int().min(2).max(12) }).strict(),
]);

export const kdeInputSchema = z
  .object({
    jobId: jobIdSchema,
    filter: recordFilterSchema,
    params: z
      .object({
        kernel: z.enum(KERNEL_NAMES).optional(),
        /** Default: shorter side of the events' bounding box / 150. */
        cellSizeM: positiveM.max(100_000).optional(),
        /** Default: 5 cells. */
        bandwidthM: positiveM.max(1_000_000).optional(),
        /** Default: the clip boundary's bounding box, else the events' padded by the bandwidth. */
        extent: z
          .object({
            minX: z.number().finite(),
            minY: z.number().finite(),
            maxX: z.number().finite(),
            maxY: z.number().finite(),
          })
          .strict()
          .optional(),
        /** Cells outside become NODATA: a boundary feature of the project, or a polygon in project metres. */
        clip: z
          .union([
            z.object({ boundaryFeatureId: z.number().int().positive() }).strict(),
            z
              .object({
                polygon: z.union([
                  z.array(kdeRingSchema).min(1).max(1_000),
                  z.array(z.array(kdeRingSchema).min(1)).min(1).max(1_000),
                ]),
              })
              .strict(),
          ])
          .optional(),
        /** Leave out events outside the extent or clip boundary (counted). Default false. */
        excludeOutside: z.boolean().optional(),
        /** Weight events by their weight field (e.g. KSI counts). Default true (weights are 1 unless mapped). */
        useWeights: z.boolean().optional(),
        /** Default mean-multiple 1, 2, 3. */
        thresholds: thresholdSpecSchema.optional(),
        /** Class whose region is cut into numbered hotspots. Default 2 when there are 2+ classes, else 1. */
        hotspotClass: z.number().int().min(1).max(12).optional(),
      })
      .strict(),
  })
  .strict();

/** A hotspot with its outline in WGS84 for the map (project-CRS `polygon` kept for exports). */
export interface KdeHotspot extends Hotspot {
  /** GeoJSON Polygon coordinates, [lon, lat]. */
  polygonWgs84: number[][][];
}

/** A class band: the region ≥ its threshold, as GeoJSON MultiPolygon coordinates. */
export interface KdeClassRegion extends HotspotClassRegion {
  polygonWgs84: number[][][][];
}

export interface KdeRunResult {
  analysisId: number;
  cached: boolean;
  unit: 'events per km²';
  /** The surface in project CRS: row 0 north, origin lower-left, NaN = NODATA (outside the clip). */
  grid: Grid;
  /** Grid corners [lon, lat]: north-west, north-east, south-east, south-west (MapLibre image order). */
  cornersWgs84: [number, number][];
  maxDensity: number;
  params: KdeParamsUsed & { thresholds: z.infer<typeof thresholdSpecSchema>; hotspotClass: number };
  counts: KdeEventCounts;
  cellsInStudyArea: number;
  studyAreaKm2: number;
  thresholds: ClassThreshold[];
  surfaceStats: NonZeroStats;
  classes: KdeClassRegion[];
  hotspots: KdeHotspot[];
  provenance: AnalysisProvenance;
}

export const analysisMethods = {
  runKnox: method(knoxInputSchema)<KnoxRunResult>(),
  runChains: method(chainsInputSchema)<ChainsRunResult>(),
  runKde: method(kdeInputSchema)<KdeRunResult>(),
};
