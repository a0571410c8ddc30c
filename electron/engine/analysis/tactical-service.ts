/**
 * The tactical assessment (issue 13 item 1; DESIGN.md §4 "Period comparison and significance",
 * "Kernel density", "Near-repeat chains"): what changed between this period and the previous one of
 * the same length, and against the same dates last year. What the `runTactical` handler and
 * `hotspot tactical` call.
 *
 *   counts     the total, each category and each area (the features of one boundary layer) in the
 *              three periods, by the one counting rule (window midpoint), exact Poisson tests and BH
 *              across each table's rows (shared/analysis/tactical/comparison-table.ts); a period the
 *              data do not cover is "no data", never 0
 *   hotspots   the kernel density service run on each period on ONE grid (the extent of both periods'
 *              events, one cell size and bandwidth), hotspots classed by outline overlap
 *              (shared/analysis/tactical/hotspot-change.ts), each outline's events counted in all three
 *              periods and tested against the previous one (BH across the hotspots, the profile's
 *              hotspotTrends)
 *   surface    this period's density minus the previous one's (density-difference.ts)
 *   series     per crime type, thresholds from its Knox test, the chains service over both periods
 *              as of the current period's last day: series candidates that started in this period,
 *              and those still live (tactical-series.ts)
 */
import { covers } from '../../../shared/analysis/compare/coverage.js';
import { countInPeriods } from '../../../shared/analysis/compare/period-comparison.js';
import { previousPeriod, samePeriodLastYear } from '../../../shared/analysis/compare/periods.js';
import type { PolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import { planKde } from '../../../shared/analysis/kde/plan.js';
import { polygonCentroid } from '../../../shared/analysis/tactical/centroid.js';
import {
  comparisonTable,
  countsByGroup,
  type TableRow,
} from '../../../shared/analysis/tactical/comparison-table.js';
import { densityDifference } from '../../../shared/analysis/tactical/density-difference.js';
import { CHANGE_RULE, classifyHotspotChanges } from '../../../shared/analysis/tactical/hotspot-change.js';
import { countWindows, windowCaveat } from '../../../shared/analysis/tactical/window-caveat.js';
import type { KdeRunResult } from '../../../shared/api/analysis-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { TacticalHotspot, TacticalInput, TacticalResult } from '../../../shared/api/tactical-api.js';
import { makeTransform } from '../../../shared/crs/transform.js';
import type { RecordFilter } from '../../../shared/model/records.js';
import { PRECISION_CODE } from '../../../shared/model/time.js';
import { listBoundaryLayers } from '../boundaries/boundary-layers.js';
import { countByArea } from '../boundaries/count-by-area.js';
import type { EngineContext } from '../context.js';
import { rangeOf, spanOf } from '../profile/gather.js';
import { hotspotTrends, REGRESSION_CAVEAT } from '../profile/hotspot-trends.js';
import {
  coverageCaveats,
  coverageInWords,
  profileSpan,
  scopeCoverage,
  selectPeriodRecords,
} from '../profile/period-counts.js';
import { apiFilter, optional } from '../profile/profile-subject.js';
import { queryRecords } from '../query/query-records.js';
import { getRecordCache } from '../query/record-cache.js';
import type { AnalysisJob } from './analysis-job.js';
import { runKdeAnalysis } from './kde-service.js';
import { analysisProvenance } from './provenance.js';
import { tacticalSeries } from './tactical-series.js';

type Spans = {
  current: { fromMs: number; toMs: number };
  previous: { fromMs: number; toMs: number };
  lastYear: { fromMs: number; toMs: number };
};

const STEPS = 5;
/** A window longer than a week (the usual near-repeat link time) dates its record too loosely to link. */
const LONG_WINDOW_DAYS = 7;
/** Crime types listed for each hotspot. */
const CRIME_MIX_TYPES = 3;

export async function runTacticalAssessment(
  ctx: EngineContext,
  input: Omit<TacticalInput, 'jobId'>,
  job: AnalysisJob,
): Promise<TacticalResult> {
  const { db, crs } = ctx.project();
  const current = spanOf({ from: input.from, to: input.to });
  const spans: Spans = { current, previous: previousPeriod(current), lastYear: samePeriodLastYear(current) };
  const base: RecordFilter = {};
  if (input.datasetIds) base.datasetIds = [...input.datasetIds];
  if (input.categories) base.categories = [...input.categories];

  job.progress(0, STEPS, 'Counts by category and area');
  const cache = getRecordCache(db);
  const records = selectPeriodRecords(db, cache, base, profileSpan(spans));
  const datasetIds = input.datasetIds ?? [
    ...new Set(Array.from(records.indices, (i) => cache.datasetId[i]!)),
  ];
  const coverage = scopeCoverage(cache, datasetIds);
  if (coverage === null)
    throw new ApiError('refused', 'The datasets chosen hold no records: import data first');
  const total = comparisonTable(
    [{ label: 'All', counts: countInPeriods(records.midMs, spans) }],
    spans,
    coverage,
  )[0]!;
  const byCategory = comparisonTable(
    countsByGroup(
      records.midMs,
      Int32Array.from(records.indices, (i) => cache.categoryCode[i]!),
      cache.categories,
      spans,
    ),
    spans,
    coverage,
  );
  const areas = areaTable(ctx, base, spans, coverage, input.boundaryLayerId, total);

  job.progress(1, STEPS, 'Density of each period');
  const density = await densityRuns(ctx, base, spans, input, job);
  job.signal.throwIfAborted();

  job.progress(3, STEPS, 'Hotspot changes');
  const difference = density.runs
    ? densityDifference(density.runs.current.grid, density.runs.previous.grid)
    : null;
  const hotspots = density.runs ? hotspotChanges(ctx, crs, records, spans, coverage, density.runs) : [];

  job.progress(4, STEPS, 'Near-repeat series');
  const series = await tacticalSeries(
    ctx,
    {
      base,
      span: { fromMs: spans.previous.fromMs, toMs: spans.current.toMs },
      period: { from: input.from, to: input.to, previous: rangeOf(spans.previous) },
      types: byCategory.map((r) => ({ label: r.label, events: r.current + (r.previous ?? 0) })),
      hotspots: density.runs ? density.runs.current.hotspots.map((h) => [h.polygon]) : [],
    },
    input,
    {
      progress: (done, total, message) => job.progress(4 + (total > 0 ? done / total : 0), STEPS, message),
      signal: job.signal,
    },
  );

  const periods = {
    current: rangeOf(spans.current),
    previous: rangeOf(spans.previous),
    lastYear: rangeOf(spans.lastYear),
  };
  const caveats = [...coverageCaveats(coverage, spans)];
  const windows = windowCaveat(
    countWindows(
      {
        midMs: records.midMs,
        lengthMs: Float64Array.from(records.indices, (i) => cache.toMs[i]! - cache.fromMs[i]!),
        isWindow: Array.from(records.indices, (i) => cache.precision[i] === PRECISION_CODE.window),
      },
      spans.current,
      LONG_WINDOW_DAYS,
    ),
    LONG_WINDOW_DAYS,
  );
  if (windows) caveats.push(windows);
  if (density.thresholdNote) caveats.push(density.thresholdNote);
  if (hotspots.length > 0) caveats.push(REGRESSION_CAVEAT);
  if (!covers(coverage, spans.previous))
    caveats.push(
      'The previous period is not covered by the data: hotspot changes against it are not meaningful.',
    );
  const columns = queryRecords(db, apiFilter({ ...base, ...spans.current }));
  job.progress(STEPS, STEPS);
  return {
    periods,
    coverage: coverageInWords(coverage),
    total,
    byCategory,
    byArea: areas.rows,
    areaLayer: areas.layer,
    withoutArea: areas.withoutArea,
    hotspots,
    changeRule: CHANGE_RULE,
    density:
      density.runs && difference
        ? {
            kernel: density.runs.current.params.kernel,
            cellSizeM: density.runs.current.params.cellSizeM,
            bandwidthM: density.runs.current.params.bandwidthM,
            difference: difference.grid,
            largestRise: difference.largestRise,
            largestFall: difference.largestFall,
            currentAnalysisId: density.runs.current.analysisId,
            previousAnalysisId: density.runs.previous.analysisId,
          }
        : null,
    densityNote: density.note,
    series,
    caveats,
    provenance: analysisProvenance(ctx, {
      filter: apiFilter({ ...base, ...spans.current }),
      columns,
      // Counts are by window midpoint, but the window caveat is the assessment's own (with its
      // denominator and the long windows), so the data caveats do not repeat it.
      windowBasis: null,
      caveats,
    }),
  };
}

/** Counts per feature of the boundary layer in each period (countByArea: containment, or code). */
function areaTable(
  ctx: EngineContext,
  base: RecordFilter,
  spans: Spans,
  coverage: Parameters<typeof comparisonTable>[2],
  layerId: number | undefined,
  total: TableRow,
): { rows: TableRow[]; layer: string | null; withoutArea: TacticalResult['withoutArea'] } {
  const { db } = ctx.project();
  const layers = listBoundaryLayers(db);
  const layer = layerId === undefined ? layers[0] : layers.find((l) => l.id === layerId);
  if (layerId !== undefined && !layer)
    throw new ApiError('not-found', `There is no boundary layer with id ${layerId}`);
  if (!layer) return { rows: [], layer: null, withoutArea: null };
  const inPeriod = (s: { fromMs: number; toMs: number }) =>
    countByArea(db, { ...base, fromMs: s.fromMs, toMs: s.toMs, dateRule: 'midpoint' }, layer.id);
  const [cur, prev, ly] = [inPeriod(spans.current), inPeriod(spans.previous), inPeriod(spans.lastYear)];
  const rows = cur.areas
    .map((a, k) => ({
      label: a.name ?? a.code,
      counts: { current: a.count, previous: prev.areas[k]!.count, lastYear: ly.areas[k]!.count },
    }))
    .filter((r) => r.counts.current + r.counts.previous + r.counts.lastYear > 0);
  const outside = (c: typeof cur, n: number | null) => Math.max(0, (n ?? 0) - c.fromPoints - c.fromCodes);
  return {
    rows: comparisonTable(rows, spans, coverage),
    layer: layer.name,
    withoutArea: {
      current: outside(cur, total.current),
      previous: outside(prev, total.previous),
      lastYear: outside(ly, total.lastYear),
    },
  };
}

interface DensityRuns {
  current: KdeRunResult;
  previous: KdeRunResult;
}

/**
 * Both periods' density runs on one grid (the extent of both periods' events, one cell size and
 * bandwidth) with their hotspots cut at ONE density, so an outline means the same in both: the mean of
 * the two periods' own hotspot thresholds (by default 3 × each period's mean density, so 3 × the
 * mean of the two periods together). Cut at its own threshold, a quiet previous period would make
 * hotspots of places no busier than this period's background, and a new hotspot would look "grown".
 */
async function densityRuns(
  ctx: EngineContext,
  base: RecordFilter,
  spans: Spans,
  input: Omit<TacticalInput, 'jobId'>,
  job: AnalysisJob,
): Promise<{ runs: DensityRuns | null; note: string | null; thresholdNote: string | null }> {
  const { db } = ctx.project();
  const both = queryRecords(
    db,
    apiFilter({ ...base, fromMs: spans.previous.fromMs, toMs: spans.current.toMs }),
  );
  if (both.count === 0)
    return { runs: null, note: 'There are no point records in either period to map.', thresholdNote: null };
  const plan = planKde(
    { x: both.x, y: both.y },
    {
      ...(input.cellSizeM ? { cellSizeM: input.cellSizeM } : {}),
      ...(input.bandwidthM ? { bandwidthM: input.bandwidthM } : {}),
    },
    { suggest: false },
  );
  const grid = {
    extent: plan.params.extent,
    cellSizeM: plan.params.cellSizeM,
    bandwidthM: plan.params.bandwidthM,
  };
  const run = (s: { fromMs: number; toMs: number }, step: number, multiple?: number) =>
    optional(() =>
      runKdeAnalysis(
        ctx,
        {
          filter: apiFilter({ ...base, ...s }),
          params: multiple
            ? { ...grid, thresholds: { method: 'mean-multiple', multiples: [multiple] }, hotspotClass: 1 }
            : grid,
        },
        {
          progress: (done, total, message) =>
            job.progress(step + (total > 0 ? done / total : 0) / 2, STEPS, message),
          signal: job.signal,
        },
      ),
    );
  const first = [await run(spans.current, 1), await run(spans.previous, 1.5)] as const;
  const failed = first.findIndex((r) => !r.value);
  if (failed >= 0) {
    const which = failed === 0 ? 'this period' : 'the previous period';
    return {
      runs: null,
      note: `No density comparison: ${which} could not be mapped (${first[failed]!.note}).`,
      thresholdNote: null,
    };
  }
  const [cur, prev] = [first[0].value!, first[1].value!];
  const own = (r: KdeRunResult) => r.thresholds[r.params.hotspotClass - 1]!.value;
  const common = (own(cur) + own(prev)) / 2;
  const recut = async (r: KdeRunResult, s: { fromMs: number; toMs: number }, step: number) =>
    r.surfaceStats.mean > 0 ? ((await run(s, step, common / r.surfaceStats.mean)).value ?? r) : r;
  const runs = {
    current: await recut(cur, spans.current, 2),
    previous: await recut(prev, spans.previous, 2.5),
  };
  const thresholdNote =
    `Hotspots of both periods are cut at one density, ${common.toFixed(1)} events per km² ` +
    `(the mean of the two periods' own thresholds, ${cur.thresholds[cur.params.hotspotClass - 1]!.label} of each), ` +
    `on one grid of ${grid.cellSizeM.toFixed(0)} m cells with a ${grid.bandwidthM.toFixed(0)} m bandwidth.`;
  return { runs, note: null, thresholdNote };
}

function hotspotChanges(
  ctx: EngineContext,
  crs: string,
  records: Parameters<typeof hotspotTrends>[1],
  spans: Spans,
  coverage: Parameters<typeof hotspotTrends>[4],
  runs: DensityRuns,
): TacticalHotspot[] {
  const { grid } = runs.current;
  const changes = classifyHotspotChanges(runs.current.hotspots, runs.previous.hotspots, {
    originX: grid.originX,
    originY: grid.originY,
    stepM: grid.cellSizeM / 2,
  });
  const outlines: PolygonCoords[] = changes.map((c) =>
    c.current !== null
      ? runs.current.hotspots[c.current]!.polygon
      : runs.previous.hotspots[c.previous[0]!]!.polygon,
  );
  const cache = getRecordCache(ctx.project().db);
  const trends = hotspotTrends(
    cache,
    records,
    outlines.map((polygon, rank) => ({ rank, polygon })),
    spans,
    coverage,
  );
  const transform = makeTransform(crs, crs);
  return changes.map((c, k) => {
    const h = c.current !== null ? runs.current.hotspots[c.current]! : null;
    const described = h ?? runs.previous.hotspots[c.previous[0]!]!;
    const centroid = polygonCentroid(outlines[k]!);
    const t = trends[k]!;
    return {
      status: c.status,
      rank: h ? h.rank : null,
      previousRanks: c.previous.map((j) => runs.previous.hotspots[j]!.rank),
      centroidX: centroid.x,
      centroidY: centroid.y,
      events: t.current,
      previousEvents: t.previous,
      lastYearEvents: t.lastYear,
      pValue: t.vsPrevious?.pValue ?? null,
      qValue: t.vsPrevious?.qValue ?? null,
      percentChange: t.vsPrevious?.percentChange ?? null,
      verdict: t.vsPrevious?.verdict ?? null,
      lastYearQValue: t.vsLastYear?.qValue ?? null,
      lastYearVerdict: t.vsLastYear?.verdict ?? null,
      areaKm2: c.areaM2 / 1e6,
      previousAreaKm2: c.previousAreaM2 / 1e6,
      jaccard: c.jaccard,
      places: h ? h.places.map((p) => p.name) : [],
      commonestLocation: described.topLocations[0]?.name ?? null,
      crimeMix: described.topCategories.slice(0, CRIME_MIX_TYPES),
      polygon: outlines[k]!,
      polygonWgs84: outlines[k]!.map((ring) => ring.map(([x, y]) => transform.projectToWgs84(x!, y!))),
    };
  });
}
