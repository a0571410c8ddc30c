import { describe, expect, it } from 'vitest';
import {
  csrBound,
  csrBoundPValue,
  kernelSquaredIntegral,
  weightSums,
} from '../../../../../shared/analysis/hotspots/csr-bound.js';
import { simulateCsrMaxima } from '../../../../../shared/analysis/hotspots/csr-test.js';
import { findHotspots } from '../../../../../shared/analysis/hotspots/hotspots.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { KERNEL_NAMES, kernelValue } from '../../../../../shared/analysis/kde/kernels.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

describe('kernelSquaredIntegral', () => {
  it('gives 9 / (5π h²) for the quartic kernel and c²·π for the uniform one', () => {
    expectClose(kernelSquaredIntegral('quartic', 150), 9 / (5 * Math.PI * 150 ** 2), 1e-9);
    expectClose(
      kernelSquaredIntegral('uniform', 80),
      (1 / (Math.PI * 80 ** 2)) ** 2 * Math.PI * 80 ** 2,
      1e-6,
    );
  });

  it('matches a brute-force sum over a fine square lattice for every kernel', () => {
    const h = 50;
    for (const kernel of KERNEL_NAMES) {
      const step = 0.5;
      const reach = (kernel === 'gaussian' ? 3 : 1) * h;
      let sum = 0;
      for (let x = -reach; x <= reach; x += step)
        for (let y = -reach; y <= reach; y += step) sum += kernelValue(kernel, Math.hypot(x, y), h) ** 2;
      expectClose(kernelSquaredIntegral(kernel, h), sum * step * step, 5e-3);
    }
  });
});

describe('csrBoundPValue', () => {
  const grid = { originX: 0, originY: 0, width: 40, height: 40, cellSizeM: 25 };
  const setup = { spec: grid, kernel: 'quartic' as const, bandwidthM: 100, count: 400, seed: 3 };
  const bound = csrBound({
    kernel: 'quartic',
    bandwidthM: 100,
    studyAreaM2: 1000 * 1000,
    cells: 1600,
    ...weightSums(undefined, 400),
  });

  it('is 1 at or below the mean density and falls towards 0 far above it', () => {
    expect(bound.meanPerKm2).toBe(400);
    expect(csrBoundPValue(400, bound)).toBe(1);
    expect(csrBoundPValue(200, bound)).toBe(1);
    expect(csrBoundPValue(20 * 400, bound)).toBeLessThan(1e-6);
  });

  it('never falls below the chance, estimated by 400 simulations, that a CSR surface reaches a peak', () => {
    const maxima = simulateCsrMaxima(setup, 0, 400);
    const sorted = [...maxima].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99]) {
      const peak = sorted[Math.floor(q * sorted.length)]!;
      const simulated = maxima.filter((m) => m >= peak).length / maxima.length;
      expect(csrBoundPValue(peak, bound)).toBeGreaterThanOrEqual(simulated);
    }
  });

  it('counts weights: heavier events raise the mean and the largest jump', () => {
    const weighted = csrBound({
      kernel: 'quartic',
      bandwidthM: 100,
      studyAreaM2: 1e6,
      cells: 1600,
      ...weightSums(Float64Array.of(1, 1, 3), 3),
    });
    expect(weighted.meanPerKm2).toBe(5);
    expectClose(weighted.jumpPerKm2, 1e6 * 3 * kernelValue('quartic', 0, 100), 1e-12);
  });
});

describe('the bound as the hotspots test of a large run', () => {
  it('supports a planted cluster among 200,000 uniform events and no hotspot in the noise alone', () => {
    const side = 5000;
    const run = (cluster: number) => {
      const random = new Random(11);
      const n = 200_000 + cluster;
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const planted = i < cluster;
        x[i] = planted ? random.normal(2500, 60) : random.uniform(0, side);
        y[i] = planted ? random.normal(2500, 60) : random.uniform(0, side);
      }
      const extent = { minX: 0, minY: 0, maxX: side, maxY: side };
      const surface = kernelDensity({ x, y }, { cellSizeM: 25, bandwidthM: 100, extent });
      const bound = csrBound({
        kernel: 'quartic',
        bandwidthM: 100,
        studyAreaM2: surface.studyAreaM2,
        cells: surface.grid.width * surface.grid.height,
        ...weightSums(undefined, surface.counts.used),
      });
      return findHotspots(
        surface.grid,
        { x, y },
        {
          thresholds: { method: 'mean-multiple', multiples: [1.5] },
          studyAreaM2: surface.studyAreaM2,
          csr: { bound },
        },
      );
    };
    const planted = run(2000);
    expect(planted.support.method).toBe('bound');
    const supported = planted.hotspots;
    expect(supported).toHaveLength(1);
    expect(Math.hypot(supported[0]!.peakX - 2500, supported[0]!.peakY - 2500)).toBeLessThan(50);
    expect(supported[0]!.pValue).toBeLessThan(1e-6);
    expect(run(0).hotspots).toHaveLength(0);
  });
});
