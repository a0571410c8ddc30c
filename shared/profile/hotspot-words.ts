/**
 * Hotspots in words (DESIGN.md §4 "Hotspot classes"; issue 10 item 3): a hotspot is named by the
 * places it falls in (ward, neighbourhood, beat) before its commonest location text; it is reported
 * only where the data support it (at least a minimum number of events and a test against complete
 * spatial randomness), and the rule is said next to every table and map legend; peak hours are given
 * only from enough timed events, else "too few timed events".
 *
 * The support fields (`places`, `pValue`, `peakHoursNote`, the run's `support`) are read as optional,
 * so a result cached before they existed still renders, saying that no support test is recorded.
 */
import type { KdeHotspot, KdeRunResult } from '../api/analysis-api.js';
import { formatCount, formatHour, listInWords, pPhrase } from './format.js';

/** DESIGN.md §4: peak hours need at least this many timed events. */
export const MIN_TIMED_FOR_PEAK_HOURS = 20;
/** DESIGN.md §4: a hotspot needs at least this many events unless the run says otherwise. */
export const DEFAULT_MIN_HOTSPOT_EVENTS = 5;

export interface HotspotSupport {
  minEvents: number;
  iterations: number;
  seed: number;
  alpha: number;
  droppedFewEvents: number;
  droppedNotSignificant: number;
  statement: string;
}

type SupportedFields = {
  pValue?: number;
  places?: { layer: string; name: string }[];
  peakHoursNote?: string | null;
};

function extra(h: KdeHotspot): SupportedFields {
  return h as KdeHotspot & SupportedFields;
}

export function supportOf(kde: KdeRunResult): HotspotSupport | null {
  return (kde as KdeRunResult & { support?: HotspotSupport }).support ?? null;
}

/** "On or near Fell Crescent" (police.uk style) → "Fell Crescent". */
export function placeName(location: string): string {
  return location.replace(/^\s*on or near\s+/i, '');
}

/** The hotspot's place: its wards / neighbourhoods, else its commonest location text, else "". */
export function hotspotPlace(h: KdeHotspot): string {
  const places = extra(h).places ?? [];
  if (places.length > 0) return listInWords([...new Set(places.map((p) => p.name))].slice(0, 2));
  const top = h.topLocations[0];
  return top ? `around ${placeName(top.name)}` : '';
}

/** "Hotspot 1: Castle and Abbey Fields", "Hotspot 2: around Mill Lane". */
export function hotspotTitle(h: KdeHotspot): string {
  const place = hotspotPlace(h);
  return place ? `Hotspot ${h.rank}: ${place}` : `Hotspot ${h.rank}`;
}

/** "hotspot 1 (Castle)" inside a sentence. */
export function hotspotRef(h: KdeHotspot): string {
  const place = hotspotPlace(h);
  return place ? `hotspot ${h.rank} (${place})` : `hotspot ${h.rank}`;
}

/** Peak hours, or why there are none: "22:00–23:00 and 23:00–00:00", "too few timed events (7)". */
export function peakHoursWords(h: KdeHotspot): string {
  const note = extra(h).peakHoursNote;
  if (note) return note;
  if (h.times.timed < MIN_TIMED_FOR_PEAK_HOURS || h.peakHours.length === 0) {
    return `too few timed events (${formatCount(h.times.timed)}; at least ${MIN_TIMED_FOR_PEAK_HOURS} needed)`;
  }
  return listInWords([...h.peakHours].sort((a, b) => a - b).map(formatHour));
}

/** True when the hotspot's peak hours can be stated (and patrol times recommended from them). */
export function hasPeakHours(h: KdeHotspot): boolean {
  return !extra(h).peakHoursNote && h.times.timed >= MIN_TIMED_FOR_PEAK_HOURS && h.peakHours.length > 0;
}

/**
 * Whether the data support the hotspot: at least the run's minimum of events and, where a test was
 * made, significant against complete spatial randomness. Runs that report only supported hotspots
 * pass every one; older results are held to the minimum count at least.
 */
export function isSupported(h: KdeHotspot, kde: KdeRunResult): boolean {
  const support = supportOf(kde);
  const minEvents = support?.minEvents ?? DEFAULT_MIN_HOTSPOT_EVENTS;
  if (h.events < minEvents) return false;
  const p = extra(h).pValue;
  return p === undefined || support === null || p < support.alpha;
}

export function supportedHotspots(kde: KdeRunResult | null): KdeHotspot[] {
  return kde ? kde.hotspots.filter((h) => isSupported(h, kde)) : [];
}

/** The hotspot's own test result in words, "p = 0.001 against complete spatial randomness", or "". */
export function hotspotTestWords(h: KdeHotspot): string {
  const p = extra(h).pValue;
  return p === undefined ? '' : `${pPhrase(p)} against complete spatial randomness`;
}

/** The support rule, for the hotspot table and the map legends. */
export function supportStatement(kde: KdeRunResult): string {
  const support = supportOf(kde);
  if (support) return support.statement;
  return (
    `Hotspots shown have at least ${DEFAULT_MIN_HOTSPOT_EVENTS} events; this density run records no test ` +
    'against complete spatial randomness, so treat the smaller ones with care.'
  );
}

/** The support rule short enough for a map legend: "Hotspot (≥ 5 events; CSR test p < 0.05)". */
export function supportLegend(kde: KdeRunResult): string {
  const support = supportOf(kde);
  return support
    ? `Hotspot (≥ ${support.minEvents} events; CSR test p < ${support.alpha})`
    : `Hotspot (≥ ${DEFAULT_MIN_HOTSPOT_EVENTS} events; no CSR test)`;
}
