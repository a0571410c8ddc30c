import { describe, expect, it } from 'vitest';
import {
  boundaryColours,
  categoryColours,
  datasetColours,
  matchColour,
} from '../../../../renderer/src/map/palette.js';

describe('datasetColours', () => {
  it('gives each dataset an Okabe–Ito colour by its place among the ids, whatever order they come in', () => {
    expect([...datasetColours([9, 2, 5, 2])]).toEqual([
      [2, '#0072b2'],
      [5, '#e69f00'],
      [9, '#009e73'],
    ]);
  });
});

describe('categoryColours', () => {
  it('colours the commonest categories first, ties by code, records without a category named', () => {
    const { named, other } = categoryColours(Int32Array.from([2, 2, 2, 0, 0, 1, -1]), ['A', 'B', 'C']);
    expect(named.map((c) => [c.label, c.count, c.colour])).toEqual([
      ['C', 3, '#0072b2'],
      ['A', 2, '#e69f00'],
      ['No category', 1, '#009e73'],
      ['B', 1, '#cc79a7'],
    ]);
    expect(other).toBe(0);
  });

  it('keeps the last colour slot for "Other" when there are more categories than colours', () => {
    // Ten categories, category k has k + 1 records: the seven commonest are 9 … 3, the rest 2 + 3 + 1 = 6 records.
    const codes: number[] = [];
    for (let k = 0; k < 10; k++) for (let n = 0; n <= k; n++) codes.push(k);
    const { named, other } = categoryColours(codes, 'ABCDEFGHIJ'.split(''));
    expect(named.map((c) => c.label)).toEqual(['J', 'I', 'H', 'G', 'F', 'E', 'D']);
    expect(other).toBe(1 + 2 + 3);
  });
});

describe('matchColour', () => {
  it('maps property values to colours with grey for the rest', () => {
    expect(matchColour('d', [[1, '#aaaaaa']])).toEqual(['match', ['get', 'd'], 1, '#aaaaaa', '#8a9199']);
    expect(matchColour('d', [])).toEqual(['literal', '#8a9199']);
  });
});

describe('boundaryColours', () => {
  it('gives boundary layers distinct outline colours in id order', () => {
    const colours = boundaryColours([7, 3]);
    expect(colours.get(3)).toBe('#4d5b68');
    expect(colours.get(7)).toBe('#8c510a');
  });
});
