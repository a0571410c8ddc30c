import { describe, expect, it } from 'vitest';
import { eventsPerRow, rowBands, rowOfY } from '../../../../../shared/analysis/kde/row-bands.js';

const spec = { width: 60, height: 40, originX: 400_000, originY: 200_000, cellSizeM: 20 };

describe('rowOfY', () => {
  it('numbers rows from the north and clamps points beyond the grid to its edge rows', () => {
    expect(rowOfY(spec, 200_799.9)).toBe(0);
    expect(rowOfY(spec, 200_780)).toBe(0);
    expect(rowOfY(spec, 200_779.9)).toBe(1);
    expect(rowOfY(spec, 200_000)).toBe(39);
    expect(rowOfY(spec, 150_000)).toBe(39);
    expect(rowOfY(spec, 250_000)).toBe(0);
  });
});

describe('eventsPerRow', () => {
  it('counts the used events of each row', () => {
    const y = Float64Array.of(200_010, 200_790, 200_400, 150_000, 200_795);
    const counts = eventsPerRow(spec, y, Uint8Array.of(1, 1, 1, 0, 1));
    expect(counts.length).toBe(40);
    expect(counts[0]).toBe(2);
    expect(counts[19]).toBe(1);
    expect(counts[39]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('rowBands', () => {
  it('covers every row once with contiguous bands of near-equal event counts', () => {
    const counts = new Int32Array(10);
    counts.set([0, 5, 5, 0, 0, 10, 0, 0, 0, 0]);
    // 20 events: halves cut after row 2 (10 events), the rest holds the other 10.
    expect(rowBands(counts, 2)).toEqual([
      [0, 3],
      [3, 10],
    ]);
    const four = rowBands(counts, 4);
    expect(four[0]![0]).toBe(0);
    expect(four.at(-1)![1]).toBe(10);
    for (let k = 1; k < four.length; k++) expect(four[k]![0]).toBe(four[k - 1]![1]);
  });

  it('gives one band for one thread, and never an empty band when events sit in one row', () => {
    const counts = new Int32Array(5);
    counts[4] = 100;
    expect(rowBands(counts, 1)).toEqual([[0, 5]]);
    const bands = rowBands(counts, 3);
    expect(bands.every(([a, b]) => b > a)).toBe(true);
    expect(bands[0]![0]).toBe(0);
    expect(bands.at(-1)![1]).toBe(5);
  });

  it('splits rows evenly when there are no events at all', () => {
    expect(rowBands(new Int32Array(6), 2).at(-1)![1]).toBe(6);
  });
});
