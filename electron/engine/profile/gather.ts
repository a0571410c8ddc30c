/**
 * Gathers everything a problem profile shows (shared/profile/model.ts ProfileInputs) for one subject
 * and period. Analyses go through the engine services the Api handlers also call (runKdeAnalysis,
 * runKnoxAnalysis, runChainsAnalysis: worker threads, results cached in the project), all under the
 * profile's one job, so cancelling the profile cancels whichever analysis is running. Counts, the
 * monthly trend, per-hotspot trends, the aoristic table and repeat locations are made in-process
 * from one selection of records (period-counts.ts, hotspot-trends.ts).
 *
 * Periods: the current period is [from 00:00, to + 1 day 00:00) in wall-clock time; the previous
 * period has the same length just before it, and "same period last year" the same calendar dates a
 * year earlier (shared/analysis/compare/periods.ts). A record counts in the one period holding its
 * window's midpoint; a period the data in scope do not cover is "no data" and is not tested.
 */
import type Database from 'better-sqlite3';
import { adjustRows, type PeriodSpans } from '../../../shared/analysis/compare/period-comparison.js';
import {
  previousPeriod,
  samePeriodLastYear,
  spanDays,
  type TimeSpan,
} from '../../../shared/analysis/compare/periods.js';
import { repeatLocations } from '../../../shared/analysis/repeats/repeat-locations.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { isoDate, MS_PER_DAY, PRECISION_CODE } from '../../../shared/model/time.js';
import { bandEdges, MIN_KNOX_EVENTS, PROFILE_DEFAULTS } from '../../../shared/profile/defaults.js';
import { formatCount } from '../../../shared/profile/format.js';
import { headlineFacts } from '../../../shared/profile/headline-facts.js';
import type { ChainEventRow, DateRange, ProfileFront, ProfileInputs } from '../../../shared/profile/model.js';
import type { ProfileSubject } from '../../../shared/profile/subject.js';
import { dataCaveats } from '../../../shared/provenance/data-caveats.js';
import { filterWords } from '../../../shared/provenance/filter-words.js';
import type { AnalysisJob } from '../analysis/analysis-job.js';
import { runChainsAnalysis } from '../analysis/chains-service.js';
import { runKnoxAnalysis } from '../analysis/knox-service.js';
import { datasetCaveatSource, filterNames, recordKinds } from '../analysis/provenance.js';
import { withPrintBasemap } from '../basemap/print-tiles.js';
import type { EngineContext } from '../context.js';
import { listDatasets } from '../import/datasets.js';
import { actionResultsForProfile } from '../project/action-results.js';
import { recordedActionLines } from '../project/actions.js';
import { queryRecords, summariseRecords } from '../query/query-records.js';
import { getRecordCache } from '../query/record-cache.js';
import { toRecordColumns } from '../query/record-columns.js';
import { selectRecords } from '../query/select-records.js';
import { summariseSelection } from '../query/summarise.js';
import { hotspotTrends, REGRESSION_CAVEAT } from './hotspot-trends.js';
import { hourOfWeekTable } from './hour-of-week.js';
import {
  comparisonOf,
  coverageCaveats,
  coverageInWords,
  inSpan,
  monthlyTrend,
  profileSpan,
  scopeCoverage,
  selectPeriodRecords,
} from './period-counts.js';
import { datasetProvenance, mapLayers } from './profile-context.js';
import { profileParameters } from './profile-parameters.js';
import type { ProfileOptions, ProfileScope } from './profile-store.js';
import { apiFilter, optional, resolveSubject } from './profile-subject.js';

export interface GatherRequest {
  subject: ProfileSubject;
  period: DateRange;
  front: ProfileFront;
  scope: ProfileScope;
  options: ProfileOptions;
}

/** The profile's one job: a step reporter (1–4 of 5) and the signal every analysis runs under. */
export interface ProfileJob {
  step(step: number, message: string): void;
  signal: AbortSignal;
}

export const COUNTING_RULE =
  'Each record counts once, in the period holding the middle of its date window (a record dated to the month counts in that month).';

const STEPS = { kde: 1, counts: 2, knox: 3, chains: 4 } as const;

export function spanOf(range: DateRange): TimeSpan {
  const fromMs = Date.parse(`${range.from}T00:00:00Z`);
  const toMs = Date.parse(`${range.to}T00:00:00Z`) + MS_PER_DAY;
  if (!(Number.isFinite(fromMs) && Number.isFinite(toMs) && toMs > fromMs)) {
    throw new RangeError(`period ${range.from} to ${range.to} is not a valid date range`);
  }
  return { fromMs, toMs };
}

export function rangeOf(span: TimeSpan): DateRange {
  return { from: isoDate(span.fromMs), to: isoDate(span.toMs - 1) };
}

