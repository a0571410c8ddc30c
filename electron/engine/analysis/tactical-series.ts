/**
 * Near-repeat series of a tactical assessment, one crime type at a time (issue 13 item 1; DESIGN.md
 * §4 "Near-repeat chains"): a burglary and a criminal damage two streets and two days apart are not
 * one series, so chains never mix types. For each type with enough events over the previous and the
 * current period together:
 *
 *   thresholds  the analyst's (chainDistanceM / chainDays), else the tightest significant cell of a
 *               Knox test of that type over both periods (the profile's bands, permutations and seed),
 *               with that run's metric; when its Knox table has no significant cell, the profile's
 *               default (the first Knox cell, 200 m and 7 days), saying the series rest on it alone
 *   chains      the chains service as of the period's last day, with this period's hotspots so a
 *               chain that is a hotspot's own traffic is flagged "hotspot-like: not a series"
 *   series      new (first event in the period) and live candidates (period-series.ts)
 *
 * Each type's run states its link rule, where the thresholds came from (the Knox cell and run) and
 * how many chains were flagged hotspot-like. Knox and chains runs are cached in the project.
 */
import { periodSeries } from '../../../shared/analysis/tactical/period-series.js';
import type {
  TacticalInput,
  TacticalResult,
  TacticalSeries,
  TacticalSeriesRun,
} from '../../../shared/api/tactical-api.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { bandEdges, MIN_KNOX_EVENTS, PROFILE_DEFAULTS } from '../../../shared/profile/defaults.js';
import { formatCount } from '../../../shared/profile/format.js';
import type { MultiPolygonCoords } from '../../../shared/profile/model.js';
import { dmy } from '../../../shared/tasking/tactical-format.js';
import type { EngineContext } from '../context.js';
import { apiFilter, optional } from '../profile/profile-subject.js';
import type { AnalysisJob } from './analysis-job.js';
import { runChainsAnalysis } from './chains-service.js';
import { runKnoxAnalysis } from './knox-service.js';

export interface SeriesScope {
  base: RecordFilter;
  /** Both periods: the previous period's start to the current period's end. */
  span: { fromMs: number; toMs: number };
  /** The current period and the previous one, inclusive ISO dates. */
  period: { from: string; to: string; previous: { from: string; to: string } };
  /** Events of each crime type over both periods (area-only records included). */
  types: readonly { label: string; events: number }[];
  /** This period's hotspot outlines, project CRS. */
  hotspots: MultiPolygonCoords[];
}

interface Thresholds {
  distanceM: number;
  days: number;
  metric: 'euclidean' | 'manhattan';
  source: string;
  from: 'knox' | 'default' | 'analyst';
}

type TypeThresholds = { value: Thresholds; note: null } | { value: null; note: string };

/** The analyst's thresholds, else the tightest significant Knox cell of this type's events. */
async function thresholdsOf(
  ctx: EngineContext,
  filter: ReturnType<typeof apiFilter>,
  label: string,
  scope: SeriesScope,
  input: Omit<TacticalInput, 'jobId'>,
  job: AnalysisJob,
): Promise<TypeThresholds> {
  if (input.chainDistanceM !== undefined || input.chainDays !== undefined) {
    return {
      value: {
        distanceM: input.chainDistanceM ?? PROFILE_DEFAULTS.chainDistanceM,
        days: input.chainDays ?? PROFILE_DEFAULTS.chainDays,
        metric: 'euclidean',
        source: 'set by the analyst',
        from: 'analyst',
      },
      note: null,
    };
  }
  const iterations = PROFILE_DEFAULTS.knoxIterations;
  const seed = PROFILE_DEFAULTS.seed;
  const knox = await optional(() =>
    runKnoxAnalysis(
      ctx,
      {
        filter,
        distanceEdgesM: bandEdges(PROFILE_DEFAULTS.knoxDistanceBandM, PROFILE_DEFAULTS.knoxDistanceBands),
        timeEdgesDays: bandEdges(PROFILE_DEFAULTS.knoxTimeBandDays, PROFILE_DEFAULTS.knoxTimeBands),
        iterations,
        seed,
      },
      job,
    ),
  );
  if (!knox.value) return { value: null, note: `not linked: ${knox.note}` };
  const run = `Knox test of ${formatCount(knox.value.events)} ${label} events from ${dmy(scope.period.previous.from)} to ${dmy(scope.period.to)}, ${formatCount(iterations)} permutations, seed ${seed}`;
  const s = knox.value.suggestion;
  if (!s) {
    // As the profile does: link at the first Knox cell, and say the series rest on it alone.
    const distanceM = PROFILE_DEFAULTS.chainDistanceM;
    const days = PROFILE_DEFAULTS.chainDays;
    return {
      value: {
        distanceM,
        days,
        metric: knox.value.metric,
        source:
          `default ${distanceM} m and ${days} days (the first Knox cell): the ${run} finds no significant near-repeat cell ` +
          'after the false discovery rate correction, so these series rest on the default link alone',
        from: 'default',
      },
      note: null,
    };
  }
  return {
    value: {
      distanceM: s.distanceM,
      days: s.days,
      metric: s.metric,
      source: `${s.source} (${run})`,
      from: 'knox',
    },
    note: null,
  };
}

