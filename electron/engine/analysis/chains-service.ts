/**
 * `runChainsAnalysis`: near-repeat chains and risk zones of the filtered records as an engine service
 * (DESIGN.md §4 "Near-repeat chains", "Guard rails", "Provenance"), called by the `runChains` handler
 * (one job per call), the profile and the CLI under their own job. Chains run as one
 * `nearRepeatChains` worker job; the result is cached in the project (analysis-cache.ts), keyed by
 * the filter, the records version and every parameter.
 */
import type { analysisMethods, ChainsRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import { dayOf, isoDate, MS_PER_DAY } from '../../../shared/model/time.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import type { AnalysisJob } from './analysis-job.js';
import { nearRepeatEvents } from './near-repeat-events.js';
import { analysisProvenance } from './provenance.js';

export type ChainsApiInput = InputOf<typeof analysisMethods, 'runChains'>;
export type ChainsRequest = Omit<ChainsApiInput, 'jobId'>;

export async function runChainsAnalysis(
  ctx: EngineContext,
  request: ChainsRequest,
  job: AnalysisJob,
): Promise<ChainsRunResult> {
  const input = request;
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
  const { value, hit, analysisId } = await cached(ctx, 'chains', inputs, params, async () => {
    const { events, caveats, columns } = nearRepeatEvents(ctx, db, input, 'near-repeat chains');
    job.progress(0, 1);
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
      { signal: job.signal },
    );
    job.progress(1, 1);
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
  });
  return { ...value, analysisId, cached: hit };
}

function dayOfIsoDate(text: string): number {
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (!Number.isFinite(ms) || isoDate(ms) !== text) {
    throw new ApiError('invalid-argument', `asOf must be a real date yyyy-mm-dd, got ${text}`);
  }
  return dayOf(ms);
}
