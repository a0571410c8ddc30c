import { describe, expect, it } from 'vitest';
import {
  formatHours,
  formatRatio,
  parseEdges,
  THRESHOLD_CHOICES,
} from '../../../../renderer/src/panels/analysis-helpers.js';

describe('parseEdges', () => {
  it('reads ascending edges with an open last band as null', () => {
    expect(parseEdges('0, 100, 200, inf', 'd')).toEqual([0, 100, 200, null]);
    expect(parseEdges('0 7 14 ∞', 't')).toEqual([0, 7, 14, null]);
    expect(parseEdges('0;1;100', 'd')).toEqual([0, 1, 100]);
  });

  it('refuses too few, negative, non-increasing or misplaced inf edges, naming the field', () => {
    expect(() => parseEdges('100', 'Distance edges')).toThrow('Distance edges needs at least two edges');
    expect(() => parseEdges('0, -5', 'd')).toThrow('“-5” is not a number ≥ 0');
    expect(() => parseEdges('0, 100, 100', 'd')).toThrow('d must increase: 100 follows 100');
    expect(() => parseEdges('0, inf, 200', 'd')).toThrow('only the last edge may be inf');
    expect(() => parseEdges('0, ten', 'd')).toThrow(RangeError);
  });
});

describe('formats', () => {
  it('writes ratios with two decimals and hours as a list', () => {
    expect(formatRatio(1.4101)).toBe('1.41');
    expect(formatRatio(null)).toBe('—');
    expect(formatHours([17, 9, 0])).toBe('17, 09, 00 h');
    expect(formatHours([])).toBe('—');
  });
});

describe('THRESHOLD_CHOICES', () => {
  it('offers one class label per threshold the engine will make', () => {
    for (const choice of THRESHOLD_CHOICES) {
      const spec = choice.spec;
      const thresholds =
        spec.method === 'mean-multiple'
          ? spec.multiples.length
          : spec.method === 'mean-sd'
            ? spec.k.length
            : spec.method === 'quantile'
              ? spec.probabilities.length
              : spec.classes - 1;
      expect(choice.classes).toHaveLength(thresholds);
    }
  });
});
