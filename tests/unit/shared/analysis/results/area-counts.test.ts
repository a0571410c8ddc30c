import { describe, expect, it } from 'vitest';
import { countResultAreas } from '../../../../../shared/analysis/results/area-counts.js';
import { describeChange, resultsAnalysis } from '../../../../../shared/analysis/results/results-analysis.js';

const square = (x: number, y: number, s: number) => [
  [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
];
const areas = { target: square(0, 0, 10), buffer: square(-10, -10, 30), control: square(5, 5, 100) };
const periods = { before: { fromMs: 0, toMs: 100 }, after: { fromMs: 200, toMs: 300 } };

describe('countResultAreas', () => {
  it('counts an event in target and buffer in the target only, leaves out events between periods, and reports control overlap', () => {
    const r = countResultAreas(
      {
        x: [5, 15, 50, 5, 5, Number.NaN, 2],
        y: [5, 15, 50, 5, 5, 0, 2],
        timeMs: [10, 250, 250, 150, 100, 20, 299],
      },
      areas,
      periods,
    );
    // (5,5) before: target and control (overlap). (15,15) after: buffer and control (overlap).
    // (50,50) after: control. t = 150 and t = 100 are in no period. NaN point: without a point.
    // (2,2) after: target only.
    expect(r.counts).toEqual({
      target: { before: 1, after: 1 },
      buffer: { before: 0, after: 1 },
      control: { before: 1, after: 2 },
    });
    expect(r.controlOverlap).toBe(2);
    expect(r.withoutPoint).toBe(1);
  });

  it('refuses overlapping periods', () => {
    expect(() =>
      countResultAreas({ x: [], y: [], timeMs: [] }, areas, {
        before: { fromMs: 0, toMs: 100 },
        after: { fromMs: 50, toMs: 300 },
      }),
    ).toThrow(/overlap/);
  });
});

describe('resultsAnalysis', () => {
  it('says when counts are small, periods differ in length and the control overlaps', () => {
    const r = resultsAnalysis(
      {
        counts: {
          target: { before: 10, after: 5 },
          buffer: { before: 30, after: 30 },
          control: { before: 40, after: 40 },
        },
        controlOverlap: 3,
        withoutPoint: 0,
      },
      { before: 28, after: 31 },
    );
    const text = r.caveats.join(' ');
    expect(text).toContain('Fewer than 20 events in the target');
    expect(text).toContain('differ in length (28 and 31 days)');
    expect(text).toContain('3 events lie in the control');
    expect(r.wddText).toContain('WDD −5.0');
  });
});

describe('describeChange', () => {
  it('words a change with its percent, and areas with no events before', () => {
    expect(describeChange({ before: 40, after: 20 })).toBe('40 before, 20 after (−50.0%)');
    expect(describeChange({ before: 0, after: 3 })).toBe('3 after, none before');
    expect(describeChange({ before: 0, after: 0 })).toBe('no events before or after');
  });
});
