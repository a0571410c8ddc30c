import { describe, expect, it } from 'vitest';
import { shiftWeights } from '../../../../../shared/analysis/chains/shift-weights.js';
import { PRECISION_CODE } from '../../../../../shared/model/time.js';
import { expectClose } from '../../../expect-close.js';

const hour = 3_600_000;
const day = 86_400_000;

describe('shiftWeights', () => {
  it('spreads a 2.5-day window: whole days equally, the remainder by overlap', () => {
    // 06:00 day 0 to 18:00 day 2 = 60 h: two whole days (8 h per 8-hour shift each) + 12 h (06:00–18:00).
    const w = shiftWeights([6 * hour], [2 * day + 18 * hour], [0], 8);
    // shift 0 (00–08): 16 h + 2 h; shift 1 (08–16): 16 + 8; shift 2 (16–24): 16 + 2.
    for (const [k, v] of [18 / 60, 24 / 60, 18 / 60].entries()) expectClose(w[k], v, 1e-12, `shift ${k}`);
  });

  it('sums to 1 over shifts for any mix of events', () => {
    const from = [0, 5 * hour, 3 * day + 23 * hour];
    const to = [0, 9 * hour, 4 * day + 1 * hour];
    const w = shiftWeights(from, to, [0, 1, 2], 3);
    expectClose(
      w.reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
  });

  it('spreads a date-only record evenly over its day, and an exact time into its shift', () => {
    const w = shiftWeights(
      [3 * day, 3 * day + 13 * hour],
      [3 * day + 23 * hour, 3 * day + 13 * hour],
      [0, 1],
      6,
      [PRECISION_CODE.date, PRECISION_CODE.exact],
    );
    // Record 0: 1/4 in each 6-hour shift; record 1: all in 12–18. Mean of the two.
    for (const [k, v] of [0.125, 0.125, 0.625, 0.125].entries()) expectClose(w[k], v, 1e-12, `shift ${k}`);
  });

  it('refuses a shift length that does not divide the day', () => {
    expect(() => shiftWeights([0], [0], [0], 5)).toThrow(/shiftHours must divide 24/);
  });
});
