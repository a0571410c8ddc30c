/**
 * Api methods of the tasking statistics (issue 13 items 2, 3, 6, 7): Getis-Ord Gi* hot and cold
 * spots, emerging hot spots over time slices, the results analysis of an action (WDQ, WDD) and crime
 * concentration. Implemented by electron/engine/handlers/tasking.ts around the engine services
 * gistar-service.ts, emerging-service.ts, results-service.ts and concentration-service.ts.
 */
import { z } from 'zod';
import type { Concentration } from '../analysis/concentration/lorenz.js';
import type { DistanceBand } from '../analysis/gistar/distance-band.js';
import type { RepeatLocation } from '../analysis/repeats/repeat-locations.js';
import type { TimeToRepeat } from '../analysis/repeats/time-to-repeat.js';
import type { HotspotAccuracy } from '../analysis/results/hotspot-accuracy.js';
import type { ResultsAnalysis } from '../analysis/results/results-analysis.js';
import type { Grid } from '../model/grid.js';
import type { AnalysisProvenance } from './analysis-api.js';
import { method } from './define.js';
import { recordFilterSchema } from './import-api.js';
import { jobIdSchema } from './jobs.js';

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be yyyy-mm-dd');
const extentSchema = z
  .object({
    minX: z.number().finite(),
    minY: z.number().finite(),
    maxX: z.number().finite(),
    maxY: z.number().finite(),
  })
  .strict()
  .refine((e) => e.maxX > e.minX && e.maxY > e.minY, {
    message: 'the extent needs minX < maxX and minY < maxY',
  });
const gridParams = {
  cellSizeM: z.number().finite().positive().max(100_000).optional(),
  distanceM: z.number().finite().positive().max(1_000_000).optional(),
  extent: extentSchema.optional(),
};

export const giStarInputSchema = z
  .object({ jobId: jobIdSchema, filter: recordFilterSchema, ...gridParams })
  .strict();

/** Gi* of the filtered records: z per cell (NaN where undefined) and the 90/95/99 % bins. */
export interface GiStarRunResult {
  z: Grid;
  /** −3 … +3 per cell (grid order): cold/hot at 99, 95, 90 % by the BH q. */
  bins: Int8Array;
  binCounts: Record<string, number>;
  /** The grid's corners in lon/lat, north-west first (for the map's image of the bins). */
  cornersWgs84: [number, number][];
  cellSizeM: number;
  distanceM: number;
  /** Whether distanceM is the suggestion (no distance was asked for). */
  distanceSuggested: boolean;
  suggestion: DistanceBand;
  events: { used: number; outside: number };
  cells: number;
  meanCount: number;
  sdCount: number;
  provenance: AnalysisProvenance;
  analysisId: number;
  cached: boolean;
}

const sliceSchema = z
  .object({
    unit: z.enum(['days', 'months']),
    length: z.number().int().min(1).max(366),
    slices: z.number().int().min(2).max(120),
  })
  .strict();

export const emergingInputSchema = z
  .object({
    jobId: jobIdSchema,
    /** Datasets and categories (dates come from the slices). */
    filter: recordFilterSchema,
    /** The last day of the last slice, inclusive. */
    endDate: isoDateSchema,
    slice: sliceSchema,
    /** The second slice length the classes are checked against (default: half the slice length in months, else double in days). */
    checkSlice: sliceSchema.optional(),
    ...gridParams,
  })
  .strict();

export interface EmergingCell {
  cell: number;
  x: number;
  y: number;
  pattern: string;
  /** Rose significantly in the last slice (exact Poisson test, BH). */
  rise: boolean;
  /** Gi* z per slice, in time order (null where undefined). */
  zSeries: (number | null)[];
  counts: number[];
  trendZ: number;
  trendP: number;
  /** The pattern with the other slice length; differs = flagged. */
  checkPattern: string;
}

export interface EmergingRunResult {
  slices: { from: string; to: string }[];
  sliceLabel: string;
  checkSliceLabel: string;
  /** Pattern code per cell (classify.ts: +k hot PATTERNS[k], −k cold, 0 none). */
  pattern: Grid;
  /** Cells with a pattern, hot first by the last slice's z, with their working. */
  cells: EmergingCell[];
  patternCounts: Record<string, number>;
  /** Cells whose class changes with the slice length, of those with a pattern in either. */
  changedWithSliceLength: number;
  patterned: number;
  cellSizeM: number;
  distanceM: number;
  rules: string[];
  provenance: AnalysisProvenance;
  analysisId: number;
  cached: boolean;
}

const areaRefSchema = z.union([
  z.object({ areaId: z.number().int().positive() }).strict(),
  z.object({ boundaryFeatureId: z.number().int().positive() }).strict(),
]);
const periodSchema = z.object({ from: isoDateSchema, to: isoDateSchema }).strict();

export const resultsInputSchema = z
  .object({
    jobId: jobIdSchema,
    datasetIds: z.array(z.number().int().positive()).min(1).max(1_000).optional(),
    categories: z.array(z.string().max(500)).max(10_000).optional(),
    target: areaRefSchema,
    buffer: areaRefSchema,
    control: areaRefSchema,
    before: periodSchema,
    after: periodSchema,
  })
  .strict();

export interface ResultsRunResult extends ResultsAnalysis {
  before: { from: string; to: string };
  after: { from: string; to: string };
  /** PAI, PEI and RRI of the before period's Gi* hot spots on the after period's events. */
  hotspots: HotspotAccuracy & { cellSizeM: number; distanceM: number; rule: string };
  provenance: AnalysisProvenance;
}

export const concentrationInputSchema = z
  .object({
    jobId: jobIdSchema,
    filter: recordFilterSchema,
    cellSizeM: gridParams.cellSizeM,
    extent: gridParams.extent,
  })
  .strict();

export interface ConcentrationRunResult {
  cells: Concentration;
  cellSizeM: number;
  /** Share of events in the busiest 5 % of cells (and the cells that makes). */
  busiestFivePercent: { cells: number; share: number };
  repeats: RepeatLocation[];
  repeatsShown: number;
  repeatsTotal: number;
  /** How soon places are hit again, over all repeat locations. */
  timeToRepeat: TimeToRepeat;
  provenance: AnalysisProvenance;
}

export const taskingMethods = {
  runGiStar: method(giStarInputSchema)<GiStarRunResult>(),
  runEmerging: method(emergingInputSchema)<EmergingRunResult>(),
  runResults: method(resultsInputSchema)<ResultsRunResult>(),
  runConcentration: method(concentrationInputSchema)<ConcentrationRunResult>(),
};
