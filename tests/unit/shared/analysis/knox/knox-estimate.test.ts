import { describe, expect, it } from 'vitest';
import {
  estimateKnoxSeconds,
  estimateText,
  knoxEstimate,
} from '../../../../../shared/analysis/knox/knox-estimate.js';

describe('estimateKnoxSeconds', () => {
  it('is iterations × (pairs × 1.1 ns + events × 20 ns) ÷ threads with at most 4 time bands', () => {
    // The sample town's wide bands: 999 × (6,234,422 × 1.1 + 8,905 × 20) ns ÷ 2 = 3.5144 s, by hand.
    const work = { events: 8905, closePairs: 6_234_422, iterations: 999, threads: 2, timeBands: 4 };
    expect(estimateKnoxSeconds(work)).toBeCloseTo((999 * (6_234_422 * 1.1 + 8905 * 20)) / 2 / 1e9, 9);
    expect(estimateKnoxSeconds(work)).toBeCloseTo(3.5144, 3);
    expect(
      estimateKnoxSeconds({ events: 10, closePairs: 0, iterations: 100, threads: 0, timeBands: 1 }),
    ).toBeCloseTo(2e-5, 12);
  });

  it('is pairs × 1.8 ns with more than 4 time bands (a store per pair)', () => {
    const work = { events: 8905, closePairs: 6_234_422, iterations: 999, threads: 2, timeBands: 5 };
    expect(estimateKnoxSeconds(work)).toBeCloseTo(5.6943, 3);
  });

  it('says it in words an analyst reads', () => {
    expect(estimateText(0.4)).toBe('under a second');
    expect(estimateText(9.43)).toBe('about 9 s');
    expect(estimateText(185)).toBe('about 3 min');
    const work = { events: 8905, closePairs: 6_234_422, iterations: 999, threads: 2, timeBands: 4 };
    expect(knoxEstimate(work, false).text).toBe('About 4 s for 999 iterations (6.2 M close pairs)');
    expect(knoxEstimate(work, true).text).toBe('At most about 4 s for 999 iterations (6.2 M close pairs)');
  });
});
