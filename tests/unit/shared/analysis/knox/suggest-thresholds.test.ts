import { describe, expect, it } from 'vitest';
import type { KnoxReport } from '../../../../../shared/analysis/knox/knox-report.js';
import { SAME_LOCATION_EDGE_M } from '../../../../../shared/analysis/knox/nrc-preset.js';
import { suggestThresholds } from '../../../../../shared/analysis/knox/suggest-thresholds.js';

/** A hand-made report: only the fields the suggestion reads matter. */
function report(
  significant: boolean[][],
  distanceEdges: (number | null)[],
  timeEdges: (number | null)[],
  distanceLabels: string[],
  timeLabels: string[],
): KnoxReport {
  const fill = (v: number) => significant.map((row) => row.map(() => v));
  return {
    events: 0,
    closePairs: 0,
    distanceEdges,
    timeEdges,
    distanceLabels,
    timeLabels,
    metric: 'manhattan',
    iterations: 99,
    seed: 1,
    observed: fill(0),
    expectedMean: fill(0),
    expectedMedian: fill(0),
    knoxRatio: fill(1.8),
    knoxRatioMedian: fill(1.8),
    pValue: fill(0.001),
    qValue: fill(0.003),
    significant,
    reading: '',
    notes: [],
  };
}

const D = ['[0, 100) m', '[100, 200) m', '[200, 300) m', '[300, 400) m', '≥ 400 m'];
const T = ['[0, 7) days', '[7, 14) days', '[14, 21) days', '[21, 28) days', '≥ 28 days'];

describe('suggestThresholds', () => {
  it('takes the tightest significant cell, not the outermost of the significant region', () => {
    // Significant region from [100, 200) m × [0, 7) days out to [300, 400) m × [21, 28) days (the
    // old rule's 400 m / 28 days); the tightest cell is row 1, column 0 → 200 m and 7 days.
    const s = suggestThresholds(
      report(
        [
          [false, false, false, false, false],
          [true, true, false, false, false],
          [true, true, true, false, false],
          [false, true, true, true, false],
          [false, false, false, false, false],
        ],
        [0, 100, 200, 300, 400, null],
        [0, 7, 14, 21, 28, null],
        D,
        T,
      ),
    )!;
    expect(s).toMatchObject({ distanceM: 200, days: 7, metric: 'manhattan', capped: false });
    expect(s.cell).toMatchObject({ distanceBand: 1, timeBand: 0 });
    expect(s.source).toBe(
      'tightest significant Knox cell: [100, 200) m × [0, 7) days, ratio 1.80, q = 0.003',
    );
    expect(s.statement).toMatch(
      /closer than 200 m \(manhattan distance, as the Knox test\) and fewer than 7 days/,
    );
  });

  it('takes the first significant time band of the first distance band that has one', () => {
    const s = suggestThresholds(
      report(
        [
          [false, false, true, false, false],
          [true, false, false, false, false],
        ],
        [0, 100, 200],
        [0, 7, 14, 21, 28, null],
        D.slice(0, 2),
        T,
      ),
    )!;
    expect(s).toMatchObject({ distanceM: 100, days: 21 });
  });

  it('passes over the NRC same-location row (0 m links only identical points) and says so', () => {
    const s = suggestThresholds(
      report(
        [
          [true, false],
          [false, false],
          [false, true],
          [false, false],
        ],
        [0, SAME_LOCATION_EDGE_M, 100, 200, null],
        [0, 7, null],
        ['0 m (same location)', '(0, 100) m', '[100, 200) m', '≥ 200 m'],
        ['[0, 7) days', '≥ 7 days'],
      ),
    );
    // Row 2's only significant cell has an open time edge: no finite threshold anywhere but row 0.
    expect(s).toBeNull();
    const t = suggestThresholds(
      report(
        [
          [true, false],
          [false, false],
          [true, false],
          [false, false],
        ],
        [0, SAME_LOCATION_EDGE_M, 100, 200, null],
        [0, 7, null],
        ['0 m (same location)', '(0, 100) m', '[100, 200) m', '≥ 200 m'],
        ['[0, 7) days', '≥ 7 days'],
      ),
    )!;
    expect(t).toMatchObject({ distanceM: 200, days: 7 });
    expect(t.statement).toMatch(/same-location row is significant too/);
  });

  it('gives no suggestion when only open bands are significant, or nothing is', () => {
    const open = report(
      [
        [false, true],
        [true, false],
      ],
      [0, 100, null],
      [0, 7, null],
      ['[0, 100) m', '≥ 100 m'],
      ['[0, 7) days', '≥ 7 days'],
    );
    expect(suggestThresholds(open)).toBeNull();
    const none = report([[false]], [0, 100], [0, 7], ['[0, 100) m'], ['[0, 7) days']);
    expect(suggestThresholds(none)).toBeNull();
  });
});
