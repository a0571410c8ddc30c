import { describe, expect, it } from 'vitest';
import { estimateKnoxSeconds, estimateText } from '../../../../../shared/analysis/knox/knox-estimate.js';

describe('estimateKnoxSeconds', () => {
  it('is iterations × (pairs × 3 ns + events × 20 ns) ÷ threads', () => {
    // The sample town's wide bands: 999 × (6,234,422 × 3 + 8,905 × 20) ns ÷ 2 = 9.43 s, by hand.
    const s = estimateKnoxSeconds({ events: 8905, closePairs: 6_234_422, iterations: 999, threads: 2 });
    expect(s).toBeCloseTo((999 * (6_234_422 * 3 + 8905 * 20)) / 2 / 1e9, 9);
    expect(s).toBeCloseTo(9.4314, 3);
    expect(estimateKnoxSeconds({ events: 10, closePairs: 0, iterations: 100, threads: 0 })).toBeCloseTo(
      2e-5,
      12,
    );
  });

  it('says it in words an analyst reads', () => {
    expect(estimateText(0.4)).toBe('under a second');
    expect(estimateText(9.43)).toBe('about 9 s');
    expect(estimateText(185)).toBe('about 3 min');
  });
});
