/**
 * The events a hotspot run describes (hotspots.ts HotspotEvents), one way for every caller: the
 * query's columns as they are, and the subset a surface used (those inside its study area), every
 * column picked alike so categories, sub-categories, places and times stay aligned with x and y.
 */
import type { RecordColumns } from '../../model/records.js';
import type { HotspotEvents } from './hotspots.js';

/** The record columns as hotspot events; `weights` keeps the weight column (a weighted surface). */
export function hotspotEventsOf(columns: RecordColumns, weights: boolean): HotspotEvents {
  const events: HotspotEvents = {
    x: columns.x,
    y: columns.y,
    categoryCode: columns.categoryCode,
    categories: columns.categories,
    locationCode: columns.locationCode,
    locations: columns.locations,
    fromMs: columns.fromMs,
    toMs: columns.toMs,
    precision: columns.precision,
  };
  if (columns.subcategoryCode) {
    events.subcategoryCode = columns.subcategoryCode;
    events.subcategories = columns.subcategories ?? [];
  }
  if (weights) events.weight = columns.weight;
  return events;
}

/** The events whose `use` flag is 1 (all of them when there is no mask). */
export function eventsInside(events: HotspotEvents, use: Uint8Array | undefined): HotspotEvents {
  if (!use) return events;
  const keep: number[] = [];
  for (let i = 0; i < use.length; i++) if (use[i] === 1) keep.push(i);
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length);
    for (let k = 0; k < keep.length; k++) out[k] = a[keep[k]!]!;
    return out;
  };
  const out: HotspotEvents = { ...events, x: pick(events.x), y: pick(events.y) };
  if (events.weight) out.weight = pick(events.weight);
  if (events.categoryCode) out.categoryCode = pick(events.categoryCode);
  if (events.subcategoryCode) out.subcategoryCode = pick(events.subcategoryCode);
  if (events.locationCode) out.locationCode = pick(events.locationCode);
  if (events.fromMs) out.fromMs = pick(events.fromMs);
  if (events.toMs) out.toMs = pick(events.toMs);
  if (events.precision) out.precision = pick(events.precision);
  return out;
}
