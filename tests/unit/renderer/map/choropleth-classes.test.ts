import { describe, expect, it } from 'vitest';
import {
  BLUES,
  choroplethClasses,
  choroplethColour,
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
