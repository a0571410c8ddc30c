import { describe, expect, it } from 'vitest';
import type { KnoxReport } from '../../../../../shared/analysis/knox/knox-report.js';
import { suggestThresholds } from '../../../../../shared/analysis/knox/suggest-thresholds.js';

function report(
  knoxRatio: number[][],
  pValue: number[][],
  distanceEdges: (number | null)[],
  timeEdges: (number | null)[],
): KnoxReport {
  const zeros = knoxRatio.map((row) => row.map(() => 0));
  return {
    events: 0,
    closePairs: 0,
    distanceEdges,
    timeEdges,
    distanceLabels: [],
    timeLabels: [],
    metric: 'euclidean',
    iterations: 99,
    seed: 1,
    observed: zeros,
    expectedMean: zeros,
    expectedMedian: zeros,
    knoxRatio,
    knoxRatioMedian: knoxRatio,
    pValue,
    notes: [],
  };
}

describe('suggestThresholds', () => {
  it('takes the significant region connected to the first time band', () => {
    // Rows [0,100), [100,200), [200,300), ≥300; columns [0,7), [7,14), ≥14.
    const r = report(
      [
        [2.0, 1.5, 1.0],
        [1.6, 1.2, 1.0],
        [1.1, 1.0, 1.0],
        [1.0, 1.0, 1.0],
      ],
      [
        [0.001, 0.01, 0.5],
        [0.001, 0.2, 0.5],
        [0.3, 0.5, 0.5],
        [0.5, 0.5, 0.5],
      ],
      [0, 100, 200, 300, null],
      [0, 7, 14, null],
    );
    const s = suggestThresholds(r)!;
    expect(s.distanceM).toBe(200);
    expect(s.days).toBe(14);
    expect(s.capped).toBe(false);
    expect(s.statement).toMatch(/200 m and 14 days/);
  });

  it('ignores significant cells below 1 (fewer pairs than expected) and isolated far cells', () => {
    const r = report(
      [
        [0.5, 1.0, 3.0],
        [1.0, 1.0, 1.0],
      ],
      [
        [0.001, 0.5, 0.001],
        [0.5, 0.5, 0.5],
      ],
      [0, 100, null],
      [0, 7, 14, null],
    );
    expect(suggestThresholds(r)).toBeNull();
  });

  it('caps at the last finite edge when the region reaches an open band', () => {
    const r = report([[2.0], [1.5]], [[0.01], [0.01]], [0, 100, null], [0, null]);
    const s = suggestThresholds(r)!;
    expect(s).toMatchObject({ distanceM: 100, days: 0, capped: true });
  });
});
