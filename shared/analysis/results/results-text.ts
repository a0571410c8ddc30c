/**
 * The results analysis in words (issue 13 item 6), one wording for the Results panel and the
 * profile's Assessment section: the change against the control (with a warning when the control
 * itself moved), the WDQ with its measures, the WDD with its standard error. Numbers carry a true
 * minus sign (U+2212), as the profile's changes are written.
 */
import { ukDate } from '../../model/time.js';
import { formatChange, formatDecimal } from '../../profile/format.js';
import type { ResultsAnalysis } from './results-analysis.js';
import type { AreaCounts, WdqCounts, WdqResult } from './wdq.js';

/** A control that moves by more than this share is itself news: every figure leans on it. */
export const CONTROL_SWING = 0.5;

/** A number with a true minus sign. */
export function signed(v: number, digits: number): string {
  return v < 0 ? `−${formatDecimal(-v, digits)}` : formatDecimal(v, digits);
}

/** An area's change before to after as a percentage, or why there is none. */
export function percentChange(c: AreaCounts): string {
  if (c.before === 0) return c.after === 0 ? 'none either time' : 'none before';
  return formatChange(((c.after - c.before) / c.before) * 100);
}

/**
 * The target's change net of the control's: (T_a/T_b) / (C_a/C_b) − 1 as a percentage, with the
 * reading; not given when a before count (or the control's after count) is 0.
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
export function wddLines(result: Pick<ResultsAnalysis, 'wdd' | 'wddText'>): string[] {
  const { wdd } = result;
  return [
    result.wddText,
    `WDD ${signed(wdd.estimate, 1)}, standard error ${formatDecimal(wdd.se, 1)}${wdd.sharedControl ? ' (one control for both target and buffer)' : ''}.`,
  ];
}

/**
 * One line for a result recorded with an action (actions panel, tasking sheet): the target's and
 * control's counts, the WDQ and the WDD with its interval. Periods are yyyy-mm-dd.
 */
export function resultSummary(
  result: Pick<ResultsAnalysis, 'counts' | 'wdq' | 'wdd'> & {
    before: { from: string; to: string };
    after: { from: string; to: string };
  },
): string {
  const uk = (iso: string) => ukDate(Date.parse(iso));
  const { target: t, control: c } = result.counts;
  const [lo, hi] = result.wdd.ci95.map((v) => signed(v, 1));
  const wdq = result.wdq.wdq === null ? 'WDQ not given' : `WDQ ${signed(result.wdq.wdq, 2)}`;
  return `Result (before ${uk(result.before.from)} to ${uk(result.before.to)}, after ${uk(result.after.from)} to ${uk(result.after.to)}): target ${t.before} → ${t.after} (${percentChange(t)}), control ${c.before} → ${c.after} (${percentChange(c)}); ${wdq}; WDD ${signed(result.wdd.estimate, 1)} (95 % interval ${lo} to ${hi}).`;
}