function analysisJob(job: ProfileJob, step: number, message: string): AnalysisJob {
  return { progress: () => job.step(step, message), signal: job.signal };
}

export async function gatherProfileInputs(
  ctx: EngineContext,
  request: GatherRequest,
  job: ProfileJob,
): Promise<ProfileInputs> {
  const { db, crs } = ctx.project();
  const { subject, options, scope } = request;

  const all = listDatasets(db);
  for (const id of scope.datasetIds ?? []) {
    if (!all.some((d) => d.id === id)) throw new ApiError('not-found', `There is no dataset with id ${id}`);
  }
  const scoped = scope.datasetIds ? all.filter((d) => scope.datasetIds!.includes(d.id)) : all;
  if (scoped.length === 0)
    throw new ApiError('refused', 'The project has no data yet: import a dataset first');

  const current = spanOf(request.period);
  const spans: PeriodSpans = {
    current,
    previous: previousPeriod(current),
    lastYear: samePeriodLastYear(current),
  };
  const span = profileSpan(spans);

  const base: RecordFilter = {};
  if (scope.datasetIds) base.datasetIds = [...scope.datasetIds];
  if (scope.categories) base.categories = [...scope.categories];
  if (subject.kind === 'category') {
    const known = summariseRecords(db, base).byCategory;
    const match = known.find((c) => c.category?.toLowerCase() === subject.name.toLowerCase());
    if (!match?.category) {
      throw new ApiError(
        'not-found',
        `There are no records of category "${subject.name}"; categories include: ${known
          .slice(0, 12)
          .map((c) => c.category ?? '(none)')
          .join(', ')}`,
      );
    }
    base.categories = [match.category];
  }
  const cache = getRecordCache(db);
  // Data sources: only the datasets that hold records of the scope (its categories), any date.
  const inScope = new Set<number>();
  for (const i of selectRecords(cache, base, null, { pointsOnly: false })) inScope.add(cache.datasetId[i]!);
  const datasets = scoped.filter((d) => inScope.has(d.id));
  const coverage = scopeCoverage(
    cache,
    datasets.map((d) => d.id),
  );

  // ---- the subject (and the period's density run) ----
  job.step(STEPS.kde, 'Kernel density and hotspots');
  const chainDistanceM = PROFILE_DEFAULTS.chainDistanceM;
  const chainDays = PROFILE_DEFAULTS.chainDays;
  const resolved = await resolveSubject(
    ctx,
    {
      subject,
      base,
      current,
      asOf: request.period.to,
      kdeParams: {
        ...(options.cellSizeM ? { cellSizeM: options.cellSizeM } : {}),
        ...(options.bandwidthM ? { bandwidthM: options.bandwidthM } : {}),
      },
      chainDistanceM,
      chainDays,
      scopePoints: () => queryRecords(db, { ...base, ...current }),
    },
    analysisJob(job, STEPS.kde, 'Kernel density and hotspots'),
  );
  job.signal.throwIfAborted();
  const { kde } = resolved;

  // ---- counts, trends and the period's records, by the one counting rule ----
  job.step(STEPS.counts, 'Counts and trends');
  const scopeRecords = selectPeriodRecords(db, cache, base, span);
  const subjectRecords =
    resolved.filter === base || sameFilter(resolved.filter, base)
      ? scopeRecords
      : selectPeriodRecords(db, cache, resolved.filter, span);
  const counts = counted(subjectRecords === scopeRecords, comparisonOf(subjectRecords, spans, coverage), () =>
    comparisonOf(scopeRecords, spans, coverage),
  );
  const trendSpan = { fromMs: Math.min(spans.previous.fromMs, spans.lastYear.fromMs), toMs: current.toMs };
  const currentIdx = inSpan(subjectRecords, current);
  // The caveats and gaps count the records the profile is about (the subject in the period), not whole datasets.
  const kinds = recordKinds(cache, currentIdx);
  const subjectKinds = (id: number) => kinds.get(id) ?? { records: 0, monthOnly: 0, windows: 0, areaOnly: 0 };
  const summary = summariseSelection(cache, currentIdx);
  const pointIdx = currentIdx.filter((i) => !Number.isNaN(cache.x[i]!));
  const points = toRecordColumns(cache, pointIdx);
  const hours = hourOfWeekTable(points);
  const repeats = repeatLocations({
    x: points.x,
    y: points.y,
    timeMs: Float64Array.from(pointIdx, (i) => cache.fromMs[i]! + (cache.toMs[i]! - cache.fromMs[i]!) / 2),
    datedToDay: Uint8Array.from(points.precision, (p) => (p === PRECISION_CODE.month ? 0 : 1)),
    locationCode: points.locationCode,
    locations: points.locations,
  });
  const trends = kde ? hotspotTrends(cache, scopeRecords, kde.hotspots, spans, coverage) : [];
  const exposureDays = {
    current: spanDays(spans.current),
    previous: spanDays(spans.previous),
    lastYear: spanDays(spans.lastYear),
  };
  const facts = headlineFacts({
    scope: counts.scope,
    subject: counts.subject,
    subjectHotspotRank: subject.kind === 'hotspot' ? subject.rank : null,
    hotspots: trends,
    exposureDays,
  });
  job.signal.throwIfAborted();

  // ---- near repeat ----
  job.step(STEPS.knox, 'Near-repeat (Knox) test');
  const knoxSettings = {
    distanceBandM: options.knoxDistanceBandM ?? PROFILE_DEFAULTS.knoxDistanceBandM,
    distanceBands: options.knoxDistanceBands ?? PROFILE_DEFAULTS.knoxDistanceBands,
    timeBandDays: options.knoxTimeBandDays ?? PROFILE_DEFAULTS.knoxTimeBandDays,
    timeBands: options.knoxTimeBands ?? PROFILE_DEFAULTS.knoxTimeBands,
    iterations: options.knoxIterations ?? PROFILE_DEFAULTS.knoxIterations,
    seed: options.seed ?? PROFILE_DEFAULTS.seed,
  };
  const periodFilter = apiFilter({ ...resolved.filter, ...current });
  // Day-level methods refuse month-only records unless overridden; a profile does not override, and
  // says why in the reader's terms rather than passing on the refusal's instructions.
  const monthOnly = points.precision.reduce((n, p) => n + (p === PRECISION_CODE.month ? 1 : 0), 0);
  const monthOnlyNote =
    monthOnly === 0
      ? null
      : `${formatCount(monthOnly)} of the period's ${formatCount(points.count)} events are dated to the month only (e.g. police.uk): ` +
        'near-repeat analysis needs the day of each event, so it was not run.';
  const knoxRun =
    monthOnlyNote !== null
      ? { value: null, note: monthOnlyNote }
      : points.count < MIN_KNOX_EVENTS
        ? {
            value: null,
            note: `${formatCount(points.count)} events with a point in the period; the Knox test needs at least ${MIN_KNOX_EVENTS}.`,
          }
        : await optional(() =>
            runKnoxAnalysis(
              ctx,
              {
                filter: periodFilter,
                distanceEdgesM: bandEdges(knoxSettings.distanceBandM, knoxSettings.distanceBands),
                timeEdgesDays: bandEdges(knoxSettings.timeBandDays, knoxSettings.timeBands),
                iterations: knoxSettings.iterations,
                seed: knoxSettings.seed,
              },
              analysisJob(job, STEPS.knox, 'Near-repeat (Knox) test'),
            ),
          );
  job.signal.throwIfAborted();

  // ---- chains (series) ----
  job.step(STEPS.chains, 'Near-repeat series');
  const suggestion = knoxRun.value?.suggestion ?? null;
  const chainsFilter = resolved.chains ? apiFilter({ ...base, ...current }) : periodFilter;
  const chainsRun =
    resolved.chains !== null
      ? { value: resolved.chains, note: null }
      : monthOnlyNote !== null
        ? { value: null, note: monthOnlyNote }
        : points.count < 2
          ? { value: null, note: 'fewer than two events with a point in the period.' }
          : await optional(() =>
              runChainsAnalysis(
                ctx,
                {
                  filter: chainsFilter,
                  distanceM: suggestion ? suggestion.distanceM : chainDistanceM,
                  days: suggestion ? suggestion.days : chainDays,
                  ...(suggestion ? { metric: suggestion.metric, thresholdSource: suggestion.source } : {}),
                  // The period's hotspots, so a chain that is really the hotspot's own traffic is flagged.
                  ...(kde && kde.hotspots.length > 0
                    ? { hotspots: kde.hotspots.map((h) => [h.polygon]) }
                    : {}),
                  asOf: request.period.to,
                },
                analysisJob(job, STEPS.chains, 'Near-repeat series'),
              ),
            );
  job.signal.throwIfAborted();
  const chainEvents: ChainEventRow[] = chainsRun.value
    ? chainRows(db, chainsRun.value.chains, chainsFilter)
    : [];

  // ---- provenance ----
  const names = filterNames(ctx, all);
  const outlineWords =
    subject.kind === 'hotspot'
      ? `inside the outline of hotspot ${subject.rank}`
      : subject.kind === 'chain'
        ? `inside the footprint of near-repeat series ${subject.id}`
        : null;
  const { area: _outline, ...withoutOutline } = resolved.filter;
  const filterText = [
    filterWords({ ...(outlineWords ? withoutOutline : resolved.filter), ...current }, names),
    ...(outlineWords ? [outlineWords] : []),
  ].join('; ');
  // The analyses' own data caveats repeat the profile's (same builder), so only their method notes are kept.
  const dataPrefixes = all.map((d) => `${d.name}: `);
  const methodOnly = (caveats: readonly string[]) =>
    caveats.filter((c) => !dataPrefixes.some((p) => c.startsWith(p)));
  const caveats = [
    ...dataCaveats(
      datasets.map((d) => datasetCaveatSource(d, subjectKinds(d.id))),
      { windowBasis: 'midpoint' },
    ),
    COUNTING_RULE,
    ...coverageCaveats(coverage, spans),
    ...methodOnly(kde?.provenance.caveats ?? []),
    ...methodOnly(knoxRun.value?.notes ?? []),
    ...methodOnly(chainsRun.value?.notes ?? []),
  ];
  const periods = {
    current: request.period,
    previous: rangeOf(spans.previous),
    lastYear: rangeOf(spans.lastYear),
  };

  return withPrintBasemap(db, {
    subject,
    subjectLabel: resolved.label,
    front: request.front,
    periods,
    scopeText: `${datasets.map((d) => d.name).join(', ')}${base.categories ? `; categories: ${base.categories.join(', ')}` : '; all categories'}`,
    counts: counts.subject,
    recordedActions: recordedActionLines(db, periods.current),
    actionResults: actionResultsForProfile(db, periods.current),
    coverage: coverageInWords(coverage),
    scopeCounts: counts.scope,
    hotspotTrends: trends,
    regressionCaveat: REGRESSION_CAVEAT,
    headlineFacts: facts,
    areaOnly: summary.areaOnly,
    byCategory: summary.byCategory.map((c) => ({ category: c.category ?? '(no category)', count: c.count })),
    byMonth: monthlyTrend(subjectRecords, trendSpan, coverage),
    hourOfWeek: hours.table,
    aoristicNote: hours.note,
    repeatLocations: repeats,
    kde,
    kdeNote: resolved.kdeNote,
    subjectArea: resolved.outline,
    subjectHotspotRank: subject.kind === 'hotspot' ? subject.rank : null,
    knox: knoxRun.value,
    knoxNote: knoxRun.note,
    chains: chainsRun.value,
    chainsNote: chainsRun.note,
    chainEvents,
    points: { x: Array.from(points.x), y: Array.from(points.y) },
    layers: mapLayers(db, crs, resolved.area?.layerId ?? null),
    datasets: datasets.map((d) => ({ ...datasetProvenance(d), inSubject: subjectKinds(d.id) })),
    caveats: [...new Set(caveats)],
    parameters: profileParameters({
      periods,
      currentDays: exposureDays.current,
      kde,
      knox: knoxRun.value,
      chains: chainsRun.value,
      chainThresholdsFrom:
        resolved.chains !== null || !suggestion
          ? `the profile's defaults (${chainDistanceM} m, ${chainDays} days)`
          : suggestion.source,
    }),
    appVersion: ctx.appVersion,
    generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    filterText,
  });
}

