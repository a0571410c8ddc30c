import { describe, expect, it } from 'vitest';
import { chunkRanges, shareArray } from '../../../../../electron/engine/analysis/pool-chunks.js';

describe('chunkRanges', () => {
  it('cuts 10 into 3 contiguous ranges covering every index once', () => {
    expect(chunkRanges(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
  });

  it('drops empty ranges when there are more chunks than items', () => {
    expect(chunkRanges(2, 4)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});

describe('shareArray', () => {
  it('copies a typed array into a SharedArrayBuffer of the same type, leaving the original alone', () => {
    const original = Int32Array.from([3, -1, 7]);
    const shared = shareArray(original);
    expect(shared).toBeInstanceOf(Int32Array);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(shared)).toEqual([3, -1, 7]);
    shared[0] = 99;
    expect(original[0]).toBe(3);
    const floats = shareArray(Float64Array.from([0.5, 1e300]));
    expect(floats).toBeInstanceOf(Float64Array);
    expect(Array.from(floats)).toEqual([0.5, 1e300]);
  });
});
