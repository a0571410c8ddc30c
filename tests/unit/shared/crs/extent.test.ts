import { describe, expect, it } from 'vitest';
import { inExtent, inLonLatBox, robustExtent } from '../../../../shared/crs/extent.js';
import { expectClose } from '../../expect-close.js';

describe('robustExtent', () => {
  it('centres on the median with half-width k · 1.4826 · MAD, leaving a stray point outside', () => {
    // x: 0, 1, 2, 3, 1e6 → median 2, |dev| 2, 1, 0, 1, 999998 → MAD 1 → half-width 8 · 1.4826 = 11.8608.
    const x = Float64Array.of(0, 1, 2, 3, 1e6);
    const y = Float64Array.of(10, 10, 10, 10, 10);
    const e = robustExtent(x, y, { k: 8, minHalfWidthM: 0 })!;
    expectClose(e.minX, 2 - 11.8608, 1e-12);
    expectClose(e.maxX, 2 + 11.8608, 1e-12);
    expect(inExtent(e, 3, 10)).toBe(true);
    expect(inExtent(e, 1e6, 10)).toBe(false);
  });

  it('uses the floor when all points coincide (MAD 0)', () => {
    const e = robustExtent([5, 5, 5], [7, 7, 7], { minHalfWidthM: 100 })!;
    expect(e).toEqual({ minX: -95, maxX: 105, minY: -93, maxY: 107 });
  });

  it('ignores non-finite values and returns null when nothing is left', () => {
    expect(robustExtent([Number.NaN], [1])).toBeNull();
    const e = robustExtent([1, Number.NaN, 3], [1, 2, 3], { minHalfWidthM: 1 })!;
    expect(e.minX).toBeLessThan(1);
  });

  it('checks its parameters', () => {
    expect(() => robustExtent([1], [1], { k: 0 })).toThrow('k must be > 0, got 0');
    expect(() => robustExtent([1, 2], [1], {})).toThrow(RangeError);
  });
});

describe('inLonLatBox', () => {
  it('includes the edges', () => {
    expect(inLonLatBox([-9, 49, 2, 61], -9, 61)).toBe(true);
    expect(inLonLatBox([-9, 49, 2, 61], 2.0001, 50)).toBe(false);
  });
});
