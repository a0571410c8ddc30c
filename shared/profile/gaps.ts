/**
 * Intelligence gaps (issue 10 item 9; NIM: what the assessment cannot say, and what would close the
 * gap): generated from the inputs, one finding per gap, each editable by the analyst (findings.ts).
 *
 *   gaps:month-only        records dated to the month only (police.uk): no day, hour or near repeats
 *   gaps:snapped           points snapped to anonymised map locations (police.uk)
 *   gaps:area-only         records with an area code only: counted, never mapped
 *   gaps:windows           from/to windows: the hour is shared over the window (aoristic)
 *   gaps:no-data-*         a comparison period the data do not cover, or months without records
 *   gaps:timed             too few timed events for peak hours
 *   gaps:hotspots          no density surface, or hotspots left out for lack of support
 *   gaps:knox / gaps:chains  too few events (or month-only data) for the near-repeat test or chains
 *   gaps:who               the extracts hold no offender, victim or modus operandi details
 *
 * The data's caveats themselves (one wording: shared/provenance/data-caveats.ts) are listed under
 * Scope; a gap says what the caveat stops the profile from saying.
 */
import type { GeneratedFinding } from './findings.js';
import { formatCount, formatDecimal, formatMonth, listInWords } from './format.js';
import { MIN_TIMED_FOR_PEAK_HOURS } from './hotspot-words.js';
import type { ProfileInputs } from './model.js';
import { noDataReason } from './period-words.js';

const SNAPPED = /snapped|anonymised map/i;

export function intelligenceGaps(inputs: ProfileInputs): GeneratedFinding[] {
  const out: GeneratedFinding[] = [];
  const monthOf = (d: ProfileInputs['datasets'][number]) => d.inSubject?.monthOnly ?? d.precision.month;
  const monthOnly = inputs.datasets.filter((d) => monthOf(d) > 0);
  if (monthOnly.length > 0) {
    const n = monthOnly.reduce((s, d) => s + monthOf(d), 0);
    out.push({
      id: 'gaps:month-only',
      text:
        `${formatCount(n)} records (${listInWords(monthOnly.map((d) => d.name))}) are dated to the month only: ` +
        'the profile cannot say on which day or at what hour they happened, and they are left out of the near-repeat test, ' +
        'the chains and the hour-of-week table. Exact dates and times from the force’s crime system would close this gap.',
    });
  }
  const snapped = inputs.datasets.filter((d) =>
    inputs.caveats.some((c) => c.includes(d.name) && SNAPPED.test(c)),
  );
  if (snapped.length > 0) {
    out.push({
      id: 'gaps:snapped',
      text:
        `Points of ${listInWords(snapped.map((d) => d.name))} are snapped to anonymised map locations (often the middle of a street), ` +
        'so hotspot outlines, repeat locations and distances are approximate and a repeat location may be several addresses. ' +
        'Exact locations from the force’s crime system would close this gap.',
    });
  }
  if (inputs.areaOnly > 0) {
    out.push({
      id: 'gaps:area-only',
      text:
        `${formatCount(inputs.areaOnly)} records of the period carry an area code only (e.g. an outward postcode): they are in the counts ` +
        'but not on the maps, in the hotspots or in the near-repeat test.',
    });
  }
  const windows = inputs.datasets.reduce((s, d) => s + (d.inSubject?.windows ?? d.precision.window), 0);
  if (windows > 0) {
    out.push({
      id: 'gaps:windows',
      text:
        `${formatCount(windows)} records have a from/to window (e.g. burglary while the occupants were away): when they happened within it ` +
        'is unknown, so their hours are shared over the window and they are dated by its midpoint.',
    });
  }
  const { counts, periods, coverage } = inputs;
  if (counts.previous === null) {
    out.push({
      id: 'gaps:no-data-previous',
      text: `No data for the previous period (${noDataReason(periods.previous, coverage)}): no change on it can be stated.`,
    });
  }
  if (counts.lastYear === null) {
    out.push({
      id: 'gaps:no-data-last-year',
      text: `No data for the same period last year (${noDataReason(periods.lastYear, coverage)}): no change on it can be stated, and seasonality cannot be judged.`,
    });
  }
  if (coverage.missingMonths.length > 0) {
    out.push({
      id: 'gaps:missing-months',
      text: `The data hold no records at all for ${listInWords(coverage.missingMonths.map(formatMonth))}: those months are "no data", not zero.`,
    });
  }
  const timed = inputs.hourOfWeek.flat().reduce((s, v) => s + v, 0);
  if (timed < MIN_TIMED_FOR_PEAK_HOURS) {
    out.push({
      id: 'gaps:timed',
      text:
        `Too few timed events (${formatDecimal(timed, timed % 1 === 0 ? 0 : 1)}; at least ${MIN_TIMED_FOR_PEAK_HOURS} needed) to say when in the day ` +
        'or week the problem peaks, so no patrol times are recommended.',
    });
  }
  if (!inputs.kde) {
    out.push({
      id: 'gaps:hotspots',
      text: `No hotspot analysis: ${inputs.kdeNote ?? 'no density surface could be computed for the period.'}`,
    });
  } else {
    const support = inputs.kde.support;
    const dropped = support.droppedFewEvents + support.droppedNotSignificant;
    if (dropped > 0) {
      out.push({
        id: 'gaps:hotspots',
        text:
          `${formatCount(dropped)} further dense area${dropped === 1 ? '' : 's'} of the surface ${dropped === 1 ? 'is' : 'are'} not reported as hotspots ` +
          `(${formatCount(support.droppedFewEvents)} with fewer than ${support.minEvents} events, ${formatCount(support.droppedNotSignificant)} not significant ` +
          'against complete spatial randomness): the data are too thin there to say whether crime concentrates.',
      });
    }
  }
  if (!inputs.knox) {
    out.push({
      id: 'gaps:knox',
      text: `No near-repeat test: ${inputs.knoxNote ?? 'it was not run.'}`.trim(),
    });
  }
  if (!inputs.chains && inputs.chainsNote) {
    out.push({ id: 'gaps:chains', text: `No near-repeat chains: ${inputs.chainsNote}` });
  }
  out.push({
    id: 'gaps:who',
    text:
      'The extracts hold no offender, suspect, victim or modus operandi details: the profile cannot say who is responsible, ' +
      'who is repeatedly victimised or how offences were committed. Crime reports, intelligence logs and partner knowledge would close this gap.',
  });
  return out;
}