/** True when the subject's records are the scope's (a crime-type subject). */
function sameFilter(a: RecordFilter, b: RecordFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The subject's and the scope's comparisons, as one table (BH across its rows) when they differ;
 * for a crime-type subject they are the same records and one row.
 */
function counted(
  same: boolean,
  subject: ReturnType<typeof comparisonOf>,
  scope: () => ReturnType<typeof comparisonOf>,
): { subject: ReturnType<typeof comparisonOf>; scope: ReturnType<typeof comparisonOf> } {
  if (same) {
    const [row] = adjustRows([subject]);
    return { subject: row!, scope: row! };
  }
  const [s, w] = adjustRows([subject, scope()]);
  return { subject: s!, scope: w! };
}

function chainRows(
  db: Database.Database,
  chains: readonly { id: number; memberRecordIds: readonly number[] }[],
  filter: RecordFilter,
): ChainEventRow[] {
  const cols = queryRecords(db, filter);
  const index = new Map<number, number>();
  for (let i = 0; i < cols.count; i++) index.set(cols.id[i]!, i);
  const rows: ChainEventRow[] = [];
  for (const chain of chains) {
    for (const id of chain.memberRecordIds) {
      const i = index.get(id);
      if (i === undefined) continue;
      const c = cols.categoryCode[i]!;
      const l = cols.locationCode[i]!;
      rows.push({
        chainId: chain.id,
        recordId: id,
        date: isoDate(cols.fromMs[i]! + (cols.toMs[i]! - cols.fromMs[i]!) / 2),
        x: cols.x[i]!,
        y: cols.y[i]!,
        category: c >= 0 ? cols.categories[c]! : null,
        location: l >= 0 ? cols.locations[l]! : null,
      });
    }
  }
  return rows;
}
