import { describe, expect, it } from 'vitest';
import { rightHandRule, signedArea } from '../../../../../shared/profile/exports/rings.js';

const SQUARE_ACW = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [0, 0],
];

describe('signedArea', () => {
  it('is +4 for a 2 × 2 square drawn anticlockwise and −4 clockwise', () => {
    expect(signedArea(SQUARE_ACW)).toBe(4);
    expect(signedArea([...SQUARE_ACW].reverse())).toBe(-4);
  });
});

describe('rightHandRule', () => {
  it('reverses a clockwise exterior and an anticlockwise hole, and leaves right ones alone', () => {
    const hole = [
      [0.5, 0.5],
      [1, 0.5],
      [1, 1],
      [0.5, 0.5],
    ];
    const [outer, inner] = rightHandRule([[...SQUARE_ACW].reverse(), hole]);
    expect(outer).toEqual(SQUARE_ACW);
    expect(inner).toEqual([...hole].reverse());
    expect(rightHandRule([SQUARE_ACW])[0]).toEqual(SQUARE_ACW);
  });
});
