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
 * Request defaults resolved here (the rest in shared/analysis/kde/plan.ts): thresholds 1×, 2×, 3× the
 * mean density of ALL cells of the study area (Chainey's multiples-of-the-mean scheme); hotspots are
 * cut from the top class (3 × mean) unless hotspotClass says otherwise. Why the top class: with the
 * zeros of the study area in the mean, 2 × mean outlines ~1–2 km² districts around the sample town's
 * planted hotspots (half the busy town centre in one area), while 3 × mean gives one distinct area
 * around each planted hotspot of 0.5–1 km², the scale a JAG can task a patrol to; it is also the class
 * analysts trained on Chainey's guidance read as "hotspot". Weights are used when the records carry
 * any weight other than 1 (and useWeights is not false). minEvents 5, 99 CSR simulations (or, when
 * they would pass the budget, the conservative closed-form bound of csr-bound.ts), seed 1, alpha 0.05.
 *
 * Study area (DESIGN.md §4 "Study area"): the clip boundary, else the grid's rectangle. Events
 * outside it are left out of the surface, of N and of the simulations, counted in `counts` and said
 * in a caveat; A is its area. Hotspots are named by the boundary features (every layer of the
 * project) that hold their peak cell centre (`places`).
 */
import type Database from 'better-sqlite3';
import { DEFAULT_ALPHA, DEFAULT_CSR_SEED } from '../../../shared/analysis/hotspots/csr-test.js';
import { hotspotEventsOf } from '../../../shared/analysis/hotspots/hotspot-events.js';
import { type PlaceFeature, placesAt } from '../../../shared/analysis/hotspots/places.js';
import {
  asMultiPolygon,
  type MultiPolygonCoords,
  type PolygonCoords,
} from '../../../shared/analysis/hotspots/polygon.js';
import { DEFAULT_MIN_EVENTS } from '../../../shared/analysis/hotspots/support.js';
import type { SurfaceStats, ThresholdSpec } from '../../../shared/analysis/hotspots/thresholds.js';
import type { KdeSurface } from '../../../shared/analysis/kde/kde.js';
import type { KdeOptions } from '../../../shared/analysis/kde/plan.js';
import type { analysisMethods, KdeRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import { areaGeometry } from '../project/areas.js';
import { queryRecords } from '../query/query-records.js';
import type { AnalysisJob } from './analysis-job.js';
import { kdeOnPool } from './kde-on-pool.js';
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

type ResolvedRequest = KdeRequestParams & {
  thresholds: ThresholdSpec;
  hotspotClass: number;
  minEvents: number;
  seed: number;
  alpha: number;
};

function resolveRequest(params: KdeRequestParams): ResolvedRequest {
  const thresholds = (params.thresholds ?? DEFAULT_THRESHOLDS) as ThresholdSpec;
  const classes = thresholds.method === 'natural-breaks' ? thresholds.classes - 1 : listLength(thresholds);
  const hotspotClass = params.hotspotClass ?? classes;
  if (hotspotClass > classes) {
    throw new ApiError('invalid-argument', `hotspotClass must be from 1 to ${classes}, got ${hotspotClass}`);
  }
  const { excludeOutside: _alwaysOn, ...rest } = params;
  return {
    ...rest,
    thresholds,
    hotspotClass,
    minEvents: params.minEvents ?? DEFAULT_MIN_EVENTS,
    seed: params.seed ?? DEFAULT_CSR_SEED,
    alpha: params.alpha ?? DEFAULT_ALPHA,
  };
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

  // Every column, weight included (all 1s when unweighted, which leaves the statistics unchanged).
  const run = await kdeOnPool(
    ctx.jobs.pool,
    {
      events: hotspotEventsOf(columns, true),
      weighted,
      options,
      hotspots: {
        thresholds: request.thresholds,
        hotspotClass: request.hotspotClass,
        minEvents: request.minEvents,
      },
      iterations: request.iterations,
      seed: request.seed,
      alpha: request.alpha,
    },
    { signal: job.signal, onProgress: job.progress },
  );
  const { surface } = run;
  const { grid } = surface;
  const hotspotResult = run.hotspots!;
  const features = placeFeatures(db);

  const transform = makeTransform(crs, crs);
  const toWgs84 = (polygon: PolygonCoords) =>
    polygon.map((ring) => ring.map(([x, y]) => transform.projectToWgs84(x, y)));
  const { originX: x0, originY: y0, width, height, cellSizeM } = grid;
  const x1 = x0 + width * cellSizeM;
  const y1 = y0 + height * cellSizeM;
  let maxDensity = 0;
  for (const v of grid.values) if (v > maxDensity) maxDensity = v;
  const support = hotspotResult.support;
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
    studyAreaKm2: surface.studyAreaM2 / 1e6,
    thresholds: hotspotResult.thresholds,
    surfaceStats: hotspotResult.surfaceStats,
    support,
    classes: hotspotResult.classes.map((c) => ({ ...c, polygonWgs84: c.polygon.map(toWgs84) })),
    hotspots: hotspotResult.hotspots.map((h) => ({
      ...h,
      places: placesAt(h.peakX, h.peakY, features),
      polygonWgs84: toWgs84(h.polygon),
    })),
    provenance: analysisProvenance(ctx, {
      filter,
      columns,
      windowBasis: null,
      caveats: kdeCaveats(surface, weighted, hotspotResult.surfaceStats, support.statement),
    }),
  };
}

/** Every polygon feature of the project's boundary layers, for naming hotspots by place. */
function placeFeatures(db: Database.Database): PlaceFeature[] {
  const rows = db
    .prepare(
      `SELECT l.name AS layer, COALESCE(f.name, f.code) AS name, f.geometry, f.min_x, f.min_y, f.max_x, f.max_y
       FROM boundary_features f JOIN boundary_layers l ON l.id = f.layer_id ORDER BY l.id, f.id`,
    )
    .all() as {
    layer: string;
    name: string;
    geometry: string;
    min_x: number;
    min_y: number;
    max_x: number;
    max_y: number;
  }[];
  const features: PlaceFeature[] = [];
  for (const r of rows) {
    const g = JSON.parse(r.geometry) as { type: string; coordinates: PolygonCoords | MultiPolygonCoords };
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    features.push({
      layer: r.layer,
      name: r.name,
      polygon: asMultiPolygon(g.coordinates),
      bbox: [r.min_x, r.min_y, r.max_x, r.max_y],
    });
  }
  return features;
}

/** The clip boundary in project metres: a stored boundary feature or the polygon given. */
function resolveClip(db: Database.Database, clip: KdeRequestParams['clip']): MultiPolygonCoords | undefined {
  if (!clip) return undefined;
  if ('polygon' in clip) return asMultiPolygon(clip.polygon as PolygonCoords | MultiPolygonCoords);
  if ('areaId' in clip) return asMultiPolygon(areaGeometry(db, clip.areaId).coordinates);
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

/** What a reader of a density surface must know beyond the data's own caveats. */
function kdeCaveats(surface: KdeSurface, weighted: boolean, stats: SurfaceStats, support: string): string[] {
  const caveats: string[] = [];
  const { excludedOutside, used } = surface.counts;
  const area = surface.params.clippedToBoundary ? 'the clipping boundary' : 'the grid';
  if (excludedOutside > 0)
    caveats.push(
      `${excludedOutside.toLocaleString('en-GB')} events outside the study area (${area}) were left out; ` +
        `shares and PAI are of the ${used.toLocaleString('en-GB')} events inside it`,
    );
  caveats.push(
    stats.cells === 'non-zero'
      ? 'Hotspot thresholds are taken over the non-zero cells of the study area only.'
      : 'Hotspot thresholds are taken over all cells of the study area, zeros included.',
  );
  caveats.push(support);
  if (weighted) caveats.push('events are weighted by their weight field');
  return caveats;
}
