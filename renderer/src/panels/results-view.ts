/**
 * Pure wording of the Results panel (issue 13 item 6): the counts table, the change against the
 * control, the WDQ with its measures, the WDD and the PAI / PEI / RRI of the before period's hot
 * spots, in plain English; and the concentration curve (busiest places first) from the Lorenz curve
 * the concentration run returns. The statistics themselves are shared/analysis/results.
 */
import type { LorenzCurve } from '../../../shared/analysis/concentration/lorenz.js';
import type { AreaCounts, WdqCounts, WdqResult } from '../../../shared/analysis/results/wdq.js';
import type { ResultsRunResult } from '../../../shared/api/tasking-api.js';
import { formatChange, formatDecimal } from '../../../shared/profile/format.js';

export const AREA_NAMES = { target: 'Target', buffer: 'Buffer', control: 'Control' };

/** A control that moves by more than this share is itself news: every figure leans on it. */
export const CONTROL_SWING = 0.5;

/** A number with a true minus sign, as the profile's changes are written. */
function signed(v: number, digits: number): string {
  return v < 0 ? `−${formatDecimal(-v, digits)}` : formatDecimal(v, digits);
}

/** One row of the counts table: area, before, after, change in words. */
export function countRows(counts: WdqCounts): [string, string, string, string][] {
  return (['target', 'buffer', 'control'] as const).map((k) => {
    const c = counts[k];
    return [AREA_NAMES[k], String(c.before), String(c.after), percentChange(c)];
  });
}

function percentChange(c: AreaCounts): string {
  if (c.before === 0) return c.after === 0 ? 'none either time' : 'none before';
  return formatChange(((c.after - c.before) / c.before) * 100);
}

/**
 * The target's change net of the control's: (T_a/T_b) / (C_a/C_b) − 1 as a percentage, with the
 * reading; null ratio when a before count is 0.
 */
export function changeAgainstControl(counts: WdqCounts): string {
  const { target: t, control: c } = counts;
  if (t.before === 0 || c.before === 0 || c.after === 0)
    return 'The change against the control cannot be given: the target or the control had no events in a period.';
  const relative = (t.after / t.before / (c.after / c.before) - 1) * 100;
  const word = relative < 0 ? 'fell' : relative > 0 ? 'rose' : 'changed';
  const text = `Against the control, crime in the target ${word} by ${formatDecimal(Math.abs(relative), 0)}% (target ${percentChange(t)}, control ${percentChange(c)}).`;
  return Math.abs(c.after / c.before - 1) > CONTROL_SWING
    ? `${text} The control itself changed by ${percentChange(c)}: check nothing unusual happened there, as every figure below is read against it.`
    : text;
}

/** The WDQ's headline and its two measures. */
export function wdqLines(wdq: WdqResult): string[] {
  const lines = [wdq.wdq === null ? `WDQ: not given. ${wdq.text}` : `WDQ ${signed(wdq.wdq, 2)}: ${wdq.text}`];
  if (wdq.successMeasure !== null && wdq.displacementMeasure !== null)
    lines.push(
      `Success measure ${signed(wdq.successMeasure, 2)} (below 0: the target fell relative to the control); displacement measure ${signed(wdq.displacementMeasure, 2)} (above 0: the buffer rose relative to the control).`,
    );
  return lines;
}

/** The WDD with its standard error and 95 % interval. */
export function wddLines(result: Pick<ResultsRunResult, 'wdd' | 'wddText'>): string[] {
  const { wdd } = result;
  return [
    result.wddText,
    `WDD ${signed(wdd.estimate, 1)}, standard error ${formatDecimal(wdd.se, 1)}${wdd.sharedControl ? ' (one control for both target and buffer)' : ''}.`,
  ];
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
