/**
 * Pure wording of the Results panel (issue 13 item 6): the counts table, the change against the
 * control, the WDQ with its measures, the WDD and the PAI / PEI / RRI of the before period's hot
 * spots, in plain English; and the concentration curve (busiest places first) from the Lorenz curve
 * the concentration run returns. The statistics themselves are shared/analysis/results.
 */
import type { LorenzCurve } from '../../../shared/analysis/concentration/lorenz.js';
import { percentChange } from '../../../shared/analysis/results/results-text.js';
import type { WdqCounts } from '../../../shared/analysis/results/wdq.js';
import type { ResultsRunResult } from '../../../shared/api/tasking-api.js';
import { formatDecimal } from '../../../shared/profile/format.js';

// The change against the control, WDQ and WDD lines are worded once, for the profile too.
export {
  CONTROL_SWING,
  changeAgainstControl,
  wddLines,
  wdqLines,
} from '../../../shared/analysis/results/results-text.js';

export const AREA_NAMES = { target: 'Target', buffer: 'Buffer', control: 'Control' };

/** One row of the counts table: area, before, after, change in words. */
export function countRows(counts: WdqCounts): [string, string, string, string][] {
  return (['target', 'buffer', 'control'] as const).map((k) => {
    const c = counts[k];
    return [AREA_NAMES[k], String(c.before), String(c.after), percentChange(c)];
  });
}

/** PAI, PEI and RRI of the before period's hot spots, each with what it means. */
export function hotspotLines(h: ResultsRunResult['hotspots']): string[] {
  if (h.hotspotCells === 0)
    return [
      'No cell was a Gi* hot spot at 95 % in the before period, so PAI, PEI and RRI cannot be given.',
      h.rule,
    ];
  const ratio = (v: number | null, digits = 2) => (v === null ? 'not given' : formatDecimal(v, digits));
  return [
    `${h.hotspotCells} hot spot cells of ${h.studyAreaCells} held ${h.eventsInHotspots.current} of the ${h.eventsInStudyArea.current} events after (${h.eventsInHotspots.previous} of ${h.eventsInStudyArea.previous} before).`,
    `PAI ${ratio(h.pai)}: the hot spots held ${ratio(h.pai, 1)} times their share of the area's events.`,
    `PEI ${ratio(h.pei)}: ${h.pei === null ? 'no events after' : `the best ${h.hotspotCells} cells would have held ${h.bestPossibleEvents}`} (1 at best).`,
    `RRI ${ratio(h.rri)}: ${h.rri === null ? 'no events in a period' : h.rri > 1 ? 'the hot spots took a larger share of events than before' : h.rri < 1 ? 'the hot spots took a smaller share of events than before' : 'the same share as before'}.`,
    h.rule,
  ];
}

/**
 * The concentration curve (busiest places first: share of area, share of crime) from the Lorenz curve
 * (fewest first): the busiest k of n places hold 1 − L((n − k)/n). At most `points` + 1 points, k
 * evenly spaced, first (0, 0) and last (1, 1).
 */
export function concentrationPoints(lorenz: LorenzCurve, points = 100): [number, number][] {
  const n = lorenz.placeShare.length - 1;
  const steps = Math.min(n, points);
  const out: [number, number][] = [];
  for (let s = 0; s <= steps; s++) {
    const k = Math.round((s * n) / steps);
    out.push([k / n, 1 - lorenz.eventShare[n - k]!]);
  }
  return out;
}
