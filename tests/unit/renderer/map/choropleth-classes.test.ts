import { describe, expect, it } from 'vitest';
import {
  BLUES,
  choroplethClasses,
  choroplethColour,
  rateClasses,
  ratePerThousand,
  ZERO_COLOUR,
} from '../../../../renderer/src/map/choropleth-classes.js';

describe('choroplethClasses', () => {
  it('splits the positive counts into quantile classes, zero left out', () => {
    // 1 … 10: two areas per class.
    const classes = choroplethClasses([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(classes.map((c) => c.colour)).toEqual([...BLUES]);
    expect(choroplethColour(0, classes)).toBe(ZERO_COLOUR);
    expect(choroplethColour(7, classes)).toBe(BLUES[3]);
    expect(choroplethColour(10, classes)).toBe(BLUES[4]);
  });

  it('merges repeated breaks, spreading the colours over the ramp', () => {
    const classes = choroplethClasses([5, 5, 5, 5, 9]);
    expect(classes).toEqual([
      { from: 5, to: 5, colour: BLUES[0] },
      { from: 6, to: 9, colour: BLUES[4] },
    ]);
  });

  it('has no class when no area has a record, and one for a single count', () => {
    expect(choroplethClasses([0, 0])).toEqual([]);
    expect(choroplethClasses([3])).toEqual([{ from: 3, to: 3, colour: BLUES[4] }]);
  });
});

describe('rates per 1,000 residents', () => {
  it('divides by the residents and keeps one decimal place', () => {
    // 37 admissions among 8,920 residents: 4.147… per 1,000; 12 among 1,140: 10.526…
    expect(ratePerThousand(37, 8_920)).toBe(4.1);
    expect(ratePerThousand(12, 1_140)).toBe(10.5);
    expect(ratePerThousand(0, 5_000)).toBe(0);
  });

  it('classes rates with breaks a tenth apart, zero left out', () => {
    // Ten positive rates, two per class: 0.4 0.9 | 1.3 1.3 | 2.0 2.7 | 3.1 4.6 | 5.0 10.5
    const classes = rateClasses([0, 10.5, 0.4, 2.7, 1.3, 5.0, 0.9, 3.1, 1.3, 2.0, 4.6]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0.4, 0.9],
      [1.0, 1.3],
      [1.4, 2.7],
      [2.8, 4.6],
      [4.7, 10.5],
    ]);
    expect(choroplethColour(1.3, classes)).toBe(BLUES[1]);
    expect(choroplethColour(1.4, classes)).toBe(BLUES[2]);
    expect(choroplethColour(0, classes)).toBe(ZERO_COLOUR);
  });
});
