/**
 * Api method of the tactical assessment (issue 13 item 1; electron/engine/analysis/tactical-service.ts):
 * what changed between this period and the previous one, and against the same period last year.
 */
import { z } from 'zod';
import type { TableRow } from '../analysis/tactical/comparison-table.js';
import type { DifferencePeak } from '../analysis/tactical/density-difference.js';
import type { HotspotStatus } from '../analysis/tactical/hotspot-change.js';
import type { Grid } from '../model/grid.js';
import type { AnalysisProvenance } from './analysis-api.js';
import { method } from './define.js';
import { jobIdSchema } from './jobs.js';
import { fileRefSchema } from './project-api.js';

const idSchema = z.number().int().positive();
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be yyyy-mm-dd');

export const tacticalInputSchema = z
  .object({
    jobId: jobIdSchema,
    datasetIds: z.array(idSchema).min(1).max(1_000).optional(),
    categories: z.array(z.string().max(500)).max(10_000).optional(),
    /** The current period, inclusive dates. */
    from: isoDateSchema,
    to: isoDateSchema,
    /** Boundary layer whose features are the table's areas (default: the first layer). */
    boundaryLayerId: idSchema.optional(),
    cellSizeM: z.number().finite().positive().max(10_000).optional(),
    bandwidthM: z.number().finite().positive().max(100_000).optional(),
    /** Near-repeat link rule of the series (default 200 m and 7 days). */
    chainDistanceM: z.number().finite().positive().max(100_000).optional(),
    chainDays: z.number().int().min(1).max(365).optional(),
  })
  .strict();

export type TacticalInput = z.infer<typeof tacticalInputSchema>;

export interface DateRange {
  from: string;
  to: string;
}

export interface TacticalHotspot {
  status: HotspotStatus;
  /** Rank in this period's density run (1 = most events); null for a gone hotspot. */
  rank: number | null;
  /** Ranks of the previous period's hotspots it overlaps. */
  previousRanks: number[];
  /** Area centroid of the outline compared (this period's, or the previous one for "gone"), project CRS. */
  centroidX: number;
  centroidY: number;
  /** Events inside that outline this period, the previous period and last year (one counting rule). */
  events: number;
  previousEvents: number | null;
  lastYearEvents: number | null;
  /** The exact test against the previous period, BH q across the hotspots; null when not tested. */
  pValue: number | null;
  qValue: number | null;
  /** Percent change in events on the previous period (null when it had none) and the verdict at q. */
  percentChange: number | null;
  verdict: string | null;
  /** The same test against the same period last year (BH across the hotspots); null when not tested. */
  lastYearQValue: number | null;
  lastYearVerdict: string | null;
  areaKm2: number;
  previousAreaKm2: number;
  jaccard: number;
  /** Boundary features holding the peak (this period's hotspot only). */
  places: string[];
  /** The commonest location text of its events (e.g. "On or near Mill Lane"), null when none. */
  commonestLocation: string | null;
  /** Its commonest crime types with their counts, at most three (this period; the previous one for "gone"). */
  crimeMix: { name: string; count: number }[];
  /** Outline compared, project CRS and WGS84 (GeoJSON Polygon coordinates). */
  polygon: number[][][];
  polygonWgs84: number[][][];
}

export interface TacticalSeries {
  /** The crime type whose events were linked (chains never mix types). */
  crimeType: string;
  id: number;
  size: number;
  firstDate: string;
  lastDate: string;
  centroidX: number;
  centroidY: number;
  live: boolean;
  isNew: boolean;
  references: (string | null)[];
}

/** The near-repeat chains run of one crime type. */
export interface TacticalSeriesRun {
  crimeType: string;
  /** Point events of the type linked (previous and current period together). */
  events: number;
  /** "closer than 200 m (manhattan distance) and fewer than 7 days apart"; null when not run. */
  linkRule: string | null;
  /** The link thresholds; null when not run. */
  distanceM: number | null;
  days: number | null;
  /** Which Knox cell of which run set the thresholds, or "set by the analyst", or why the default. */
  thresholdSource: string | null;
  /** Where the thresholds came from, in one word (null when not linked). */
  thresholdFrom: 'knox' | 'default' | 'analyst' | null;
  seriesCount: number;
  hotspotLike: number;
  /** Why the type was not linked (too few events, month-only dates), else null. */
  note: string | null;
}

export interface TacticalResult {
  periods: { current: DateRange; previous: DateRange; lastYear: DateRange };
  /** What the data in scope cover, for "no data" periods. */
  coverage: { from: string | null; to: string | null; missingMonths: string[] };
  total: TableRow;
  byCategory: TableRow[];
  byArea: TableRow[];
  areaLayer: string | null;
  /** Point records of each period inside no feature of the area layer (area-only records are matched by code). */
  withoutArea: { current: number; previous: number; lastYear: number } | null;
  hotspots: TacticalHotspot[];
  changeRule: string;
  density: {
    kernel: string;
    cellSizeM: number;
    bandwidthM: number;
    /** This period's surface minus the previous period's, events per km², same grid. */
    difference: Grid;
    largestRise: DifferencePeak | null;
    largestFall: DifferencePeak | null;
    currentAnalysisId: number;
    previousAnalysisId: number;
  } | null;
  /** Why there is no density comparison (too few events in one of the periods), else null. */
  densityNote: string | null;
  series: {
    /** One chains run per crime type, each with its own thresholds and where they came from. */
    byType: TacticalSeriesRun[];
    items: TacticalSeries[];
    /** Chains flagged "hotspot-like: not a series" over every type. */
    hotspotLike: number;
    /** Why no series run was made at all, else null. */
    note: string | null;
  };
  caveats: string[];
  provenance: AnalysisProvenance;
}

export const tacticalExportSchema = tacticalInputSchema
  .extend({
    format: z.enum(['html', 'pdf', 'pptx']),
    /** Default: the project's protective marking (OFFICIAL when none is set). */
    marking: z.string().trim().min(1).max(100).optional(),
    /** Where to write; without it the file comes back as base64. */
    target: fileRefSchema.optional(),
  })
  .strict();

export interface TacticalExportResult {
  fileName: string;
  bytes: number;
  marking: string;
  path?: string;
  base64?: string;
}

export const tacticalMethods = {
  runTactical: method(tacticalInputSchema)<TacticalResult>(),
  exportTactical: method(tacticalExportSchema)<TacticalExportResult>(),
};
