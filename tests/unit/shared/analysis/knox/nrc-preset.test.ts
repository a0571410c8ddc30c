import { describe, expect, it } from 'vitest';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import { nrcPreset } from '../../../../../shared/analysis/knox/nrc-preset.js';

describe('nrcPreset', () => {
  const preset = nrcPreset({ bandwidthM: 100, distanceBands: 3, timeBandDays: 7, timeBands: 3 });

  it('gives distance edges 0, ε, b, 2b, 3b, Infinity (ε the smallest double) and Manhattan distance', () => {
    expect(preset.distanceEdgesM).toEqual([0, Number.MIN_VALUE, 100, 200, 300, Infinity]);
    expect(preset.metric).toBe('manhattan');
  });

  it('gives time edges 0, t, 2t, 3t, Infinity', () => {
    expect(preset.timeEdgesDays).toEqual([0, 7, 14, 21, Infinity]);
  });

  it('labels the intervals correctly, not off by one as the NRC does', () => {
    expect(preset.distanceLabels).toEqual([
      '0 m (same location)',
      '(0, 100) m',
      '[100, 200) m',
      '[200, 300) m',
      '≥ 300 m',
    ]);
    expect(preset.timeLabels).toEqual(['[0, 7) days', '[7, 14) days', '[14, 21) days', '≥ 21 days']);
  });

  it('refuses a bandwidth of 0 m or less, fractional days and zero bands', () => {
    expect(() => nrcPreset({ bandwidthM: 0, distanceBands: 3, timeBandDays: 7, timeBands: 3 })).toThrow(
      /bandwidthM must be > 0/,
    );
    expect(() => nrcPreset({ bandwidthM: 100, distanceBands: 3, timeBandDays: 1.5, timeBands: 3 })).toThrow(
      /timeBandDays/,
    );
    expect(() => nrcPreset({ bandwidthM: 100, distanceBands: 0, timeBandDays: 7, timeBands: 3 })).toThrow(
      /distanceBands/,
    );
  });

  it('counts only pairs at identical points as same location: a same-day pair 0.56 m apart is in (0, b)', () => {
    // Four events on one day: A and B at the same point, C 0.56 m from A (Manhattan 0.56), D far away.
    const x0 = 530_000;
    const y0 = 180_000;
    const events = {
      x: Float64Array.from([x0, x0, x0 + 0.56, x0 + 5_000]),
      y: Float64Array.from([y0, y0, y0, y0]),
      day: Int32Array.from([10, 10, 10, 10]),
    };
    const result = knoxTest(events, { ...preset, iterations: 9, seed: 1 });
    // Brute force over the pairs, with the NRC's meaning of the rows: 0 exactly, then (0, 100) m.
    let same = 0;
    let nearButApart = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        const d = Math.abs(events.x[i] - events.x[j]) + Math.abs(events.y[i] - events.y[j]);
        if (d === 0) same++;
        else if (d < 100) nearButApart++;
      }
    }
    expect([same, nearButApart]).toEqual([1, 2]);
    const columns = result.columns;
    expect(result.observed[0 * columns + 0]).toBe(same);
    expect(result.observed[1 * columns + 0]).toBe(nearButApart);
  });
});
