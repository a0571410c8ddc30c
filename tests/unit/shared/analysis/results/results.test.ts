import { describe, expect, it } from 'vitest';
import { hotspotAccuracy } from '../../../../../shared/analysis/results/hotspot-accuracy.js';
import { weightedDisplacementDifference } from '../../../../../shared/analysis/results/wdd.js';
import { weightedDisplacementQuotient } from '../../../../../shared/analysis/results/wdq.js';
import { expectClose } from '../../../expect-close.js';

const area = (before: number, after: number) => ({ before, after });

describe('weightedDisplacementQuotient', () => {
  it('reads diffusion: T 100→60, B 50→45, C 200→190 gives s = −0.35, d = −0.05, WDQ = 1/7', () => {
    const r = weightedDisplacementQuotient({
      target: area(100, 60),
      buffer: area(50, 45),
      control: area(200, 190),
    });
    expectClose(r.successMeasure as number, -0.35, 1e-12);
    expectClose(r.displacementMeasure as number, -0.05, 1e-12);
    expectClose(r.wdq as number, 1 / 7, 1e-12);
    expect(r.reading).toBe('diffusion');
  });

  it('reads displacement smaller than the benefit: T 100→60, B 50→60, C 200→200 gives WDQ = 0.2 / −0.4 = −0.5', () => {
    const r = weightedDisplacementQuotient({
      target: area(100, 60),
      buffer: area(50, 60),
      control: area(200, 200),
    });
    expectClose(r.wdq as number, -0.5, 1e-12);
    expect(r.reading).toBe('displacement-smaller-than-direct-effect');
  });

  it('reads displacement greater than the benefit: T 100→90, B 50→70, C 100→100 gives WDQ = 0.4 / −0.1 = −4', () => {
    const r = weightedDisplacementQuotient({
      target: area(100, 90),
      buffer: area(50, 70),
      control: area(100, 100),
    });
    expectClose(r.wdq as number, -4, 1e-12);
    expect(r.reading).toBe('displacement-greater-than-direct-effect');
  });

  it('is not interpretable when the target did not fall relative to control (T 100→110, C 200→200)', () => {
    const r = weightedDisplacementQuotient({
      target: area(100, 110),
      buffer: area(50, 45),
      control: area(200, 200),
    });
    expect(r.wdq).toBeNull();
    expect(r.reading).toBe('not-interpretable');
    expect(r.text).toContain('did not fall relative to the control');
  });

  it('is null with the reason when an area had no events before', () => {
    const r = weightedDisplacementQuotient({
      target: area(10, 5),
      buffer: area(0, 3),
      control: area(20, 20),
    });
    expect(r.wdq).toBeNull();
    expect(r.text).toContain('no events in the buffer before');
  });
});

describe('weightedDisplacementDifference', () => {
  it('with its own buffer control: ΔT −40, ΔC −10, ΔB −5, ΔD +8 → WDD −43, Var 813', () => {
    const r = weightedDisplacementDifference({
      target: area(100, 60),
      control: area(200, 190),
      buffer: area(50, 45),
      bufferControl: area(80, 88),
    });
    expect(r.estimate).toBe(-43);
    expectClose(r.se, Math.sqrt(813), 1e-12);
    expectClose(r.ci95[0], -43 - 1.959963984540054 * Math.sqrt(813), 1e-12);
    expectClose(r.ci95[1], -43 + 1.959963984540054 * Math.sqrt(813), 1e-12);
    expectClose(r.z as number, -43 / Math.sqrt(813), 1e-12);
    expect(r.sharedControl).toBe(false);
  });

  it('with one control for both: WDD = ΔT + ΔB − 2ΔC = −25, Var = 160 + 95 + 4·390 = 1815', () => {
    const r = weightedDisplacementDifference({
      target: area(100, 60),
      control: area(200, 190),
      buffer: area(50, 45),
    });
    expect(r.estimate).toBe(-25);
    expectClose(r.se, Math.sqrt(1815), 1e-12);
    expect(r.sharedControl).toBe(true);
  });
});

describe('hotspotAccuracy', () => {
  it('computes PAI 1, PEI 4/7 and RRI 2/3 for two hotspot cells of five', () => {
    const r = hotspotAccuracy({
      hotspot: Uint8Array.from([1, 1, 0, 0, 0]),
      previous: [4, 2, 1, 1, 2],
      current: [3, 1, 4, 0, 2],
    });
    expectClose(r.pai as number, 1, 1e-12);
    expectClose(r.pei as number, 4 / 7, 1e-12);
    expectClose(r.rri as number, 2 / 3, 1e-12);
    expect(r.bestPossibleEvents).toBe(7);
    expect(r.eventsInHotspots).toEqual({ previous: 6, current: 4 });
  });

  it('leaves cells outside the study area out of N and A', () => {
    const r = hotspotAccuracy({
      hotspot: Uint8Array.from([1, 0, 0, 0]),
      previous: [2, 2, 0, 100],
      current: [2, 2, 0, 100],
      studyArea: Uint8Array.from([1, 1, 1, 0]),
    });
    // n/N = 2/4, a/A = 1/3 → PAI 1.5.
    expectClose(r.pai as number, 1.5, 1e-12);
    expect(r.studyAreaCells).toBe(3);
  });

  it('gives null ratios when no events fell in the study area', () => {
    const r = hotspotAccuracy({ hotspot: Uint8Array.from([1, 0]), previous: [0, 0], current: [0, 0] });
    expect([r.pai, r.pei, r.rri]).toEqual([null, null, null]);
  });
});
