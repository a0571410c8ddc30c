/**
 * `runChainsAnalysis`: near-repeat chains and risk zones of the filtered records as an engine service
 * (DESIGN.md §4 "Near-repeat chains", "Guard rails", "Provenance"), called by the `runChains` handler
 * (one job per call), the profile and `hotspot chains` under their own job:
 *
 *   filter → near-repeat-events.ts (guard rails) → crime references of the records → one
 *   `nearRepeatChains` worker job (chains-job.ts: chains of 3+ events, hotspot-like flags, live,
 *   risk zones of the recent events) → record ids and references, dates, notes and provenance →
 *   cached in the project (analysis-cache.ts), keyed by the filter, the records version and every
 *   parameter.
 *
 * The as-of date (live chains, risk zones) is the request's, else the date of the latest event
 * selected, and the notes say which. Thresholds should come with the metric of the Knox run that
 * suggested them (the request's `metric`); the notes state the link rule and where it came from.
 */
import { CHAIN_MIN_EVENTS } from '../../../shared/analysis/chains/chains.js';
import {
  HOTSPOT_LIKE_LABEL,
  SERIES_MAX_EVENTS,
  SERIES_MAX_SPAN_DAYS,
} from '../../../shared/analysis/chains/series-flag.js';
import type { analysisMethods, ChainsRunResult } from '../../../shared/api/analysis-api.js';
import type { InputOf } from '../../../shared/api/define.js';
import { ApiError } from '../../../shared/api/errors.js';
import { dayOf, isoDate, MS_PER_DAY, ukDate } from '../../../shared/model/time.js';
import { cached } from '../analysis-cache.js';
import type { EngineContext } from '../context.js';
import { recordsVersion } from '../import/records-version.js';
import type { AnalysisJob } from './analysis-job.js';
import { nearRepeatEvents } from './near-repeat-events.js';
import { analysisProvenance } from './provenance.js';
import { recordReferencesInSteps } from './record-references.js';

export type ChainsApiInput = InputOf<typeof analysisMethods, 'runChains'>;
export type ChainsRequest = Omit<ChainsApiInput, 'jobId'>;

const ANALYST_SET = 'set by the analyst';

export async function runChainsAnalysis(
  ctx: EngineContext,
  request: ChainsRequest,
  job: AnalysisJob,
): Promise<ChainsRunResult> {
  const { db } = ctx.project();
  const metric = request.metric ?? 'euclidean';
  const asOfDayAsked = request.asOf === undefined ? undefined : dayOfIsoDate(request.asOf);
  const params = {
    distanceM: request.distanceM,
    days: request.days,
    metric,
    asOf: request.asOf ?? null,
    shiftHours: request.shiftHours ?? null,
    hotspots: request.hotspots ?? null,
    thresholdSource: request.thresholdSource ?? null,
    timeBasis: request.timeBasis ?? 'midpoint',
    monthOverride: request.monthOverride?.reason ?? null,
  };
  const inputs = { filter: request.filter, recordsVersion: recordsVersion(db) };
  const { value, hit, analysisId } = await cached(ctx, 'chains', inputs, params, async () => {
    const { events, caveats, columns } = nearRepeatEvents(ctx, db, request, 'Near-repeat chains');
    job.progress(0, 1);
    const references = await recordReferencesInSteps(db, columns.id, job.signal);
    let lastDay = events.day[0];
    for (const d of events.day) if (d > lastDay) lastDay = d;
    const asOfDay = asOfDayAsked ?? lastDay;
    const { chains, zones } = await ctx.jobs.pool.run(
      'nearRepeatChains',
      {
        x: events.x,
        y: events.y,
        day: events.day,
        distanceM: request.distanceM,
        days: request.days,
        metric,
        references,
        asOfDay,
        ...(request.hotspots ? { hotspots: request.hotspots } : {}),
        ...(request.shiftHours === undefined
          ? {}
          : {
              shiftHours: request.shiftHours,
              fromMs: columns.fromMs,
              toMs: columns.toMs,
              precision: columns.precision,
            }),
      },
      { signal: job.signal },
    );
    job.progress(1, 1);
    const dateOf = (day: number) => isoDate(day * MS_PER_DAY);
    const asOf = dateOf(asOfDay);
    const thresholdSource = request.thresholdSource ?? ANALYST_SET;
    const linkRule = `closer than ${request.distanceM} m (${metric} distance) and fewer than ${request.days} days apart`;
    const flagged = chains.filter((c) => c.flag !== null).length;
    const asOfWords = ukDate(Date.parse(`${asOf}T00:00:00Z`));
    const notes = [
      `Events are linked when ${linkRule} (thresholds ${thresholdSource}); a chain is a connected group of ` +
        `${CHAIN_MIN_EVENTS} or more linked events: a series candidate for the analyst to check, not proof of ` +
        'one offender.',
      `A chain of more than ${SERIES_MAX_EVENTS} events, spanning more than ${SERIES_MAX_SPAN_DAYS} days` +
        `${request.hotspots ? ', or with most of its events inside a hotspot and no busier than its place at other times (p ≥ 0.001 that the place’s usual rate gives as many events in the chain’s days)' : ''} is flagged "${HOTSPOT_LIKE_LABEL}" ` +
        `and is not offered as linked offending${flagged > 0 ? ` (${flagged} of ${chains.length} here)` : ''}.`,
      'The originating event is the earliest; same-day ties go to the crime reference first in natural order ' +
        '(then the lower record id).',
      `Live chains and risk zones are as of ${asOfWords}${asOfDayAsked === undefined ? ' (the date of the latest event selected)' : ''}: ` +
        `a chain is live while a new event could still link to it (last event fewer than ${request.days} days before). ` +
        `Risk zones: a ${request.distanceM} m buffer around each event of the last ${request.days} days up to ${asOfWords}, ` +
        `each valid until its event's date + ${request.days} days.`,
    ];
    if (request.shiftHours !== undefined) {
      notes.push(
        `Shift weights: aoristic shares per ${request.shiftHours}-hour shift of the day of the zone's chain ` +
          '(or of the event itself when it is in none); an event with a from/to window is spread over its hours in ' +
          'proportion to the overlap, a date-only record evenly over its day.',
      );
    }
    const provenance = analysisProvenance(ctx, {
      filter: request.filter,
      columns,
      windowBasis: request.timeBasis ?? 'midpoint',
      caveats,
    });
    notes.push(...provenance.caveats);
    const result: Omit<ChainsRunResult, 'analysisId' | 'cached'> = {
      events: events.x.length,
      distanceM: request.distanceM,
      days: request.days,
      metric,
      linkRule,
      thresholdSource,
      asOf,
      shiftHours: request.shiftHours ?? null,
      chains: chains.map((chain) => ({
        id: chain.id,
        size: chain.size,
        originRecordId: columns.id[chain.origin],
        originReference: references[chain.origin],
        memberRecordIds: chain.members.map((i) => columns.id[i]),
        references: chain.members.map((i) => references[i]),
        firstDate: dateOf(chain.firstDay),
        lastDate: dateOf(chain.lastDay),
        spanDays: chain.spanDays,
        links: chain.links,
        centroidX: chain.centroidX,
        centroidY: chain.centroidY,
        areaM2: chain.areaM2,
        live: chain.live,
        flag: chain.flag,
        flagReason: chain.flagReason,
        eventsInHotspots: chain.eventsInHotspots,
        hotspotRate: chain.hotspotRate,
      })),
      seriesCount: chains.length - flagged,
      zones: zones.map((zone) => ({
        chainId: zone.chainId,
        recordId: columns.id[zone.eventIndex],
        reference: references[zone.eventIndex],
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
