import { describe, expect, it } from 'vitest';
import { nrcPreset } from '../../../../../shared/analysis/knox/nrc-preset.js';

describe('nrcPreset', () => {
  const preset = nrcPreset({ bandwidthM: 100, distanceBands: 3, timeBandDays: 7, timeBands: 3 });

  it('gives distance edges 0, 1, b, 2b, 3b, Infinity and Manhattan distance', () => {
    expect(preset.distanceEdgesM).toEqual([0, 1, 100, 200, 300, Infinity]);
    expect(preset.metric).toBe('manhattan');
  });

  it('gives time edges 0, t, 2t, 3t, Infinity', () => {
    expect(preset.timeEdgesDays).toEqual([0, 7, 14, 21, Infinity]);
  });

  it('labels the intervals correctly, not off by one as the NRC does', () => {
    expect(preset.distanceLabels).toEqual([
      '[0, 1) m (same location)',
      '[1, 100) m',
      '[100, 200) m',
      '[200, 300) m',
      '≥ 300 m',
    ]);
    expect(preset.timeLabels).toEqual(['[0, 7) days', '[7, 14) days', '[14, 21) days', '≥ 21 days']);
  });

  it('refuses a bandwidth of 1 m or less, fractional days and zero bands', () => {
    expect(() => nrcPreset({ bandwidthM: 1, distanceBands: 3, timeBandDays: 7, timeBands: 3 })).toThrow(
      /bandwidthM must be > 1/,
    );
    expect(() => nrcPreset({ bandwidthM: 100, distanceBands: 3, timeBandDays: 1.5, timeBands: 3 })).toThrow(
      /timeBandDays/,
    );
    expect(() => nrcPreset({ bandwidthM: 100, distanceBands: 0, timeBandDays: 7, timeBands: 3 })).toThrow(
      /distanceBands/,
    );
  });
});
