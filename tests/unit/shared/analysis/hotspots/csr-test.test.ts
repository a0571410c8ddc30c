import { describe, expect, it } from 'vitest';
import { csrMethod, csrPValue, simulateCsrMaxima } from '../../../../../shared/analysis/hotspots/csr-test.js';
import { findHotspots } from '../../../../../shared/analysis/hotspots/hotspots.js';
import { boundaryMask } from '../../../../../shared/analysis/kde/clip.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { iterationSeed } from '../../../../../shared/analysis/knox/permute-days.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { bruteForceDensity } from '../kde/brute-force.js';

const spec = { width: 40, height: 40, originX: 0, originY: 0, cellSizeM: 25 };

describe('csrPValue', () => {
  it('counts the simulated maxima at or above the peak, plus one, over S + 1', () => {
    const maxima = Float64Array.of(1, 5, 3, 5, 2);
    expect(csrPValue(5, maxima)).toBe((1 + 2) / 6);
    expect(csrPValue(6, maxima)).toBe(1 / 6);
    expect(csrPValue(0, maxima)).toBe(1);
  });
});

describe('simulateCsrMaxima', () => {
  it('gives the same maxima however the iterations are cut (per-iteration seeds)', () => {
    const setup = { spec, kernel: 'quartic' as const, bandwidthM: 100, count: 50, seed: 7 };
    const whole = simulateCsrMaxima(setup, 0, 10);
    const parts = [...simulateCsrMaxima(setup, 0, 4), ...simulateCsrMaxima(setup, 4, 10)];
    expect(Array.from(whole)).toEqual(parts);
  });

  it("records each simulation's maximum density, matching a brute-force surface of uniform events", () => {
    // Independent reference: redraw the first simulation's points with the documented stream and
    // evaluate the kernel sum at every cell centre by brute force.
    const setup = { spec, kernel: 'quartic' as const, bandwidthM: 100, count: 30, seed: 3 };
    const [max] = simulateCsrMaxima(setup, 0, 1);
    const random = new Random(iterationSeed(3, 0));
    const xs: number[] = [];
    const ys: number[] = [];
    for (let k = 0; k < 30; k++) {
      xs.push(random.next() * 1000);
      ys.push(random.next() * 1000);
    }
    const reference = bruteForceDensity(spec, xs, ys, 'quartic', 100);
    expectClose(max, Math.max(...reference), 1e-9);
  });

  it('draws the events inside a clipping polygon and takes the maximum over its cells only', () => {
    // Study area: the left half of the grid. Every simulated event must fall in it, so the right
    // half's cells (outside) stay far below the left half's maximum.
    const boundary = [
      [
        [
          [0, 0],
          [500, 0],
          [500, 1000],
          [0, 1000],
          [0, 0],
        ],
      ],
    ];
    const mask = boundaryMask(spec, boundary);
    const setup = { spec, kernel: 'quartic' as const, bandwidthM: 60, count: 40, seed: 9, boundary, mask };
    const maxima = simulateCsrMaxima(setup, 0, 5);
    for (const m of maxima) expect(m).toBeGreaterThan(0);
  });

  it('refuses a weight column of the wrong length', () => {
    expect(() =>
      simulateCsrMaxima(
        { spec, kernel: 'quartic', bandwidthM: 100, count: 3, weight: Float64Array.of(1, 1), seed: 1 },
        0,
        1,
      ),
    ).toThrow(RangeError);
  });
});

describe('csrMethod', () => {
  it('simulates a force-sized data set, bounds a huge one, and honours an explicit count', () => {
    // 99 × 20,000 events × π·5² cells ≈ 1.6e8 updates: within the 3e9 budget.
    expect(csrMethod(undefined, 20_000, 25, 'quartic', 125)).toBe('simulation');
    // 99 × 1,000,000 × π·10² ≈ 3.1e10: past it.
    expect(csrMethod(undefined, 1_000_000, 10, 'quartic', 100)).toBe('bound');
    expect(csrMethod(99, 1_000_000, 10, 'quartic', 100)).toBe('simulation');
    expect(csrMethod(0, 20_000, 25, 'quartic', 125)).toBe('none');
    expect(csrMethod(undefined, 0, 25, 'quartic', 125)).toBe('none');
  });
});

/** Planted clusters in uniform noise, or noise alone, in a 2 km square. */
function scene(seed: number, clusters: { x: number; y: number; n: number }[], noise: number) {
  const random = new Random(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < noise; i++) {
    xs.push(random.uniform(0, 2000));
    ys.push(random.uniform(0, 2000));
  }
  for (const c of clusters) {
    for (let i = 0; i < c.n; i++) {
      xs.push(random.normal(c.x, 40));
      ys.push(random.normal(c.y, 40));
    }
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

function supportedHotspots(events: { x: Float64Array; y: Float64Array }, seed: number) {
  const extent = { minX: 0, minY: 0, maxX: 2000, maxY: 2000 };
  const surface = kernelDensity(events, { cellSizeM: 25, bandwidthM: 150, extent });
  const maxima = simulateCsrMaxima(
    { spec: surface.grid, kernel: 'quartic', bandwidthM: 150, count: surface.counts.used, seed },
    0,
    99,
  );
  return findHotspots(surface.grid, events, {
    thresholds: { method: 'mean-multiple', multiples: [1, 2, 3] },
    hotspotClass: 3,
    studyAreaM2: surface.studyAreaM2,
    csr: { maxima, seed },
  });
}

describe('the CSR test in findHotspots', () => {
  it('finds planted clusters in uniform noise and calls them significant', () => {
    const planted = [
      { x: 500, y: 600, n: 40 },
      { x: 1500, y: 1400, n: 30 },
    ];
    const result = supportedHotspots(scene(11, planted, 300), 5);
    expect(result.hotspots).toHaveLength(2);
    planted.forEach((p, k) => {
      const h = result.hotspots[k];
      expect(Math.hypot(h.peakX - p.x, h.peakY - p.y)).toBeLessThan(60);
      expect(h.pValue).toBe(0.01);
      expect(h.events).toBeGreaterThanOrEqual(5);
    });
    expect(result.support.iterations).toBe(99);
    expect(result.support.candidates).toBe(
      2 + result.support.droppedFewEvents + result.support.droppedNotSignificant,
    );
  });

  it('reports a hotspot in uniform noise alone no more often than the stated 5 % error rate', () => {
    // When CSR is true the max-statistic test finds some hotspot in a scene with probability ≤ 0.05
    // (family-wise). Over 40 seeded scenes that is 2 expected; 6 or more would happen by chance
    // with probability 1.4 % (binomial 40, 0.05), so ≤ 5 is the check.
    let scenesWithHotspots = 0;
    for (let k = 0; k < 40; k++) {
      const result = supportedHotspots(scene(100 + k, [], 300), 1000 + k);
      if (result.hotspots.length > 0) scenesWithHotspots++;
      for (const h of result.hotspots) expect(h.pValue!).toBeLessThan(0.05);
    }
    expect(scenesWithHotspots).toBeLessThanOrEqual(5);
  });
});
