/**
 * `runKnox` and `runChains`: the near-repeat analyses of the filtered records (DESIGN.md §4 "Near
 * repeat", "Near-repeat chains", "Guard rails", "Provenance"), the engine end of a Knox run:
 *
 *   filter → queryRecords → toEventColumns (windows dated by their midpoint unless asked otherwise;
 *   month-only records refused unless overridden with a reason, which is audited) → lon/lat refused
 *   → runKnoxOnPool (plan + chunks of iterations over the worker pool, knox-parallel.ts) → report,
 *   threshold suggestion and provenance → cached in the project (analysis-cache.ts), keyed by the
 *   filter, the records version and every parameter including the seed.
 *
 * A request without a seed gets one drawn here, so the cache key, the report and a rerun all carry
 * it. Chains run as one `nearRepeatChains` worker job; their members are reported as record ids,
 * and same-day ties for the originating event go to the lower record id (records are queried in id
 * order).
 */
import type Database from 'better-sqlite3';
import { assertProjectedCoordinates } from '../../../shared/analysis/knox/assert-projected.js';
import { knoxReport } from '../../../shared/analysis/knox/knox-report.js';
import { type KnoxOptions, resolveKnoxOptions } from '../../../shared/analysis/knox/knox-test.js';
import { nrcPreset } from '../../../shared/analysis/knox/nrc-preset.js';
import { suggestThresholds } from '../../../shared/analysis/knox/suggest-thresholds.js';
import type { analysisMethods, ChainsRunResult, KnoxRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { EventColumns, RecordColumns } from '../../../shared/model/records.js';
import { dayOf, isoDate, MS_PER_DAY } from '../../../shared/model/time.js';
import { runKnoxOnPool } from '../analysis/knox-parallel.js';
import { analysisProvenance } from '../analysis/provenance.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext, Handlers } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import { queryRecords } from '../query/query-records.js';
import { toEventColumns } from '../query/to-event-columns.js';

type KnoxInput = InputOf<typeof analysisMethods, 'runKnox'>;
type DayInput = Pick<KnoxInput, 'filter' | 'timeBasis' | 'monthOverride'>;

export function createKnoxHandlers(
  ctx: EngineContext,
): Pick<Handlers<typeof analysisMethods>, 'runKnox' | 'runChains'> {
  return {
    runKnox: async (input) => {
      const { db } = ctx.project();
      const settings = checked(() => resolveKnoxOptions(knoxOptionsOf(input)));
      const params = {
        distanceEdgesM: settings.distanceEdgesM.map(finiteOrNull),
        timeEdgesDays: settings.timeEdgesDays.map(finiteOrNull),
        metric: settings.metric,
        iterations: settings.iterations,
        seed: settings.seed,
        nrc: input.nrc ?? null,
        timeBasis: input.timeBasis ?? 'midpoint',
        monthOverride: input.monthOverride?.reason ?? null,
      };
      const inputs = { filter: input.filter, recordsVersion: recordsVersion(db) };
      const { value, hit, analysisId } = await cached(ctx, 'knox', inputs, params, () =>
        ctx.jobs.track(input.jobId, 'knox', 'Near repeat (Knox test)', async (progress, signal) => {
          const { events, caveats, columns } = dayEvents(ctx, db, input, 'Knox');
          const result = await runKnoxOnPool(ctx.jobs.pool, events, settings, {
            signal,
            onProgress: progress,
          });
          const provenance = analysisProvenance(ctx, {
            filter: input.filter,
            columns,
            windowBasis: input.timeBasis ?? 'midpoint',
            caveats,
          });
          return { report: knoxReport(result, provenance.caveats), provenance };
        }),
      );
      const result: KnoxRunResult = {
        ...value.report,
        suggestion: suggestThresholds(value.report),
        analysisId,
        cached: hit,
        provenance: value.provenance,
      };
      return result;
    },

    runChains: async (input) => {
      const { db } = ctx.project();
      const metric = input.metric ?? 'euclidean';
      const asOfDay = input.asOf === undefined ? undefined : dayOfIsoDate(input.asOf);
      const params = {
        distanceM: input.distanceM,
        days: input.days,
        metric,
        asOf: input.asOf ?? null,
        shiftHours: input.shiftHours ?? null,
        timeBasis: input.timeBasis ?? 'midpoint',
        monthOverride: input.monthOverride?.reason ?? null,
      };
      const inputs = { filter: input.filter, recordsVersion: recordsVersion(db) };
      const { value, hit, analysisId } = await cached(ctx, 'chains', inputs, params, () =>
        ctx.jobs.track(input.jobId, 'chains', 'Near-repeat chains', async (progress, signal) => {
          const { events, caveats, columns } = dayEvents(ctx, db, input, 'near-repeat chains');
          progress(0, 1);
          const { chains, zones } = await ctx.jobs.pool.run(
            'nearRepeatChains',
            {
              x: events.x,
              y: events.y,
              day: events.day,
              distanceM: input.distanceM,
              days: input.days,
              metric,
              ...(asOfDay === undefined ? {} : { asOfDay }),
              ...(input.shiftHours === undefined
                ? {}
                : {
                    shiftHours: input.shiftHours,
                    fromMs: columns.fromMs,
                    toMs: columns.toMs,
                    precision: columns.precision,
                  }),
            },
            { signal },
          );
          progress(1, 1);
          const dateOf = (day: number) => isoDate(day * MS_PER_DAY);
          const linkRule = `closer than ${input.distanceM} m (${metric}) and fewer than ${input.days} days apart`;
          const notes = [
            `Events are linked when ${linkRule}; chains are connected groups of two or more linked events.`,
            'The originating event is the earliest; same-day ties go to the lower record id.',
          ];
          if (asOfDay !== undefined) {
            notes.push(
              `Risk zones: a ${input.distanceM} m buffer around each event of a chain live on ${input.asOf} ` +
                `(last event within ${input.days} days), until the chain's last date + ${input.days} days.`,
            );
          }
          if (input.shiftHours !== undefined) {
            notes.push(
              `Shift weights: aoristic shares of each chain's events per ${input.shiftHours}-hour shift of the day ` +
                '(an event with a from/to window is spread over its hours in proportion to the overlap; a date-only ' +
                'record evenly over its day).',
            );
          }
          const provenance = analysisProvenance(ctx, {
            filter: input.filter,
            columns,
            windowBasis: input.timeBasis ?? 'midpoint',
            caveats,
          });
          notes.push(...provenance.caveats);
          const result: Omit<ChainsRunResult, 'analysisId' | 'cached'> = {
            events: events.x.length,
            distanceM: input.distanceM,
            days: input.days,
            metric,
            linkRule,
            asOf: input.asOf ?? null,
            shiftHours: input.shiftHours ?? null,
            chains: chains.map((chain) => ({
              id: chain.id,
              size: chain.size,
              originRecordId: columns.id[chain.origin],
              memberRecordIds: chain.members.map((i) => columns.id[i]),
              firstDate: dateOf(chain.firstDay),
              lastDate: dateOf(chain.lastDay),
              spanDays: chain.spanDays,
              links: chain.links,
              centroidX: chain.centroidX,
              centroidY: chain.centroidY,
              areaM2: chain.areaM2,
            })),
            zones: zones.map((zone) => ({
              chainId: zone.chainId,
              recordId: columns.id[zone.eventIndex],
              x: zone.x,
              y: zone.y,
              radiusM: zone.radiusM,
              eventDate: dateOf(zone.eventDay),
              expiresDate: dateOf(zone.expiresDay),
              ring: zone.ring,
              ...(zone.shiftWeights ? { shiftWeights: zone.shiftWeights } : {}),
            })),
            notes,
            provenance,
          };
          return result;
        }),
      );
      return { ...value, analysisId, cached: hit };
    },
  };
}

/** The Knox options of a request: explicit edges (null = Infinity) or the NRC preset. */
export function knoxOptionsOf(input: KnoxInput): KnoxOptions {
  const common = {
    ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
    ...(input.seed === undefined ? {} : { seed: input.seed }),
  };
  if (input.nrc) {
    const preset = checked(() => nrcPreset(input.nrc!));
    if (input.metric !== undefined && input.metric !== 'manhattan') {
      throw new ApiError('invalid-argument', 'the Near Repeat Calculator preset uses Manhattan distance');
    }
    return { ...preset, ...common };
  }
  return {
    distanceEdgesM: input.distanceEdgesM!.map(nullToInfinity),
    timeEdgesDays: input.timeEdgesDays!.map(nullToInfinity),
    metric: input.metric ?? 'euclidean',
    ...common,
  };
}

/** Filtered records as day events, with the guard rails: month precision, lon/lat, too few events. */
function dayEvents(
  ctx: EngineContext,
  db: Database.Database,
  input: DayInput,
  methodName: string,
): { events: EventColumns; caveats: string[]; columns: RecordColumns } {
  const columns = queryRecords(db, input.filter);
  const { events, caveats } = toEventColumns(columns, {
    timeBasis: input.timeBasis ?? 'midpoint',
    ...(input.monthOverride ? { monthOverride: input.monthOverride } : {}),
  });
  if (input.monthOverride && caveats.some((c) => c.includes('month-only'))) {
    ctx.audit('override-month-precision', { method: methodName, reason: input.monthOverride.reason });
  }
  if (events.x.length < 2) {
    throw new ApiError(
      'refused',
      `${methodName} needs at least 2 point records; the filter selects ${events.x.length}`,
    );
  }
  try {
    assertProjectedCoordinates(events.x, events.y);
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('refused', error.message);
    throw error;
  }
  return { events, caveats, columns };
}

/** Parameter checks of the pure code (RangeError) as the Api's invalid-argument. */
function checked<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError('invalid-argument', error.message);
    throw error;
  }
}

function dayOfIsoDate(text: string): number {
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (!Number.isFinite(ms) || isoDate(ms) !== text) {
    throw new ApiError('invalid-argument', `asOf must be a real date yyyy-mm-dd, got ${text}`);
  }
  return dayOf(ms);
}

function nullToInfinity(edge: number | null): number {
  return edge === null ? Infinity : edge;
}

function finiteOrNull(edge: number): number | null {
  return edge === Infinity ? null : edge;
}
