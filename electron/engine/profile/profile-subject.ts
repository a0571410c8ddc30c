/**
 * The profile's subject as records and an outline (issue 6 subjects):
 *   hotspot:N      hotspot N of the period's density run over the scope
 *   area:NAME      a boundary feature (the density run is then clipped to it)
 *   category:NAME  the scope narrowed to the category (no outline)
 *   chain:ID       chain ID of the period's chains run at the profile's default thresholds; its
 *                  footprint is the convex hull of its events grown by the link distance
 * The density run is made here, through the KDE engine service under the profile's job, because
 * a hotspot subject is defined by it.
 */
import { convexHull } from '../../../shared/analysis/chains/convex-hull.js';
import type { analysisMethods, ChainsRunResult, KdeRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { RecordColumns, RecordFilter } from '../../../shared/model/records.js';
import type { MultiPolygonCoords } from '../../../shared/profile/model.js';
import type { ProfileSubject } from '../../../shared/profile/subject.js';
import type { AnalysisJob } from '../analysis/analysis-job.js';
import { runChainsAnalysis } from '../analysis/chains-service.js';
import { runKdeAnalysis } from '../analysis/kde-service.js';
import type { EngineContext } from '../context.js';
import { type AreaFeature, findAreaFeature } from './profile-context.js';

export type ApiFilter = InputOf<typeof analysisMethods, 'runKde'>['filter'];

/**
 * A record filter as the Api's (its schema types vertices as [x, y] tuples; the arrays are the same).
 * A dated filter selects by window midpoint, the profile's one counting rule, so the density run,
 * Knox and chains use exactly the records the period counts count (a window straddling the period's
 * start is in one period, never in two).
 */
export function apiFilter(filter: RecordFilter): ApiFilter {
  const dated = filter.fromMs !== undefined || filter.toMs !== undefined;
  return (dated ? { ...filter, dateRule: 'midpoint' } : filter) as ApiFilter;
}

/** Turns a refusal of an optional analysis into a note; anything else (a cancel) propagates. */
export async function optional<T>(run: () => Promise<T>): Promise<{ value: T | null; note: string | null }> {
  try {
    return { value: await run(), note: null };
  } catch (error) {
    if (
      (error instanceof ApiError && (error.code === 'refused' || error.code === 'invalid-argument')) ||
      error instanceof RangeError
    ) {
      return { value: null, note: error.message };
    }
    throw error;
  }
}

/** Convex hull of the points grown by `radiusM` (hull of 16-gons round each point), closed ring. */
export function footprint(x: readonly number[], y: readonly number[], radiusM: number): MultiPolygonCoords {
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < x.length; i++) {
    for (let k = 0; k < 16; k++) {
      const a = (2 * Math.PI * k) / 16;
      px.push(x[i]! + radiusM * Math.cos(a));
      py.push(y[i]! + radiusM * Math.sin(a));
    }
  }
  const hull = convexHull(px, py);
  return [[[...hull, hull[0]!].map(([hx, hy]) => [hx, hy])]];
}

export interface ResolvedSubject {
  /** The subject's records (the scope, narrowed to its outline or category), without dates. */
  filter: RecordFilter;
  label: string;
  outline: MultiPolygonCoords | null;
  area: AreaFeature | null;
  kde: KdeRunResult | null;
  kdeNote: string | null;
  /** The chains run a chain subject was picked from. */
  chains: ChainsRunResult | null;
}

export interface SubjectRequest {
  subject: ProfileSubject;
  /** The scope's records (datasets, categories) without dates. */
  base: RecordFilter;
  current: { fromMs: number; toMs: number };
  /** yyyy-mm-dd, the last day of the current period (chains' "live as of"). */
  asOf: string;
  kdeParams: { cellSizeM?: number; bandwidthM?: number };
  chainDistanceM: number;
  chainDays: number;
  /** The current period's point records of the scope (for a chain's footprint). */
  scopePoints: () => RecordColumns;
}

export async function resolveSubject(
  ctx: EngineContext,
  request: SubjectRequest,
  job: AnalysisJob,
): Promise<ResolvedSubject> {
  const { subject, base, current } = request;
  const inPeriod = (f: RecordFilter) => apiFilter({ ...f, ...current });
  const db = ctx.project().db;
  if (subject.kind === 'area') {
    const area = findAreaFeature(db, subject.name);
    const filter: RecordFilter = { ...base, area: { boundaryFeatureId: area.id } };
    const run = await optional(() =>
      runKdeAnalysis(
        ctx,
        { filter: inPeriod(filter), params: { ...request.kdeParams, clip: { boundaryFeatureId: area.id } } },
        job,
      ),
    );
    return {
      filter,
      label: `${area.name ?? area.code} (${area.layerName})`,
      outline: area.polygons,
      area,
      kde: run.value,
      kdeNote: run.note,
      chains: null,
    };
  }
  const run = await optional(() =>
    runKdeAnalysis(ctx, { filter: inPeriod(base), params: request.kdeParams }, job),
  );
  const resolved: ResolvedSubject = {
    filter: { ...base },
    label: subject.kind === 'category' ? base.categories![0]! : '',
    outline: null,
    area: null,
    kde: run.value,
    kdeNote: run.note,
    chains: null,
  };
  if (subject.kind === 'hotspot') {
    if (!run.value)
      throw new ApiError(
        'refused',
        `No density surface for the period, so no hotspot ${subject.rank}: ${run.note ?? ''}`,
      );
    const hotspot = run.value.hotspots.find((h) => h.rank === subject.rank);
    if (!hotspot) {
      throw new ApiError(
        'not-found',
        `The period's density run has ${run.value.hotspots.length} hotspots; there is no hotspot ${subject.rank}`,
      );
    }
    resolved.outline = [hotspot.polygon];
    resolved.filter = { ...base, area: { polygon: hotspot.polygon } };
    resolved.label = `Hotspot ${hotspot.rank}${hotspot.topLocations[0] ? ` (${hotspot.topLocations[0].name})` : ''}`;
  }
  if (subject.kind === 'chain') {
    const chains = await runChainsAnalysis(
      ctx,
      {
        filter: inPeriod(base),
        distanceM: request.chainDistanceM,
        days: request.chainDays,
        asOf: request.asOf,
      },
      job,
    );
    const chain = chains.chains.find((c) => c.id === subject.id);
    if (!chain) {
      throw new ApiError(
        'not-found',
        `The period has ${chains.chains.length} near-repeat chains; there is no chain ${subject.id}`,
      );
    }
    const cols = request.scopePoints();
    const index = new Map<number, number>();
    for (let i = 0; i < cols.count; i++) index.set(cols.id[i]!, i);
    const members = chain.memberRecordIds.map((id) => index.get(id)).filter((i) => i !== undefined);
    resolved.outline = footprint(
      members.map((i) => cols.x[i]!),
      members.map((i) => cols.y[i]!),
      request.chainDistanceM,
    );
    resolved.filter = { ...base, area: { polygon: resolved.outline[0]! } };
    resolved.label = `Near-repeat series ${chain.id} (${chain.size} events)`;
    resolved.chains = chains;
  }
  return resolved;
}
