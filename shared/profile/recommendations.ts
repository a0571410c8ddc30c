/**
 * Suggested responses from the findings (issue 6, Response: "pre-filled with suggestions from the
 * findings"), grouped by the four strands of a problem-solving plan (DESIGN.md §1): prevention,
 * intelligence, enforcement, reassurance. They are starting points the analyst edits (each under a
 * stable id, findings.ts); every one names the finding it rests on, so a reader can check it. Rules:
 *
 *   risk zones of recent events  → cocooning within the near-repeat distance around each recent
 *                                  event, each until its own event date + the near-repeat days
 *   significant near repeat      → cocoon after every new event, at the thresholds of the tightest
 *                                  significant Knox cell
 *   supported hotspots only      → patrols at the peak hours (only when enough timed events say
 *                                  when); situational measures at the top locations. A hotspot
 *                                  below the support rule gets no recommendation.
 *   repeat locations             → visit and assess the identical points with most events
 *   candidate series             → examine as possible series by crime reference; hotspot-like
 *                                  chains are never offered as linked offending
 *   significant change (by q)    → establish why (increase) or what worked (decrease)
 *   always                       → publicise activity and advice where the problem is
 */
import type { KdeHotspot } from '../api/analysis-api.js';
import type { GeneratedFinding } from './findings.js';
import {
  formatChange,
  formatCount,
  formatDate,
  formatDays,
  formatMetres,
  listInWords,
  pPhrase,
} from './format.js';
import {
  hasPeakHours,
  hotspotRef,
  MIN_TIMED_FOR_PEAK_HOURS,
  peakHoursWords,
  placeName,
  supportedHotspots,
} from './hotspot-words.js';
import type { ProfileInputs, ResponseStrand } from './model.js';
import { chainMembers, isHotspotLike, isLiveChain, riskZonesOn } from './near-repeat-words.js';

export type Suggestions = Record<ResponseStrand, GeneratedFinding[]>;

export { placeName };

/** The near-repeat distance and days the findings support: the chains' thresholds, else Knox's suggestion. */
function nearRepeatWindow(inputs: ProfileInputs): { distanceM: number; days: number } | null {
  if (inputs.chains) return { distanceM: inputs.chains.distanceM, days: inputs.chains.days };
  const s = inputs.knox?.suggestion;
  return s ? { distanceM: s.distanceM, days: s.days } : null;
}

