/**
 * The kernel density engine service (DESIGN.md §4 "Kernel density", "Study area", "Hotspot classes",
 * "Provenance"): what `runKde`, the CLI and the profile all call. It looks the run up in the
 * project's analysis cache and otherwise computes it; it does not create a job, it runs under the
 * caller's (AnalysisJob: progress and signal).
 *
 *   filter → queryRecords (project store) → kdeBand × threads (kde-parallel.ts)
 *   → kdeHotspots (contours and statistics, in a worker) → WGS84 outlines for the map → provenance
 *   → cached in the project (analysis-cache.ts), keyed by the filter, the records version and the
 *   request's parameters.
 *
 * Request defaults resolved here (the rest in shared/analysis/kde/plan.ts): thresholds mean-multiple
 * 1, 2, 3; hotspotClass 2 when there are two or more classes, else 1; weights used when the records
 * carry any weight other than 1 (and useWeights is not false). Study area for PAI: the clip
 * boundary's area when clipped, else the grid's area.
 */
import type Database from 'better-sqlite3';
import type { HotspotEvents } from '../../../shared/analysis/hotspots/hotspots.js';
import {
  asMultiPolygon,
  type MultiPolygonCoords,
  multiPolygonArea,
  type PolygonCoords,
} from '../../../shared/analysis/hotspots/polygon.js';
import type { ThresholdSpec } from '../../../shared/analysis/hotspots/thresholds.js';
import type { KdeOptions } from '../../../shared/analysis/kde/plan.js';
import type { analysisMethods, KdeRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import type { RecordColumns } from '../../../shared/model/records.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import { queryRecords } from '../query/query-records.js';
import type { AnalysisJob } from './analysis-job.js';
import { runKdeOnPool } from './kde-parallel.js';
import { analysisProvenance } from './provenance.js';

type KdeInput = InputOf<typeof analysisMethods, 'runKde'>;
type KdeRequestParams = KdeInput['params'];
/** What a KDE run is asked: the records (the Api's filter) and the Api's kde parameters. */
export type KdeRequest = Pick<KdeInput, 'filter' | 'params'>;

export const DEFAULT_THRESHOLDS: ThresholdSpec = { method: 'mean-multiple', multiples: [1, 2, 3] };

/** Kernel density and hotspots of the filtered records, from the cache when the same run was made. */
export async function runKdeAnalysis(
  ctx: EngineContext,
  request: KdeRequest,
  job: AnalysisJob,
): Promise<KdeRunResult> {
  const { db, crs } = ctx.project();
  const resolved = resolveRequest(request.params);
  const inputs = { filter: request.filter, recordsVersion: recordsVersion(db) };
  const { value, hit, analysisId } = await cached(ctx, 'kde', inputs, resolved, () =>
    computeKde(ctx, db, crs, request.filter, resolved, job),
  );
  return { ...value, analysisId, cached: hit };
}

type ResolvedRequest = KdeRequestParams & { thresholds: ThresholdSpec; hotspotClass: number };

function resolveRequest(params: KdeRequestParams): ResolvedRequest {
  const thresholds = (params.thresholds ?? DEFAULT_THRESHOLDS) as ThresholdSpec;
  const classes = thresholds.method === 'natural-breaks' ? thresholds.classes - 1 : listLength(thresholds);
  const hotspotClass = params.hotspotClass ?? (classes >= 2 ? 2 : 1);
  if (hotspotClass > classes) {
    throw new ApiError('invalid-argument', `hotspotClass must be from 1 to ${classes}, got ${hotspotClass}`);
  }
  return { ...params, thresholds, hotspotClass };
}

function listLength(spec: ThresholdSpec): number {
  if (spec.method === 'mean-multiple') return spec.multiples.length;
  if (spec.method === 'mean-sd') return spec.k.length;
  if (spec.method === 'quantile') return spec.probabilities.length;
  return spec.classes - 1;
}

async function computeKde(
  ctx: EngineContext,
  db: Database.Database,
  crs: string,
  filter: KdeInput['filter'],
  request: ResolvedRequest,
  job: AnalysisJob,
): Promise<Omit<KdeRunResult, 'analysisId' | 'cached'>> {
  const columns = queryRecords(db, filter);
  if (columns.count === 0) {
    throw new ApiError('refused', 'No point records match the filter: widen the filter or import point data');
  }
  const boundary = resolveClip(db, request.clip);
  const weighted = request.useWeights !== false && columns.weight.some((w) => w !== 1);
  const options: KdeOptions = {};
  if (request.kernel) options.kernel = request.kernel;
  if (request.cellSizeM !== undefined) options.cellSizeM = request.cellSizeM;
  if (request.bandwidthM !== undefined) options.bandwidthM = request.bandwidthM;
  if (request.extent) options.extent = request.extent;
  if (boundary) options.boundary = boundary;
  if (request.excludeOutside !== undefined) options.excludeOutside = request.excludeOutside;

  const points = weighted
    ? { x: columns.x, y: columns.y, weight: columns.weight }
    : { x: columns.x, y: columns.y };
  const { surface, use } = await runKdeOnPool(ctx.jobs.pool, points, options, {
    signal: job.signal,
    onProgress: job.progress,
  });
  const { grid } = surface;
  job.progress(0, 1, 'Drawing hotspots');
  const studyAreaM2 = boundary ? multiPolygonArea(boundary) : grid.width * grid.height * grid.cellSizeM ** 2;
  const hotspotResult = await ctx.jobs.pool.run(
    'kdeHotspots',
    {
      grid: { ...grid, values: grid.values.slice() },
      events: hotspotEvents(columns, use),
      options: { thresholds: request.thresholds, studyAreaM2, hotspotClass: request.hotspotClass },
    },
    { signal: job.signal },
  );

  const transform = makeTransform(crs, crs);
  const toWgs84 = (polygon: PolygonCoords) =>
    polygon.map((ring) => ring.map(([x, y]) => transform.projectToWgs84(x, y)));
  const { originX: x0, originY: y0, width, height, cellSizeM } = grid;
  const x1 = x0 + width * cellSizeM;
  const y1 = y0 + height * cellSizeM;
  let maxDensity = 0;
  for (const v of grid.values) if (v > maxDensity) maxDensity = v;
  return {
    unit: surface.unit,
    grid,
    cornersWgs84: [
      transform.projectToWgs84(x0, y1),
      transform.projectToWgs84(x1, y1),
      transform.projectToWgs84(x1, y0),
      transform.projectToWgs84(x0, y0),
    ],
    maxDensity,
    params: {
      ...surface.params,
      weighted,
      thresholds: request.thresholds,
      hotspotClass: request.hotspotClass,
    },
    counts: surface.counts,
    cellsInStudyArea: surface.cellsInStudyArea,
    studyAreaKm2: studyAreaM2 / 1e6,
    thresholds: hotspotResult.thresholds,
    surfaceStats: hotspotResult.surfaceStats,
    classes: hotspotResult.classes.map((c) => ({ ...c, polygonWgs84: c.polygon.map(toWgs84) })),
    hotspots: hotspotResult.hotspots.map((h) => ({ ...h, polygonWgs84: toWgs84(h.polygon) })),
    provenance: analysisProvenance(ctx, {
      filter,
      columns,
      windowBasis: null,
      caveats: kdeCaveats(surface.counts.excludedOutside, weighted),
    }),
  };
}

/** The clip boundary in project metres: a stored boundary feature or the polygon given. */
function resolveClip(db: Database.Database, clip: KdeRequestParams['clip']): MultiPolygonCoords | undefined {
  if (!clip) return undefined;
  if ('polygon' in clip) return asMultiPolygon(clip.polygon as PolygonCoords | MultiPolygonCoords);
  const row = db.prepare('SELECT geometry FROM boundary_features WHERE id = ?').get(clip.boundaryFeatureId) as
    | { geometry: string }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no boundary feature with id ${clip.boundaryFeatureId}`);
  const geometry = JSON.parse(row.geometry) as {
    type: string;
    coordinates: PolygonCoords | MultiPolygonCoords;
  };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    throw new ApiError(
      'refused',
      `Boundary feature ${clip.boundaryFeatureId} is a ${geometry.type}, not a polygon`,
    );
  }
  return asMultiPolygon(geometry.coordinates);
}

/** The events that made the surface (all, or those inside when some were left out). */
function hotspotEvents(columns: RecordColumns, use: Uint8Array | undefined): HotspotEvents {
  const keep = use ? [...use.keys()].filter((i) => use[i] === 1) : null;
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T =>
    keep ? pickIndices(a, keep) : a;
  return {
    x: pick(columns.x),
    y: pick(columns.y),
    weight: pick(columns.weight),
    categoryCode: pick(columns.categoryCode),
    categories: columns.categories,
    locationCode: pick(columns.locationCode),
    locations: columns.locations,
    fromMs: pick(columns.fromMs),
    toMs: pick(columns.toMs),
    precision: pick(columns.precision),
  };
}

function pickIndices<T extends Float64Array | Int32Array | Uint8Array>(a: T, keep: number[]): T {
  const out = new (a.constructor as new (n: number) => T)(keep.length);
  for (let k = 0; k < keep.length; k++) out[k] = a[keep[k]];
  return out;
}

/** What a reader of a density surface must know beyond the data's own caveats. */
function kdeCaveats(excludedOutside: number, weighted: boolean): string[] {
  const caveats: string[] = [];
  if (excludedOutside > 0)
    caveats.push(`${excludedOutside.toLocaleString('en-GB')} events outside the study area were left out`);
  if (weighted) caveats.push('events are weighted by their weight field');
  return caveats;
}
