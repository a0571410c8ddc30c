import { describe, expect, it } from 'vitest';
import { knoxReport } from '../../../../../shared/analysis/knox/knox-report.js';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';

describe('knoxReport', () => {
  it('writes matrices as rows of distance bands, infinite edges and undefined ratios as null', () => {
    const events = {
      x: Float64Array.from([0, 10, 5000]),
      y: Float64Array.from([0, 0, 0]),
      day: Int32Array.from([0, 1, 50]),
    };
    const result = knoxTest(events, {
      distanceEdgesM: [0, 100, Infinity],
      timeEdgesDays: [0, 7, Infinity],
      iterations: 19,
      seed: 9,
    });
    const report = knoxReport(result, ['a note']);
    expect(report.distanceEdges).toEqual([0, 100, null]);
    expect(report.timeEdges).toEqual([0, 7, null]);
    expect(report.observed).toEqual([
      [1, 0],
      [0, 2],
    ]);
    expect(report.observed.length).toBe(2);
    expect(report.pValue[0].length).toBe(2);
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        const ratio = result.knoxRatio[r * 2 + c];
        expect(report.knoxRatio[r][c]).toBe(Number.isFinite(ratio) ? ratio : null);
      }
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.notes).toEqual(['a note']);
  });

  it('carries q-values and significance beside the unadjusted p, and the sentence on what Knox shows', () => {
    const events = {
      x: Float64Array.from([0, 10, 5000, 5010]),
      y: Float64Array.from([0, 0, 0, 0]),
      day: Int32Array.from([0, 1, 50, 51]),
    };
    const report = knoxReport(
      knoxTest(events, {
        distanceEdgesM: [0, 100, Infinity],
        timeEdgesDays: [0, 7, Infinity],
        iterations: 19,
        seed: 9,
      }),
    );
    // Four cells: each q is at least its p (BH only raises p-values) and at most 1.
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        expect(report.qValue[r][c]).toBeGreaterThanOrEqual(report.pValue[r][c]);
        expect(report.qValue[r][c]).toBeLessThanOrEqual(1);
        const ratio = report.knoxRatio[r][c];
        if (report.significant[r][c])
          expect(ratio !== null && ratio > 1 && report.qValue[r][c] < 0.05).toBe(true);
      }
    }
    expect(report.reading).toMatch(/does not show that one offender/);
  });
});
