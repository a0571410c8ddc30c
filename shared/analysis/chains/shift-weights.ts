/**
 * Shares of a chain's events per patrol shift (DESIGN.md §4, "Risk zones": "the analyst may cut
 * zones to patrol shifts, weighting events with from/to windows aoristically").
 *
 * The day is cut into 24 / shiftHours shifts of shiftHours hours from midnight (shift k covers
 * clock hours [k·h, (k+1)·h) of the wall-clock day, shared/model/time.ts). Each member event is
 * spread over the hours of the day by the project's aoristic rule (shared/analysis/aoristic: the
 * share of its window in each clock hour; an exact time all in its hour; a date-only record evenly
 * over its day; a window of a week or more evenly over the week), and a shift's weight is the sum
 * of its hours, divided by the number of members: the weights of a chain sum to 1.
 *
 * Month-only records only reach chains after the analyst's override (the engine's guard rail), so
 * they are accepted here and spread evenly, as the aoristic module does under that override.
 */
import { aoristic } from '../aoristic/aoristic.js';

const HOURS_PER_DAY = 24;

export function shiftWeights(
  fromMs: ArrayLike<number>,
  toMs: ArrayLike<number>,
  members: readonly number[],
  shiftHours: number,
  precision?: ArrayLike<number>,
): Float64Array {
  if (!(Number.isInteger(shiftHours) && shiftHours >= 1 && HOURS_PER_DAY % shiftHours === 0)) {
    throw new RangeError(`shiftHours must divide 24 (1, 2, 3, 4, 6, 8, 12 or 24), got ${shiftHours}`);
  }
  const weights = new Float64Array(HOURS_PER_DAY / shiftHours);
  if (members.length === 0) return weights;
  const { hourOfDay, total } = aoristic(
    {
      fromMs: Float64Array.from(members, (i) => fromMs[i]),
      toMs: Float64Array.from(members, (i) => toMs[i]),
      ...(precision ? { precision: Uint8Array.from(members, (i) => precision[i]) } : {}),
    },
    { allowMonthPrecision: true },
  );
  for (let h = 0; h < HOURS_PER_DAY; h++) weights[Math.floor(h / shiftHours)] += hourOfDay[h] / total;
  return weights;
}
