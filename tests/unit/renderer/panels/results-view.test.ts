import { describe, expect, it } from 'vitest';
import {
  changeAgainstControl,
  concentrationPoints,
  countRows,
  hotspotLines,
  wdqLines,
} from '../../../../renderer/src/panels/results-view.js';
import { lorenzCurve } from '../../../../shared/analysis/concentration/lorenz.js';
import { hotspotAccuracy } from '../../../../shared/analysis/results/hotspot-accuracy.js';
import { weightedDisplacementQuotient } from '../../../../shared/analysis/results/wdq.js';

// Target 100 → 60, buffer 80 → 70, control 200 → 180 (worked by hand below).
const counts = {
  target: { before: 100, after: 60 },
  buffer: { before: 80, after: 70 },
  control: { before: 200, after: 180 },
};

describe('countRows and changeAgainstControl', () => {
  it('give each area its counts and percentage change', () => {
    expect(countRows(counts)).toEqual([
      ['Target', '100', '60', '−40.0%'],
      ['Buffer', '80', '70', '−12.5%'],
      ['Control', '200', '180', '−10.0%'],
    ]);
  });

  it('states the target change net of the control: 0.6 / 0.9 − 1 = −33 %', () => {
    expect(changeAgainstControl(counts)).toBe(
      'Against the control, crime in the target fell by 33% (target −40.0%, control −10.0%).',
    );
  });

  it('warns when the control itself moved by more than half', () => {
    const text = changeAgainstControl({ ...counts, control: { before: 50, after: 94 } });
    // (60/100) / (94/50) − 1 = −68 %.
    expect(text).toMatch(
      /^Against the control, crime in the target fell by 68% .*The control itself changed by \+88\.0%/,
    );
    expect(changeAgainstControl(counts)).not.toContain('The control itself');
  });

  it('says so when a before or control count is 0', () => {
    const text = changeAgainstControl({ ...counts, target: { before: 0, after: 4 } });
    expect(text).toContain('cannot be given');
    expect(countRows({ ...counts, target: { before: 0, after: 4 } })[0]![3]).toBe('none before');
  });
});

describe('wdqLines', () => {
  it('reads a WDQ of (0.875 − 0.9) / (0.6 − 0.9) = 0.083 as diffusion, with both measures', () => {
    const lines = wdqLines(weightedDisplacementQuotient(counts));
    expect(lines[0]).toMatch(/^WDQ 0\.08: Diffusion of benefits/);
    expect(lines[1]).toContain('Success measure −0.30');
    expect(lines[1]).toContain('displacement measure −0.03');
  });

  it('says why there is no WDQ when the target rose against the control', () => {
    const lines = wdqLines(weightedDisplacementQuotient({ ...counts, target: { before: 50, after: 90 } }));
    expect(lines[0]).toMatch(/^WDQ: not given\. The WDQ is not interpretable/);
  });
});

describe('hotspotLines', () => {
  it('words PAI, PEI and RRI with their counts', () => {
    // 2 hot cells of 10; after: 6 of 20 events in them, the busiest two cells hold 8; before 10 of 20.
    const accuracy = hotspotAccuracy({
      hotspot: Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
      previous: [6, 4, 2, 2, 2, 1, 1, 1, 1, 0],
      current: [3, 3, 5, 3, 2, 1, 1, 1, 1, 0],
    });
    const lines = hotspotLines({ ...accuracy, cellSizeM: 100, distanceM: 200, rule: 'the rule' });
    expect(lines[0]).toBe('2 hot spot cells of 10 held 6 of the 20 events after (10 of 20 before).');
    // PAI = (6/20)/(2/10) = 1.5; PEI = 6/8 = 0.75; RRI = (6/20)/(10/20) = 0.6.
    expect(lines[1]).toMatch(/^PAI 1\.50: .* 1\.5 times/);
    expect(lines[2]).toMatch(/^PEI 0\.75: the best 2 cells would have held 8/);
    expect(lines[3]).toMatch(/^RRI 0\.60: the hot spots took a smaller share/);
    expect(lines[4]).toBe('the rule');
  });
});

describe('concentrationPoints', () => {
  it('gives the busiest-first curve of a brute-force ranking', () => {
    const cells = [0, 5, 1, 0, 3, 1];
    const ranked = [...cells].sort((a, b) => b - a);
    const total = ranked.reduce((s, v) => s + v, 0);
    const expected: [number, number][] = [[0, 0]];
    let running = 0;
    ranked.forEach((v, k) => {
      running += v;
      expected.push([(k + 1) / cells.length, running / total]);
    });
    const points = concentrationPoints(lorenzCurve(cells));
    expect(points).toHaveLength(7);
    points.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i]![0], 12);
      expect(y).toBeCloseTo(expected[i]![1], 12);
    });
  });

  it('thins a long curve to the asked number of points, ends kept', () => {
    const points = concentrationPoints(lorenzCurve(Array.from({ length: 1000 }, (_, i) => i % 7)), 50);
    expect(points).toHaveLength(51);
    expect(points[0]).toEqual([0, 0]);
    expect(points[50]![0]).toBe(1);
    expect(points[50]![1]).toBeCloseTo(1, 12);
  });
});
