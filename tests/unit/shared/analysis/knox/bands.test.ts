import { describe, expect, it } from 'vitest';
import {
  bandLabels,
  bandOf,
  checkEdges,
  intervalLabel,
  largestFiniteEdge,
} from '../../../../../shared/analysis/knox/bands.js';

describe('bandOf', () => {
  const edges = [0, 100, 200, Infinity];
  it('puts a value exactly on an edge in the upper band', () => {
    expect(bandOf(100, edges)).toBe(1);
    expect(bandOf(200, edges)).toBe(2);
    expect(bandOf(0, edges)).toBe(0);
  });
  it('puts values inside a band in that band', () => {
    expect(bandOf(99.999, edges)).toBe(0);
    expect(bandOf(150, edges)).toBe(1);
    expect(bandOf(1e9, edges)).toBe(2);
  });
  it('returns -1 below the first edge and at or beyond a finite last edge', () => {
    expect(bandOf(49, [50, 100])).toBe(-1);
    expect(bandOf(100, [50, 100])).toBe(-1);
    expect(bandOf(150, [50, 100])).toBe(-1);
  });
});

describe('checkEdges', () => {
  it('accepts increasing edges with a last Infinity', () => {
    expect(() => checkEdges('e', [0, 1, 100, Infinity])).not.toThrow();
  });
  it('refuses fewer than two edges, non-increasing edges, negative edges and an inner Infinity', () => {
    expect(() => checkEdges('e', [0])).toThrow(RangeError);
    expect(() => checkEdges('e', [0, 100, 100])).toThrow(/strictly increasing/);
    expect(() => checkEdges('e', [-5, 100])).toThrow(/must be >= 0, got -5/);
    expect(() => checkEdges('e', [0, Infinity, 200])).toThrow(/only the last edge/);
    expect(() => checkEdges('e', [0, Number.NaN])).toThrow(RangeError);
  });
  it('refuses fractional time edges when whole days are required', () => {
    expect(() => checkEdges('timeEdgesDays', [0, 7.5], true)).toThrow(/whole number of days/);
  });
});

describe('largestFiniteEdge', () => {
  it('skips a last Infinity', () => {
    expect(largestFiniteEdge([0, 100, 300, Infinity])).toBe(300);
    expect(largestFiniteEdge([0, 100, 300])).toBe(300);
  });
});

describe('intervalLabel and bandLabels', () => {
  it('writes half-open intervals and an open last band', () => {
    expect(intervalLabel(1, 100, 'm')).toBe('[1, 100) m');
    expect(intervalLabel(300, Infinity, 'm')).toBe('≥ 300 m');
    expect(bandLabels([0, 7, 14, Infinity], 'days')).toEqual(['[0, 7) days', '[7, 14) days', '≥ 14 days']);
  });
});
