/**
 * Api methods of the analyses: kernel density, hotspots, Knox, chains (issue: analysis engine).
 * Owned by the analysis work; extend here.
 */
import { z } from 'zod';
import type { Hotspot, HotspotClassRegion } from '../analysis/hotspots/hotspots.js';
import type { HotspotSupport } from '../analysis/hotspots/support.js';
import type { ClassThreshold, SurfaceStats } from '../analysis/hotspots/thresholds.js';
import { KERNEL_NAMES } from '../analysis/kde/kernels.js';
import type { KdeEventCounts, KdeParamsUsed } from '../analysis/kde/plan.js';
import type { KnoxEstimate } from '../analysis/knox/knox-estimate.js';
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
    /** Allow a sequential early stop once every cell has this many permutations ≥ observed (off when absent). */
    earlyStopExceedances: z.number().int().min(1).max(1_000).optional(),
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

/** A polygon ring in project metres: closed, [x, y] pairs (number[] as shared/analysis/hotspots/polygon.ts takes). */
const chainsRingSchema = z.array(z.array(z.number().finite()).length(2)).min(4).max(100_000);

export const chainsInputSchema = z
  .object({
    jobId: jobIdSchema,
    filter: recordFilterSchema,
    /** Link events closer than this (metres) … */
    distanceM: z.number().positive().max(1_000_000),
    /** … and fewer than this many days apart. */
    days: z.number().int().min(1).max(100_000),
    /** Use the metric of the Knox run the thresholds came from (its suggestion carries it). Default euclidean. */
    metric: z.enum(['euclidean', 'manhattan']).optional(),
    /** yyyy-mm-dd: which chains are live and which events get risk zones; default the last event's date. */
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
    /** KDE hotspot polygons (MultiPolygon coordinates in project metres): a chain mostly inside one is hotspot-like. */
    hotspots: z
      .array(z.array(z.array(chainsRingSchema).min(1)).min(1))
      .max(1_000)
      .optional(),
    /** Where the thresholds came from, for the notes (e.g. a Knox suggestion's `source`). */
    thresholdSource: z.string().trim().min(1).max(500).optional(),
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
  /** The originating event: earliest day; same-day ties by natural order of crime reference, then record id. */
  originRecordId: number;
  originReference: string | null;
  /** Record ids, in order of day (ties as for the origin). */
  memberRecordIds: number[];
  /** Crime references of the members, parallel to memberRecordIds (null where a record has none). */
  references: (string | null)[];
  firstDate: string;
  lastDate: string;
  spanDays: number;
  links: number;
  centroidX: number;
  centroidY: number;
  areaM2: number;
  /** Could still grow on the as-of date: last date ≤ asOf < last date + days. */
  live: boolean;
  /** 'hotspot-like': too big, too long, or mostly inside a hotspot and no busier than its place at other times; never offered as linked offending. */
  flag: 'hotspot-like' | null;
  /** The flag's reason in words, e.g. "hotspot-like: not a series: 34 events, more than the 20 a series would have". */
  flagReason: string | null;
  /** Members inside a hotspot polygon, when hotspots were given; else null. */
  eventsInHotspots: number | null;
  /** Chain mostly inside hotspots: its place's usual count in the chain's days and P(that many or more); else null. */
  hotspotRate: { expected: number; pValue: number } | null;
}

/** A risk zone around one recent event (the last `days` days up to the as-of date). */
export interface RiskZoneSummary {
  /** The chain the event is in, or null for an event in no chain. */
  chainId: number | null;
  recordId: number;
  reference: string | null;
  x: number;
  y: number;
  radiusM: number;
  eventDate: string;
  /** First date the zone no longer applies: the event's date + days. */
  expiresDate: string;
  /** Closed ring in project metres. */
  ring: [number, number][];
  /** Shares per patrol shift (with shiftHours): the chain's events, or the event's own. */
  shiftWeights?: number[];
}

export interface ChainsRunResult {
  events: number;
  distanceM: number;
  days: number;
  metric: 'euclidean' | 'manhattan';
  /** The link rule in words, e.g. "closer than 200 m (manhattan) and fewer than 7 days apart". */
  linkRule: string;
  /** Where the thresholds came from (the request's thresholdSource, or "set by the analyst"). */
  thresholdSource: string;
  /** The as-of date of `live` and the zones (the request's, else the last event's date). */
  asOf: string | null;
  shiftHours: number | null;
  /** Chains of three or more events: series candidates and those flagged hotspot-like. */
  chains: ChainSummary[];
  /** Chains not flagged: the series candidates that may be offered as linked offending. */
  seriesCount: number;
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
const thresholdCells = { cells: z.enum(['study-area', 'non-zero']).optional() };
/** Hotspot class thresholds (shared/analysis/hotspots/thresholds.ts); cells default 'study-area'. */
export const thresholdSpecSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('mean-multiple'),
      multiples: z.array(z.number().finite().positive()).min(1).max(12),
      ...thresholdCells,
    })
    .strict(),
  z
    .object({
      method: z.literal('mean-sd'),
      k: z.array(z.number().finite()).min(1).max(12),
      ...thresholdCells,
    })
    .strict(),
  z
    .object({
      method: z.literal('quantile'),
      probabilities: z.array(z.number().gt(0).lt(1)).min(1).max(12),
      ...thresholdCells,
    })
    .strict(),
  z
    .object({
      method: z.literal('natural-breaks'),
      classes: z.number().int().min(2).max(12),
      ...thresholdCells,
    })
    .strict(),
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
            /** A saved area (drawn on the map or copied from a boundary) as the study area. */
            z.object({ areaId: z.number().int().positive() }).strict(),
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
        /** Accepted for older requests and ignored: events outside the study area are always left out (counted). */
        excludeOutside: z.boolean().optional(),
        /** Weight events by their weight field (e.g. KSI counts). Default true (weights are 1 unless mapped). */
        useWeights: z.boolean().optional(),
        /** Default mean-multiple 1, 2, 3. */
        thresholds: thresholdSpecSchema.optional(),
        /** Class whose region is cut into numbered hotspots (default: see kde-service.ts). */
        hotspotClass: z.number().int().min(1).max(12).optional(),
        /** Fewest events a hotspot may hold. Default 5. */
        minEvents: z.number().int().min(1).max(100_000).optional(),
        /** Monte Carlo simulations of the CSR test (0: no test). Default 99 (fewer, ≥ 39, on huge runs). */
        iterations: z.number().int().min(0).max(9_999).optional(),
        /** Seed of the CSR simulations. Default 1. */
        seed: z.number().int().min(0).max(4_294_967_295).optional(),
        /** Significance level of the CSR test. Default 0.05. */
        alpha: z.number().gt(0).max(0.5).optional(),
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
  /** Events given, used (inside the study area: N) and left out as outside it. */
  counts: KdeEventCounts;
  cellsInStudyArea: number;
  /** A: the clip boundary's area, else the grid's. */
  studyAreaKm2: number;
  thresholds: ClassThreshold[];
  /** Statistics of the cells the thresholds were taken over (surfaceStats.cells says which). */
  surfaceStats: SurfaceStats;
  /** The rule a hotspot had to pass (≥ minEvents, p < alpha against CSR), what it dropped, in words. */
  support: HotspotSupport;
  classes: KdeClassRegion[];
  hotspots: KdeHotspot[];
  provenance: AnalysisProvenance;
}

export const analysisMethods = {
  runKnox: method(knoxInputSchema)<KnoxRunResult>(),
  /** The close pairs and the estimated Monte Carlo time of that runKnox input, without running it. */
  planKnox: method(knoxInputSchema)<KnoxEstimate>(),
  runChains: method(chainsInputSchema)<ChainsRunResult>(),
  runKde: method(kdeInputSchema)<KdeRunResult>(),
};
