/**
 * Gathers everything a problem profile shows (shared/profile/model.ts ProfileInputs) for one subject
 * and period, from the project: counts by query, analyses through the same Api handlers the map uses
 * (runKde, runKnox, runChains: worker threads, results cached in the project), the aoristic table and
 * repeat locations in-process (they are one pass over the period's records).
 *
 * Periods: the current period is [from 00:00, to + 1 day 00:00) in wall-clock time; the previous
 * period has the same length just before it, and "same period last year" the same calendar dates a
 * year earlier (shared/analysis/compare/periods.ts). A record counts in a period when its time
 * window overlaps it (shared/model/records.ts RecordFilter). Changes are tested with the exact
 * conditional Poisson test on the counts with the periods' lengths in days as exposures.
 *
 * Subjects: hotspot:N is hotspot N of the period's density run over the scope; area:NAME a boundary
 * feature (the density run is then clipped to it); category:NAME the scope narrowed to the category;
 * chain:ID chain ID of the period's chains run (default thresholds), its footprint the convex hull of
 * its events grown by the link distance.
 */

import { aoristic } from '../../../shared/analysis/aoristic/aoristic.js';
import { convexHull } from '../../../shared/analysis/chains/convex-hull.js';
import {
  previousPeriod,
  samePeriodLastYear,
  spanDays,
  type TimeSpan,
} from '../../../shared/analysis/compare/periods.js';
import { poissonRateTest } from '../../../shared/analysis/compare/poisson-rate-test.js';
import type { analysisMethods, KdeRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { RecordColumns, RecordFilter } from '../../../shared/model/records.js';
import { isoDate, MS_PER_DAY, PRECISION_CODE } from '../../../shared/model/time.js';
import { bandEdges, MIN_KNOX_EVENTS, PROFILE_DEFAULTS } from '../../../shared/profile/defaults.js';
import { formatCount } from '../../../shared/profile/format.js';
import type {
  ChainEventRow,
  DateRange,
  MultiPolygonCoords,
  ProfileFront,
  ProfileInputs,
} from '../../../shared/profile/model.js';
import type { ProfileSubject } from '../../../shared/profile/subject.js';
import type { EngineContext, Handlers } from '../context.js';
import { listDatasets } from '../import/datasets.js';
import { queryRecords, summariseRecords } from '../query/query-records.js';
import {
  type AreaFeature,
  dataCaveats,
  datasetProvenance,
  findAreaFeature,
  mapLayers,
} from './profile-context.js';
import type { ProfileOptions, ProfileScope } from './profile-store.js';

export type AnalysisRunner = Pick<Handlers<typeof analysisMethods>, 'runKde' | 'runKnox' | 'runChains'>;

export interface GatherRequest {
  subject: ProfileSubject;
  period: DateRange;
  front: ProfileFront;
  scope: ProfileScope;
  options: ProfileOptions;
}

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

/** Turns a refusal of an optional analysis into a note; anything else propagates. */
async function optional<T>(run: () => Promise<T>): Promise<{ value: T | null; note: string | null }> {
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

function hourOfWeekTable(points: RecordColumns): { table: number[][]; note: string } {
  const keep: number[] = [];
  let months = 0;
  for (let i = 0; i < points.count; i++) {
    if (points.precision[i] === PRECISION_CODE.month) months++;
    else keep.push(i);
  }
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]!);
  const result = aoristic({
    fromMs: pick(points.fromMs),
    toMs: pick(points.toMs),
    precision: Uint8Array.from(keep, (i) => points.precision[i]!),
  });
  const table = Array.from({ length: 7 }, (_, d) =>
    Array.from(result.hourOfWeek.subarray(d * 24, d * 24 + 24)),
  );
  const t = result.treated;
  const note =
    `${formatCount(result.events)} events with a point: ${formatCount(t.exact)} at an exact time, ${formatCount(t.window)} with a from/to window shared over its hours, ` +
    `${formatCount(t.date)} with a date only spread over that day, ${formatCount(t.spreadEvenly)} with windows of a week or more spread evenly` +
    (months > 0 ? `; ${formatCount(months)} month-only records left out` : '') +
    '. Cells hold events (shares of windows add up to whole events).';
  return { table, note };
}

