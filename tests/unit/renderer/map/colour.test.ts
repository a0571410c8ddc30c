import { describe, expect, it } from 'vitest';
import {
  categoryColour,
  densityAlpha,
  densityPixels,
  rampColour,
  YL_OR_RD,
} from '../../../../renderer/src/map/colour.js';

describe('rampColour', () => {
  it('gives the first and last ColorBrewer stops at 0 and 1 and clamps outside', () => {
    expect(rampColour(0)).toEqual([255, 255, 204]);
    expect(rampColour(1)).toEqual([128, 0, 38]);
    expect(rampColour(-3)).toEqual([255, 255, 204]);
    expect(rampColour(7)).toEqual([128, 0, 38]);
    expect(rampColour(Number.NaN)).toEqual([255, 255, 204]);
  });

  it('interpolates linearly between stops', () => {
    // t = 1/16 lies halfway between stop 0 and stop 1 (8 intervals).
    const [a, b] = [YL_OR_RD[0], YL_OR_RD[1]];
    expect(rampColour(1 / 16)).toEqual([
      Math.round((a[0] + b[0]) / 2),
      Math.round((a[1] + b[1]) / 2),
      Math.round((a[2] + b[2]) / 2),
    ]);
  });
});

describe('densityPixels', () => {
  it('copies row 0 (north) to the top row and leaves zero and NODATA cells transparent', () => {
    const grid = {
      width: 2,
      height: 2,
      originX: 0,
      originY: 0,
      cellSizeM: 10,
      values: Float64Array.from([4, 0, Number.NaN, 2]),
    };
    const pixels = densityPixels(grid, 4);
    expect([...pixels.slice(0, 4)]).toEqual([...rampColour(1), Math.round(densityAlpha(1) * 255)]);
    expect(pixels[7]).toBe(0);
    expect(pixels[11]).toBe(0);
    expect([...pixels.slice(12, 16)]).toEqual([...rampColour(0.5), Math.round(densityAlpha(0.5) * 255)]);
  });

  it('refuses a non-positive maximum and a grid whose values do not fit its size', () => {
    const grid = { width: 2, height: 1, originX: 0, originY: 0, cellSizeM: 1, values: new Float64Array(2) };
    expect(() => densityPixels(grid, 0)).toThrow('maxValue must be a finite number > 0, got 0');
    expect(() => densityPixels({ ...grid, height: 2 }, 1)).toThrow('grid has 2 values, expected 2 × 2');
  });
});

describe('densityAlpha and categoryColour', () => {
  it('keeps low densities see-through and peaks nearly opaque', () => {
    expect(densityAlpha(0)).toBe(0);
    expect(densityAlpha(0.01)).toBeGreaterThan(0.3);
    expect(densityAlpha(1)).toBe(0.9);
  });

  it('falls back to grey beyond the eight safe colours', () => {
    expect(categoryColour(0)).toBe('#0072b2');
    expect(categoryColour(8)).toBe('#8a9199');
    expect(categoryColour(-1)).toBe('#8a9199');
  });
});