function singular(nounLower: string): string {
  return nounLower.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The cocooning finding, and whether any zone is still live on the profile's date. */
function cocooning(
  inputs: ProfileInputs,
  window: { distanceM: number; days: number },
): { finding: GeneratedFinding; live: boolean } | null {
  // A profile written after the period: zones that have lapsed by its date are history, not tasking.
  const written = inputs.front.date;
  const { zones, live, lastExpiry } = riskZonesOn(inputs.chains?.zones ?? [], written);
  if (zones.length === 0 || lastExpiry === null) return null;
  const events = new Set(zones.map((z) => z.recordId)).size;
  const eventDates = zones.map((z) => z.eventDate).sort();
  const firstEvent = eventDates[0]!;
  const asOf = inputs.chains?.asOf ?? eventDates.at(-1)!;
  if (live.length === 0) {
    const finding = {
      id: 'prevention:cocooning',
      text:
        `Cocooning: the near-repeat risk zones of the period's last events lapsed on ${formatDate(lastExpiry)}, before this ` +
        `profile's date (${formatDate(written)}), so there is no live zone to cocoon now; cocoon within ${formatMetres(window.distanceM)} ` +
        `of each new event for ${formatDays(window.days)} as the next events come in.`,
    };
    return { finding, live: false };
  }
  const finding = {
    id: 'prevention:cocooning',
    text:
      `Cocooning around the ${formatCount(events)} recent event${events === 1 ? '' : 's'} that can still produce near repeats ` +
      `(${formatDate(firstEvent)} to ${formatDate(asOf)}): visit homes within ${formatMetres(window.distanceM)} of each with crime prevention advice and target hardening, ` +
      `each zone for ${formatDays(window.days)} after its event (the last lapses on ${formatDate(lastExpiry)}).`,
  };
  return { finding, live: true };
}

function hotspotSuggestions(h: KdeHotspot, out: Suggestions): void {
  if (h.topLocations.length > 0) {
    out.prevention.push({
      id: `prevention:situational-hotspot-${h.rank}`,
      text: `Situational measures in ${hotspotRef(h)}: survey ${listInWords(h.topLocations.slice(0, 2).map((l) => placeName(l.name)))} for lighting, access and target hardening.`,
    });
  }
  if (hasPeakHours(h)) {
    out.enforcement.push({
      id: `enforcement:patrols-hotspot-${h.rank}`,
      text: `Directed patrols in ${hotspotRef(h)} at the peak hours ${peakHoursWords(h)} (${formatCount(h.events)} events, PAI ${h.pai.toFixed(1)}).`,
    });
  }
}

export function suggestResponses(inputs: ProfileInputs, noun: string): Suggestions {
  const out: Suggestions = { prevention: [], intelligence: [], enforcement: [], reassurance: [] };
  const lower = noun.toLowerCase();
  const window = nearRepeatWindow(inputs);
  const nearRepeat = inputs.knox?.significant.some((row) => row.some(Boolean)) === true;

  const cocoon = window ? cocooning(inputs, window) : null;
  if (cocoon?.live) out.prevention.push(cocoon.finding);
  if (nearRepeat && window) {
    out.prevention.push({
      id: 'prevention:after-every-event',
      text:
        `After every new ${singular(lower)}, cocoon neighbouring homes within ${formatMetres(window.distanceM)} for ${formatDays(window.days)}: ` +
        'the Knox test shows raised risk at that distance and time (clustering in space and time, whoever the offender).',
    });
  }
  // Zones that lapsed before the profile was written are a note, not the first action.
  if (cocoon && !cocoon.live) out.prevention.push(cocoon.finding);
  const supported = supportedHotspots(inputs.kde);
  const focus =
    inputs.subjectHotspotRank !== null
      ? supported.filter((h) => h.rank === inputs.subjectHotspotRank)
      : supported.slice(0, 3);
  for (const h of focus) hotspotSuggestions(h, out);

  const repeats = inputs.repeatLocations.slice(0, 3);
  if (repeats.length > 0) {
    out.intelligence.push({
      id: 'intelligence:repeat-locations',
      text: `Review the repeat locations ${listInWords(repeats.map((r) => `${r.location ? placeName(r.location) : 'an unnamed point'} (${formatCount(r.count)} events)`))}: victims, premises and any common factor.`,
    });
  }
  const chains = inputs.chains;
  const series = chains ? chains.chains.filter((c) => !isHotspotLike(c) && c.size >= 3) : [];
  if (chains && series.length > 0) {
    const biggest = [...series]
      .sort((a, b) => Number(isLiveChain(b)) - Number(isLiveChain(a)) || b.size - a.size || a.id - b.id)
      .slice(0, 3);
    out.intelligence.push({
      id: 'intelligence:candidate-series',
      text:
        `Examine the near-repeat chains as possible series: ${listInWords(biggest.map((c) => `chain ${c.id} (${c.size} events, ${formatDate(c.firstDate)} to ${formatDate(c.lastDate)}: ${chainMembers(c, 5)})`))}; ` +
        'compare modus operandi, property taken and forensic opportunities before treating any as linked.',
    });
    out.enforcement.push({
      id: 'enforcement:offender-management',
      text: 'Check known prolific offenders active near the candidate series against their dates and places.',
    });
  }
  const change = inputs.counts.vsPrevious;
  if (change && change.verdict !== 'no significant change') {
    const evidence = `${formatChange(change.percentChange)}, ${pPhrase(change.qValue).replace(/^p/, 'q')}`;
    out.intelligence.push(
      change.verdict === 'significant increase'
        ? {
            id: 'intelligence:cause-of-change',
            text: `Establish the cause of the significant increase on the previous period (${evidence}): new premises, offenders or recording changes.`,
          }
        : {
            id: 'intelligence:cause-of-change',
            text: `Record what contributed to the significant decrease on the previous period (${evidence}), so it can be sustained.`,
          },
    );
  }
  const where =
    inputs.subject.kind !== 'category'
      ? inputs.subjectLabel
      : focus.length > 0
        ? listInWords(focus.map(hotspotRef))
        : 'the areas most affected';
  out.reassurance.push({
    id: 'reassurance:publicise',
    text: `Publicise the partnership's activity and prevention advice to residents and businesses in ${where}.`,
  });
  if (cocoon?.live) {
    out.reassurance.push({
      id: 'reassurance:risk-zones',
      text: 'Reassurance visits and letters to neighbours of recent victims inside the current risk zones.',
    });
  }
  const timed = inputs.hourOfWeek.flat().reduce((sum, v) => sum + v, 0);
  if (out.enforcement.length === 0 && timed >= MIN_TIMED_FOR_PEAK_HOURS) {
    out.enforcement.push({
      id: 'enforcement:timing',
      text: 'Use the hour × weekday table to time any patrol or operation to the busiest hours, where enough events are timed.',
    });
  }
  return out;
}