function repeatLocations(points: RecordColumns): { location: string; count: number }[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < points.count; i++) {
    const c = points.locationCode[i]!;
    if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .map(([c, count]) => ({ location: points.locations[c]!, count }))
    .sort((a, b) => b.count - a.count || a.location.localeCompare(b.location));
}

export async function gatherProfileInputs(
  ctx: EngineContext,
  runner: AnalysisRunner,
  request: GatherRequest,
  jobId: string,
  progress: (step: number, message: string) => void,
): Promise<ProfileInputs> {
  const { db, crs } = ctx.project();
  const { subject, options, scope } = request;
  const sub = (name: string) => `${jobId.slice(0, 52)}-${name}`;
  const steps = { counts: 1, kde: 2, knox: 3, chains: 4 } as const;

  const all = listDatasets(db);
  for (const id of scope.datasetIds ?? []) {
    if (!all.some((d) => d.id === id)) throw new ApiError('not-found', `There is no dataset with id ${id}`);
  }
  const datasets = scope.datasetIds ? all.filter((d) => scope.datasetIds!.includes(d.id)) : all;
  if (datasets.length === 0)
    throw new ApiError('refused', 'The project has no data yet: import a dataset first');

  const current = spanOf(request.period);
  const previous = previousPeriod(current);
  const lastYear = samePeriodLastYear(current);
  const inPeriod = (f: RecordFilter, s: TimeSpan): RecordFilter => ({ ...f, fromMs: s.fromMs, toMs: s.toMs });
  // The Api's schema types polygon vertices as [x, y] tuples; a RecordFilter's vertices are the same arrays.
  const apiFilter = (f: RecordFilter, s: TimeSpan) =>
    inPeriod(f, s) as InputOf<typeof analysisMethods, 'runKde'>['filter'];

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
  const kdeParams = {
    ...(options.cellSizeM ? { cellSizeM: options.cellSizeM } : {}),
    ...(options.bandwidthM ? { bandwidthM: options.bandwidthM } : {}),
  };
  const chainDistanceM = PROFILE_DEFAULTS.chainDistanceM;
  const chainDays = PROFILE_DEFAULTS.chainDays;

  // ---- the subject's area ----
  let area: AreaFeature | null = null;
  let subjectArea: MultiPolygonCoords | null = null;
  let subjectFilter: RecordFilter = { ...base };
  let subjectLabel = subject.kind === 'category' ? base.categories![0]! : '';
  let kde: KdeRunResult | null = null;
  let kdeNote: string | null = null;
  let preChains: Awaited<ReturnType<AnalysisRunner['runChains']>> | null = null;
  progress(steps.kde, 'Kernel density and hotspots');
  if (subject.kind === 'area') {
    area = findAreaFeature(db, subject.name);
    subjectArea = area.polygons;
    subjectFilter = { ...base, area: { boundaryFeatureId: area.id } };
    subjectLabel = `${area.name ?? area.code} (${area.layerName})`;
    const run = await optional(() =>
      runner.runKde({
        jobId: sub('kde'),
        filter: apiFilter(subjectFilter, current),
        params: { ...kdeParams, clip: { boundaryFeatureId: area!.id } },
      }),
    );
    kde = run.value;
    kdeNote = run.note;
  } else {
    const run = await optional(() =>
      runner.runKde({ jobId: sub('kde'), filter: apiFilter(base, current), params: kdeParams }),
    );
    kde = run.value;
    kdeNote = run.note;
  }
  if (subject.kind === 'hotspot') {
    if (!kde)
      throw new ApiError(
        'refused',
        `No density surface for the period, so no hotspot ${subject.rank}: ${kdeNote ?? ''}`,
      );
    const hotspot = kde.hotspots.find((h) => h.rank === subject.rank);
    if (!hotspot) {
      throw new ApiError(
        'not-found',
        `The period's density run has ${kde.hotspots.length} hotspots; there is no hotspot ${subject.rank}`,
      );
    }
    subjectArea = [hotspot.polygon];
    subjectFilter = { ...base, area: { polygon: hotspot.polygon } };
    subjectLabel = `Hotspot ${hotspot.rank}${hotspot.topLocations[0] ? ` (${hotspot.topLocations[0].name})` : ''}`;
  }
  if (subject.kind === 'chain') {
    progress(steps.chains, 'Near-repeat series');
    preChains = await runner.runChains({
      jobId: sub('chains'),
      filter: apiFilter(base, current),
      distanceM: chainDistanceM,
      days: chainDays,
      asOf: request.period.to,
    });
    const chain = preChains.chains.find((c) => c.id === subject.id);
    if (!chain) {
      throw new ApiError(
        'not-found',
        `The period has ${preChains.chains.length} near-repeat chains; there is no chain ${subject.id}`,
      );
    }
    const cols = queryRecords(db, inPeriod(base, current));
    const index = new Map<number, number>();
    for (let i = 0; i < cols.count; i++) index.set(cols.id[i]!, i);
    const members = chain.memberRecordIds.map((id) => index.get(id)!).filter((i) => i !== undefined);
    subjectArea = footprint(
      members.map((i) => cols.x[i]!),
      members.map((i) => cols.y[i]!),
      chainDistanceM,
    );
    subjectFilter = { ...base, area: { polygon: subjectArea[0]! } };
    subjectLabel = `Near-repeat series ${chain.id} (${chain.size} events)`;
  }

  // ---- counts and the period's records ----
  progress(steps.counts, 'Counts and trends');
  const summary = summariseRecords(db, inPeriod(subjectFilter, current));
  const countIn = (s: TimeSpan) => summariseRecords(db, inPeriod(subjectFilter, s)).total;
  const counts = { current: summary.total, previous: countIn(previous), lastYear: countIn(lastYear) };
  const trendFrom = Math.min(previous.fromMs, lastYear.fromMs);
  const byMonth = summariseRecords(db, { ...subjectFilter, fromMs: trendFrom, toMs: current.toMs }).byMonth;
  const points = queryRecords(db, inPeriod(subjectFilter, current));
  const hours = hourOfWeekTable(points);

  // ---- near repeat ----
  progress(steps.knox, 'Near-repeat (Knox) test');
  const knoxSettings = {
    distanceBandM: options.knoxDistanceBandM ?? PROFILE_DEFAULTS.knoxDistanceBandM,
    distanceBands: options.knoxDistanceBands ?? PROFILE_DEFAULTS.knoxDistanceBands,
    timeBandDays: options.knoxTimeBandDays ?? PROFILE_DEFAULTS.knoxTimeBandDays,
    timeBands: options.knoxTimeBands ?? PROFILE_DEFAULTS.knoxTimeBands,
    iterations: options.knoxIterations ?? PROFILE_DEFAULTS.knoxIterations,
    seed: options.seed ?? PROFILE_DEFAULTS.seed,
  };
  const knoxRun =
    points.count < MIN_KNOX_EVENTS
      ? {
          value: null,
          note: `${formatCount(points.count)} events with a point in the period; the Knox test needs at least ${MIN_KNOX_EVENTS}.`,
        }
      : await optional(() =>
          runner.runKnox({
            jobId: sub('knox'),
            filter: apiFilter(subjectFilter, current),
            distanceEdgesM: bandEdges(knoxSettings.distanceBandM, knoxSettings.distanceBands),
            timeEdgesDays: bandEdges(knoxSettings.timeBandDays, knoxSettings.timeBands),
            iterations: knoxSettings.iterations,
            seed: knoxSettings.seed,
          }),
        );

  // ---- chains (series) ----
  progress(steps.chains, 'Near-repeat series');
  const suggestion = knoxRun.value?.suggestion;
  const linkM = suggestion && !suggestion.capped ? suggestion.distanceM : chainDistanceM;
  const linkDays = suggestion && !suggestion.capped ? suggestion.days : chainDays;
  const chainsRun =
    preChains !== null
      ? { value: preChains, note: null }
      : points.count < 2
        ? { value: null, note: 'fewer than two events with a point in the period.' }
        : await optional(() =>
            runner.runChains({
              jobId: sub('chains'),
              filter: apiFilter(subjectFilter, current),
              distanceM: linkM,
              days: linkDays,
              asOf: request.period.to,
            }),
          );
  const chainEvents: ChainEventRow[] = [];
  if (chainsRun.value) {
    const cols = preChains ? queryRecords(db, inPeriod(base, current)) : points;
    const index = new Map<number, number>();
    for (let i = 0; i < cols.count; i++) index.set(cols.id[i]!, i);
    for (const chain of chainsRun.value.chains) {
      for (const id of chain.memberRecordIds) {
        const i = index.get(id);
        if (i === undefined) continue;
        const c = cols.categoryCode[i]!;
        const l = cols.locationCode[i]!;
        chainEvents.push({
          chainId: chain.id,
          recordId: id,
          date: isoDate(cols.fromMs[i]!),
          x: cols.x[i]!,
          y: cols.y[i]!,
          category: c >= 0 ? cols.categories[c]! : null,
          location: l >= 0 ? cols.locations[l]! : null,
        });
      }
    }
  }

  // ---- provenance ----
  const days = (s: TimeSpan) => spanDays(s);
  const caveats = [
    ...dataCaveats(datasets),
    'A record counts in a period when its time window overlaps the period.',
    ...(kde?.provenance.caveats ?? []),
    ...(knoxRun.value?.notes ?? []),
    ...(chainsRun.value?.notes ?? []),
  ];
  const scopeNames = datasets.map((d) => d.name).join(', ');
  const parameters: ProfileInputs['parameters'] = [
    {
      method: 'Periods',
      name: 'current',
      value: `${request.period.from} to ${request.period.to} (${days(current)} days)`,
    },
    { method: 'Periods', name: 'previous', value: `${rangeOf(previous).from} to ${rangeOf(previous).to}` },
    {
      method: 'Periods',
      name: 'same period last year',
      value: `${rangeOf(lastYear).from} to ${rangeOf(lastYear).to}`,
    },
    {
      method: 'Change test',
      name: 'test',
      value: 'exact conditional Poisson (binomial), two-sided, alpha 0.05, exposures in days',
    },
  ];
  if (kde) {
    const p = kde.params;
    parameters.push(
      { method: 'Kernel density', name: 'kernel', value: p.kernel },
      {
        method: 'Kernel density',
        name: 'cell size',
        value: `${p.cellSizeM.toFixed(2)} m${p.defaulted.includes('cellSizeM') ? ' (default: shorter side / 150)' : ''}`,
      },
      {
        method: 'Kernel density',
        name: 'bandwidth',
        value: `${p.bandwidthM.toFixed(2)} m${p.defaulted.includes('bandwidthM') ? ' (default: 5 cells)' : ''}`,
      },
      {
        method: 'Kernel density',
        name: 'extent',
        value: `${p.extentSource}: ${[p.extent.minX, p.extent.minY, p.extent.maxX, p.extent.maxY].map((v) => v.toFixed(1)).join(', ')}`,
      },
      {
        method: 'Kernel density',
        name: 'grid',
        value: `${kde.grid.width} × ${kde.grid.height} cells, ${p.clippedToBoundary ? 'clipped to the area' : 'not clipped'}, weights ${p.weighted ? 'used' : 'none'}`,
      },
      {
        method: 'Kernel density',
        name: 'events',
        value: `${formatCount(kde.counts.used)} used of ${formatCount(kde.counts.total)}`,
      },
      {
        method: 'Hotspots',
        name: 'thresholds',
        value: kde.thresholds.map((t) => `${t.label} = ${t.value.toFixed(2)}`).join('; '),
      },
      { method: 'Hotspots', name: 'hotspot class', value: String(kde.params.hotspotClass) },
      { method: 'Hotspots', name: 'study area A (PAI)', value: `${kde.studyAreaKm2.toFixed(3)} km²` },
      {
        method: 'Kernel density',
        name: 'analysis id',
        value: `${kde.analysisId}${kde.cached ? ' (from the project cache)' : ''}`,
      },
    );
  }
  const knox = knoxRun.value;
  if (knox) {
    parameters.push(
      {
        method: 'Knox test',
        name: 'distance edges (m)',
        value: knox.distanceEdges.map((e) => (e === null ? '∞' : String(e))).join(', '),
      },
      {
        method: 'Knox test',
        name: 'time edges (days)',
        value: knox.timeEdges.map((e) => (e === null ? '∞' : String(e))).join(', '),
      },
      { method: 'Knox test', name: 'metric', value: knox.metric },
      { method: 'Knox test', name: 'iterations', value: String(knox.iterations) },
      { method: 'Knox test', name: 'seed', value: String(knox.seed) },
      { method: 'Knox test', name: 'analysis id', value: String(knox.analysisId) },
    );
  }
  const chains = chainsRun.value;
  if (chains) {
    parameters.push(
      { method: 'Chains', name: 'link rule', value: chains.linkRule },
      { method: 'Chains', name: 'metric', value: chains.metric },
      { method: 'Chains', name: 'live as of', value: chains.asOf ?? '—' },
      {
        method: 'Chains',
        name: 'thresholds from',
        value:
          preChains || !(suggestion && !suggestion.capped)
            ? 'profile defaults (200 m, 7 days)'
            : 'the Knox table (suggested)',
      },
    );
  }
  parameters.push({
    method: 'Aoristic',
    name: 'rule',
    value: 'share of each window per hour; windows ≥ 1 week spread evenly; date-only spread over the day',
  });

  return {
    subject,
    subjectLabel,
    front: request.front,
    periods: { current: request.period, previous: rangeOf(previous), lastYear: rangeOf(lastYear) },
    scopeText: `${scopeNames}${base.categories ? `; categories: ${base.categories.join(', ')}` : '; all categories'}`,
    counts: {
      ...counts,
      vsPrevious: poissonRateTest(counts.current, counts.previous, days(current), days(previous)),
      vsLastYear: poissonRateTest(counts.current, counts.lastYear, days(current), days(lastYear)),
    },
    areaOnly: summary.areaOnly,
    byCategory: summary.byCategory.map((c) => ({ category: c.category ?? '(no category)', count: c.count })),
    byMonth,
    hourOfWeek: hours.table,
    aoristicNote: hours.note,
    repeatLocations: repeatLocations(points),
    kde,
    kdeNote,
    subjectArea,
    subjectHotspotRank: subject.kind === 'hotspot' ? subject.rank : null,
    knox,
    knoxNote: knoxRun.note,
    chains,
    chainsNote: chainsRun.note,
    chainEvents,
    points: { x: Array.from(points.x), y: Array.from(points.y) },
    layers: mapLayers(db, crs, area?.layerId ?? null),
    datasets: datasets.map(datasetProvenance),
    caveats: [...new Set(caveats)],
    parameters,
    appVersion: ctx.appVersion,
    generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    filterJson: JSON.stringify(
      inPeriod(
        subjectFilter.area && 'polygon' in subjectFilter.area
          ? { ...subjectFilter, area: { polygon: '(the subject outline)' } as never }
          : subjectFilter,
        current,
      ),
    ),
  };
}
