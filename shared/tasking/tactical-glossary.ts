/**
 * The tactical assessment's method in short lines and its glossary, for the HTML/PDF appendix and
 * the notes of every slide: a reader who meets "q" or "Jaccard" on any page or slide finds what it
 * means without the app. The method lines state the counting rule, the test, the correction, the
 * "no data" rule, the hotspot classes and how each crime type's series were linked.
 */

import { HOTSPOT_LIKE_LABEL } from '../analysis/chains/series-flag.js';
import { CHANGE_RULE } from '../analysis/tactical/hotspot-change.js';
import type { TacticalResult } from '../api/tactical-api.js';
import { formatCount } from '../profile/format.js';
import { TEST_IN_WORDS } from '../profile/period-words.js';

export const GLOSSARY: readonly { term: string; meaning: string }[] = [
  {
    term: 'Exact test',
    meaning:
      `The ${TEST_IN_WORDS}: given the events of two periods together, is the split between them more uneven than chance, ` +
      'allowing for the periods’ lengths? Exact for small counts, where a percentage alone misleads.',
  },
  {
    term: 'BH q',
    meaning:
      'The p-value adjusted by the Benjamini–Hochberg method for the number of rows tested in the same table. ' +
      'Of the changes called significant at q < 0.05, about 5 in 100 or fewer are expected to be chance.',
  },
  {
    term: 'Jaccard index',
    meaning:
      'How much two hotspot outlines agree: the area they share divided by the area they cover together. ' +
      '1 = the same outline, 0 = no overlap.',
  },
  {
    term: 'Gi*',
    meaning:
      'Getis-Ord Gi*: a z-score per grid cell comparing the count around it with the whole area’s mean; ' +
      'a large positive z is a statistically hot spot. The app’s Gi* analysis uses it; this report’s outlines come from kernel density.',
  },
  {
    term: 'PAI',
    meaning:
      'Predictive Accuracy Index: the share of events inside the hotspots divided by the share of the area they cover. ' +
      'A PAI of 10 means ten times the events their size alone would give.',
  },
];

export function glossaryLines(): string[] {
  return GLOSSARY.map((g) => `${g.term}: ${g.meaning}`);
}

/** How one crime type's series were linked, or why they were not; `shown`: its series new or live. */
export function seriesRunLine(run: TacticalResult['series']['byType'][number], shown: number): string {
  const head = `${run.crimeType} (${formatCount(run.events)} events over both periods)`;
  if (run.linkRule === null) return `${head}: ${run.note ?? 'not linked.'}`;
  const flagged =
    run.hotspotLike > 0
      ? `${formatCount(run.hotspotLike)} chain${run.hotspotLike === 1 ? '' : 's'} flagged "${HOTSPOT_LIKE_LABEL}" and not listed`
      : `no chain flagged "${HOTSPOT_LIKE_LABEL}"`;
  return (
    `${head}: linked when ${run.linkRule}; thresholds from the ${run.thresholdSource}. ` +
    `${formatCount(run.seriesCount)} series candidate${run.seriesCount === 1 ? '' : 's'} over both periods, ${formatCount(shown)} of them new this period or still live; ${flagged}.`
  );
}

export function seriesRunLines(result: TacticalResult): string[] {
  return result.series.byType.map((run) =>
    seriesRunLine(run, result.series.items.filter((s) => s.crimeType === run.crimeType).length),
  );
}

/** The method in short lines (the appendix and every slide's notes). */
export function methodLines(result: TacticalResult, options = { seriesRuns: true }): string[] {
  const lines = [
    'Counting: each record counts once, in the period holding the midpoint of its date window.',
    `Change: ${TEST_IN_WORDS} of this period against the previous one and against the same period last year; ` +
      'q: Benjamini–Hochberg across the rows of each table, each comparison separately; significant at q < 0.05.',
    'A period the data do not cover is shown as "no data", never as zero, and is not tested.',
    CHANGE_RULE,
  ];
  if (result.density)
    lines.push(
      `Density: ${result.density.kernel} kernel, ${result.density.cellSizeM.toFixed(0)} m cells, ` +
        `${result.density.bandwidthM.toFixed(0)} m bandwidth, one grid for both periods; the difference figure is this period minus the previous one, in events per km².`,
    );
  lines.push(
    'Series: each crime type is linked on its own; a chain is three or more linked events, a candidate for the analyst to check, not proof of one offender.',
    ...(options.seriesRuns ? seriesRunLines(result) : []),
  );
  return lines;
}
