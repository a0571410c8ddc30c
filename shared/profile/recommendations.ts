/**
 * Suggested responses from the findings (issue 6, Response: "pre-filled with suggestions from the
 * findings"), grouped by the four strands of a problem-solving plan (DESIGN.md §1): prevention,
 * intelligence, enforcement, reassurance. They are starting points the analyst edits; every one names
 * the finding it rests on, so a reader can check it. Rules:
 *
 *   live near-repeat chains      → cocooning within the near-repeat distance and time around them
 *   significant near repeat      → cocoon after every new event for the near-repeat window
 *   hotspots                     → patrols at the hotspot's peak hours; target hardening at its
 *                                  top locations
 *   repeat locations             → visit and assess the locations with the most events
 *   significant change           → establish why (increase) or what worked (decrease)
 *   chains (any)                 → link the series' events for intelligence development
 *   always                       → publicise activity and advice where the problem is
 */
import type { KdeHotspot } from '../api/analysis-api.js';
import {
  formatChange,
  formatCount,
  formatDate,
  formatDays,
  formatHour,
  formatMetres,
  listInWords,
} from './format.js';
import type { ProfileInputs, ResponseStrand } from './model.js';
import { NEAR_REPEAT_ALPHA } from './near-repeat-words.js';

export type Suggestions = Record<ResponseStrand, string[]>;

/** The near-repeat distance and time the findings support: the chains' thresholds. */
function nearRepeatWindow(inputs: ProfileInputs): { distanceM: number; days: number } | null {
  if (inputs.chains) return { distanceM: inputs.chains.distanceM, days: inputs.chains.days };
  return null;
}

/** "On or near Fell Crescent" (police.uk style) → "Fell Crescent". */
export function placeName(location: string): string {
  return location.replace(/^\s*on or near\s+/i, '');
}

function hotspotPlace(h: KdeHotspot): string {
  return h.topLocations.length > 0
    ? `hotspot ${h.rank} (around ${placeName(h.topLocations[0]!.name)})`
    : `hotspot ${h.rank}`;
}

function peakHoursText(h: KdeHotspot): string {
  return listInWords([...h.peakHours].sort((a, b) => a - b).map(formatHour));
}

export function suggestResponses(inputs: ProfileInputs, noun: string): Suggestions {
  const out: Suggestions = { prevention: [], intelligence: [], enforcement: [], reassurance: [] };
  const lower = noun.toLowerCase();
  const window = nearRepeatWindow(inputs);
  const knoxCell = inputs.knox
    ? { ratio: inputs.knox.knoxRatio[0]?.[0] ?? null, p: inputs.knox.pValue[0]?.[0] ?? 1 }
    : null;
  const nearRepeat =
    knoxCell !== null && knoxCell.ratio !== null && knoxCell.ratio > 1 && knoxCell.p < NEAR_REPEAT_ALPHA;

  const zones = inputs.chains?.zones ?? [];
  if (window && zones.length > 0) {
    const live = [...new Set(zones.map((z) => z.chainId))];
    // yyyy-mm-dd strings sort as dates: the last one is when the last zone lapses.
    const expires =
      zones
        .map((z) => z.expiresDate)
        .sort()
        .at(-1) ?? '';
    out.prevention.push(
      `Cocooning around the ${live.length === 1 ? 'live series' : `${live.length} live series`} (chain${live.length === 1 ? '' : 's'} ${live.join(', ')}): ` +
        `visit homes within ${formatMetres(window.distanceM)} of each of their ${formatCount(zones.length)} events with crime prevention advice and target hardening, ` +
        `until ${formatDate(expires)} (the near-repeat window of ${formatDays(window.days)} after the last event).`,
    );
  }
  if (nearRepeat && window) {
    out.prevention.push(
      `After every new ${lower.replace(/ies$/, 'y').replace(/s$/, '')}, cocoon neighbouring homes within ${formatMetres(window.distanceM)} for ${formatDays(window.days)}: ` +
        'the Knox test shows raised risk at that distance and time.',
    );
  }
  const hotspots = inputs.kde?.hotspots ?? [];
  const focus = inputs.subjectHotspotRank
    ? hotspots.filter((h) => h.rank === inputs.subjectHotspotRank)
    : hotspots.slice(0, 3);
  for (const h of focus) {
    if (h.topLocations.length > 0) {
      out.prevention.push(
        `Situational measures at ${hotspotPlace(h)}: survey ${listInWords(h.topLocations.slice(0, 2).map((l) => placeName(l.name)))} for lighting, access and target hardening.`,
      );
    }
    if (h.peakHours.length > 0) {
      out.enforcement.push(
        `Directed patrols in ${hotspotPlace(h)} at the peak hours ${peakHoursText(h)} (${formatCount(h.events)} events, PAI ${h.pai.toFixed(1)}).`,
      );
    }
  }
  const repeats = inputs.repeatLocations.slice(0, 3);
  if (repeats.length > 0) {
    out.intelligence.push(
      `Review the repeat locations ${listInWords(repeats.map((r) => `${placeName(r.location)} (${formatCount(r.count)} events)`))}: victims, premises and any common offender.`,
    );
  }
  const chains = inputs.chains?.chains ?? [];
  if (chains.length > 0) {
    const biggest = [...chains].sort((a, b) => b.size - a.size || a.id - b.id).slice(0, 3);
    out.intelligence.push(
      `Develop the near-repeat series as possible linked offending: ${listInWords(biggest.map((c) => `chain ${c.id} (${c.size} events, ${formatDate(c.firstDate)} to ${formatDate(c.lastDate)})`))}; compare modus operandi and forensic opportunities.`,
    );
    out.enforcement.push('Consider offender management for known prolific offenders active near the series.');
  }
  const change = inputs.counts.vsPrevious;
  if (change.verdict === 'significant increase') {
    out.intelligence.push(
      `Establish the cause of the significant increase on the previous period (${formatChange(change.percentChange)}): new premises, offenders or recording changes.`,
    );
  } else if (change.verdict === 'significant decrease') {
    out.intelligence.push(
      `Record what contributed to the significant decrease on the previous period (${formatChange(change.percentChange)}), so it can be sustained.`,
    );
  }
  const where = inputs.subject.kind === 'category' ? 'the hotspots' : inputs.subjectLabel;
  out.reassurance.push(
    `Publicise the partnership's activity and prevention advice to residents and businesses in ${where}.`,
  );
  if (zones.length > 0) {
    out.reassurance.push(
      'Reassurance visits and letters to neighbours of recent victims in the live risk zones.',
    );
  }
  if (out.enforcement.length === 0) {
    out.enforcement.push(
      'Use the hour × weekday table to time any patrol or operation to the busiest hours.',
    );
  }
  return out;
}
