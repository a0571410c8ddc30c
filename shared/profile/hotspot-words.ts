/**
 * Hotspots in words (DESIGN.md §4 "Hotspot classes"; issue 10 item 3): a hotspot is named by the
 * places it falls in (ward, neighbourhood, beat) before its commonest location text; it is reported
 * only where the data support it (at least a minimum number of events and a test against complete
 * spatial randomness), and the rule is said next to every table and map legend; peak hours are given
 * only from enough timed events, else "too few timed events".
 *
 * The rule itself is the density run's (shared/analysis/hotspots/support.ts, `support` on the run):
 * these words only say it; `isSupported` applies the same verdict() as a guard on what is drawn.
 */
import { verdict } from '../analysis/hotspots/support.js';
import type { KdeHotspot, KdeRunResult } from '../api/analysis-api.js';
import { formatCount, formatHour, listInWords, pPhrase } from './format.js';

/** DESIGN.md §4: peak hours need at least this many timed events. */
export const MIN_TIMED_FOR_PEAK_HOURS = 20;

/** "On or near Fell Crescent" (police.uk style) → "Fell Crescent". */
export function placeName(location: string): string {
  return location.replace(/^\s*on or near\s+/i, '');
}

/**
 * The hotspot's place: the boundary feature of the first layer holding its peak (the places come one
 * per layer, the analyst's first boundary layer first), else its commonest location text, else "".
 */
export function hotspotPlace(h: KdeHotspot): string {
  const places = h.places ?? [];
  if (places.length > 0) return places[0]!.name;
  const top = h.topLocations[0];
  return top ? `around ${placeName(top.name)}` : '';
}

/** Every place of the hotspot with its layer: "Abbey Fields (Neighbourhoods), Abbey Fields A (Beats)". */
export function hotspotPlaces(h: KdeHotspot): string {
  return (h.places ?? []).map((p) => `${p.name} (${p.layer})`).join(', ');
}

/** True when every event of the hotspot sits on one map point (e.g. one police.uk snap point). */
export function isOnePoint(h: KdeHotspot): boolean {
  return h.distinctPoints === 1 && h.events > 1;
}

/** The place, and "one map point" when all its events share one location. */
function placeWithPoint(h: KdeHotspot): string {
  const place = hotspotPlace(h);
  if (!isOnePoint(h)) return place;
  return place ? `${place}, one map point` : 'one map point';
}

/** "Hotspot 1: Castle", "Hotspot 2: around Mill Lane", "Hotspot 3: around Cheapside, one map point". */
export function hotspotTitle(h: KdeHotspot): string {
  const place = placeWithPoint(h);
  return place ? `Hotspot ${h.rank}: ${place}` : `Hotspot ${h.rank}`;
}

/** "hotspot 1 (Castle)" inside a sentence. */
export function hotspotRef(h: KdeHotspot): string {
  const place = placeWithPoint(h);
  return place ? `hotspot ${h.rank} (${place})` : `hotspot ${h.rank}`;
}

/**
 * "PAI 7.5", or for a one-point hotspot the PAI with what its area really is: the kernel's footprint
 * round a single location, so the figure says how busy the point is, not how compact an area.
 */
export function paiWords(h: KdeHotspot): string {
  const pai = `PAI ${h.pai.toFixed(1)}`;
  return isOnePoint(h)
    ? `${pai} (all ${formatCount(h.events)} events share one map location, so the area is only the kernel's footprint round that point; with police.uk data this is an anonymised snap point that may stand for many addresses)`
    : pai;
}

/** Peak hours, or why there are none: "22:00–23:00 and 23:00–00:00", "too few timed events (7)". */
export function peakHoursWords(h: KdeHotspot): string {
  if (h.peakHoursNote) return h.peakHoursNote;
  if (h.times.timed < MIN_TIMED_FOR_PEAK_HOURS || h.peakHours.length === 0) {
    return `too few timed events (${formatCount(h.times.timed)}; at least ${MIN_TIMED_FOR_PEAK_HOURS} needed)`;
  }
  return listInWords([...h.peakHours].sort((a, b) => a - b).map(formatHour));
}

/** True when the hotspot's peak hours can be stated (and patrol times recommended from them). */
export function hasPeakHours(h: KdeHotspot): boolean {
  return !h.peakHoursNote && h.times.timed >= MIN_TIMED_FOR_PEAK_HOURS && h.peakHours.length > 0;
}

/** Whether the data support the hotspot, by the run's own rule (support.ts verdict()). */
export function isSupported(h: KdeHotspot, kde: KdeRunResult): boolean {
  return verdict(h.events, h.pValue ?? null, kde.support) === 'supported';
}

export function supportedHotspots(kde: KdeRunResult | null): KdeHotspot[] {
  return kde ? kde.hotspots.filter((h) => isSupported(h, kde)) : [];
}

/** The hotspot's own test result in words, "p = 0.001 against complete spatial randomness", or "". */
export function hotspotTestWords(h: KdeHotspot): string {
  return h.pValue === null || h.pValue === undefined
    ? ''
    : `${pPhrase(h.pValue)} against complete spatial randomness`;
}

/** The support rule and what it dropped, for the hotspot table and the profile. */
export function supportStatement(kde: KdeRunResult): string {
  return kde.support.statement;
}

/**
 * The support rule short enough for a map legend's line, "Hotspot (≥ 5 events, p < 0.05)"; the
 * caption and the hotspot table's note say the whole rule (what p is tested against, simulations).
 */
export function supportLegend(kde: KdeRunResult): string {
  const { minEvents, iterations, alpha } = kde.support;
  return iterations === 0
    ? `Hotspot (≥ ${minEvents} events, untested)`
    : `Hotspot (≥ ${minEvents} events, p < ${alpha})`;
}

/** Peak hours for a table cell: "14, 15, 19" (hour 14 = 14:00–15:00), or why there are none. */
export function peakHoursShort(h: KdeHotspot): string {
  if (!hasPeakHours(h)) return h.peakHoursNote ?? 'too few timed events';
  return [...h.peakHours]
    .sort((a, b) => a - b)
    .map((hour) => String(hour).padStart(2, '0'))
    .join(', ');
}