async function typeSeries(
  ctx: EngineContext,
  type: { label: string; events: number },
  scope: SeriesScope,
  input: Omit<TacticalInput, 'jobId'>,
  job: AnalysisJob,
): Promise<{ run: TacticalSeriesRun; items: TacticalSeries[] }> {
  const empty = {
    linkRule: null,
    distanceM: null,
    days: null,
    thresholdSource: null,
    thresholdFrom: null,
    seriesCount: 0,
    hotspotLike: 0,
  };
  const events = type.events;
  if (events < MIN_KNOX_EVENTS)
    return {
      run: {
        crimeType: type.label,
        events,
        ...empty,
        note: `not linked: ${formatCount(events)} events over both periods; the near-repeat test needs at least ${MIN_KNOX_EVENTS}.`,
      },
      items: [],
    };
  const filter = apiFilter({ ...scope.base, categories: [type.label], ...scope.span });
  const thresholds = await thresholdsOf(ctx, filter, type.label, scope, input, job);
  if (!thresholds.value)
    return { run: { crimeType: type.label, events, ...empty, note: thresholds.note }, items: [] };
  const t = thresholds.value;
  const chains = await optional(() =>
    runChainsAnalysis(
      ctx,
      {
        filter,
        distanceM: t.distanceM,
        days: t.days,
        metric: t.metric,
        thresholdSource: t.source,
        asOf: scope.period.to,
        ...(scope.hotspots.length > 0 ? { hotspots: scope.hotspots } : {}),
      },
      job,
    ),
  );
  if (!chains.value)
    return {
      run: { crimeType: type.label, events, ...empty, note: `not linked: ${chains.note}` },
      items: [],
    };
  const all = chains.value.chains;
  const found = periodSeries(all, { from: scope.period.from, to: scope.period.to });
  const fresh = new Set(found.newSeries);
  const keep = [...new Set([...found.newSeries, ...found.liveSeries])].sort((a, b) => a - b);
  return {
    run: {
      crimeType: type.label,
      events: chains.value.events,
      linkRule: chains.value.linkRule,
      distanceM: t.distanceM,
      days: t.days,
      thresholdSource: t.source,
      thresholdFrom: t.from,
      seriesCount: all.length - found.hotspotLike,
      hotspotLike: found.hotspotLike,
      note: null,
    },
    items: keep.map((i) => {
      const c = all[i]!;
      return {
        crimeType: type.label,
        id: c.id,
        size: c.size,
        firstDate: c.firstDate,
        lastDate: c.lastDate,
        centroidX: c.centroidX,
        centroidY: c.centroidY,
        live: c.live,
        isNew: fresh.has(i),
        references: c.references,
      };
    }),
  };
}

/** Series of every crime type in scope, each type with its own thresholds and their source. */
export async function tacticalSeries(
  ctx: EngineContext,
  scope: SeriesScope,
  input: Omit<TacticalInput, 'jobId'>,
  job: AnalysisJob,
): Promise<TacticalResult['series']> {
  const byType: TacticalSeriesRun[] = [];
  const items: TacticalSeries[] = [];
  for (const [k, type] of scope.types.entries()) {
    job.signal.throwIfAborted();
    const step: AnalysisJob = {
      progress: (done, total, message) =>
        job.progress(k + (total > 0 ? done / total : 0), scope.types.length, message ?? type.label),
      signal: job.signal,
    };
    const found = await typeSeries(ctx, type, scope, input, step);
    byType.push(found.run);
    items.push(...found.items);
  }
  const hotspotLike = byType.reduce((n, r) => n + r.hotspotLike, 0);
  return {
    byType,
    items,
    hotspotLike,
    note: scope.types.length === 0 ? 'No events in either period to link into series.' : null,
  };
}
