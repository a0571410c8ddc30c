import { describe, expect, it } from 'vitest';
import { KDE_UNIT, kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { KERNEL_NAMES } from '../../../../../shared/analysis/kde/kernels.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { bruteForceDensity } from './brute-force.js';

function randomEvents(n: number, seed: number, withWeights: boolean) {
  const random = new Random(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Clustered around two centres so some cells get many kernels and some only edges of kernels.
    const c = random.next() < 0.6 ? [531_200, 181_400] : [532_100, 180_700];
    x[i] = c[0] + random.normal(0, 300);
    y[i] = c[1] + random.normal(0, 250);
    weight[i] = random.int(0, 4);
  }
  return withWeights ? { x, y, weight } : { x, y };
}

describe('kernelDensity', () => {
  it.each(KERNEL_NAMES)('equals a brute-force evaluation at every cell centre (%s, weighted)', (kernel) => {
    const events = randomEvents(300, 7, true);
    const surface = kernelDensity(events, { kernel, cellSizeM: 37, bandwidthM: 160 });
    const expected = bruteForceDensity(surface.grid, events.x, events.y, kernel, 160, events.weight);
    let nonZero = 0;
    for (let i = 0; i < expected.length; i++) {
      expectClose(surface.grid.values[i], expected[i], 1e-9, `cell ${i}`);
      if (expected[i] > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(500);
  });

  it.each(KERNEL_NAMES)(
    'equals a brute-force evaluation of the events inside an explicit extent cutting kernels (%s)',
    (kernel) => {
      const events = randomEvents(200, 11, false);
      const extent = { minX: 531_000, minY: 180_900, maxX: 532_013, maxY: 181_777 };
      const surface = kernelDensity(events, { kernel, cellSizeM: 25, bandwidthM: 90, extent });
      // The study area is the grid's rectangle: 41 × 36 cells of 25 m from the extent's corner.
      const inside = [...events.x.keys()].filter(
        (i) =>
          events.x[i] >= 531_000 &&
          events.x[i] <= 531_000 + 41 * 25 &&
          events.y[i] >= 180_900 &&
          events.y[i] <= 180_900 + 36 * 25,
      );
      expect(inside.length).toBeGreaterThan(0);
      expect(inside.length).toBeLessThan(200);
      expect(surface.counts.excludedOutside).toBe(200 - inside.length);
      const xs = inside.map((i) => events.x[i]);
      const ys = inside.map((i) => events.y[i]);
      const expected = bruteForceDensity(surface.grid, xs, ys, kernel, 90);
      for (let i = 0; i < expected.length; i++)
        expectClose(surface.grid.values[i], expected[i], 1e-9, `cell ${i}`);
    },
  );

  it.each(KERNEL_NAMES)(
    'conserves mass: Σ values × cell area ≈ Σ weights when kernels lie inside (%s)',
    (kernel) => {
      const events = randomEvents(50, 3, true);
      const surface = kernelDensity(events, { kernel, cellSizeM: 5, bandwidthM: 150 });
      let sum = 0;
      for (const v of surface.grid.values) sum += v;
      const cellKm2 = (5 * 5) / 1e6;
      const totalWeight = events.weight!.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum * cellKm2 - totalWeight) / totalWeight).toBeLessThanOrEqual(0.01);
      expect(surface.counts.usedWeight).toBe(totalWeight);
    },
  );

  it('puts a single event in the north-east corner cell into row 0, last column', () => {
    const extent = { minX: 0, minY: 0, maxX: 1000, maxY: 500 };
    const surface = kernelDensity(
      { x: Float64Array.of(995), y: Float64Array.of(495) },
      { cellSizeM: 10, bandwidthM: 5, kernel: 'uniform', extent },
    );
    const { width, height, values } = surface.grid;
    expect([width, height]).toEqual([100, 50]);
    const hot = [...values.keys()].filter((i) => values[i] > 0);
    expect(hot).toEqual([width - 1]);
    expectClose(values[width - 1], (1 / (Math.PI * 25)) * 1e6, 1e-12);
  });

  it('gives 3/(π h²) × 1e6 events per km² at the cell of a lone event on a cell centre (quartic)', () => {
    const surface = kernelDensity(
      { x: Float64Array.of(105), y: Float64Array.of(205) },
      { cellSizeM: 10, bandwidthM: 50, extent: { minX: 0, minY: 0, maxX: 300, maxY: 300 } },
    );
    const g = surface.grid;
    const row = g.height - 1 - 20;
    expectClose(g.values[row * g.width + 10], (3 / (Math.PI * 2500)) * 1e6, 1e-12);
    // One cell east: d = 10 m, (1 − 100/2500)².
    expectClose(g.values[row * g.width + 11], (3 / (Math.PI * 2500)) * 0.96 ** 2 * 1e6, 1e-12);
    expect(surface.unit).toBe(KDE_UNIT);
    expect(KDE_UNIT).toBe('events per km²');
  });

  it('reports the parameters it used, with defaults resolved and named', () => {
    const events = randomEvents(100, 5, false);
    const surface = kernelDensity(events);
    const p = surface.params;
    expect(p.kernel).toBe('quartic');
    expect(p.defaulted).toEqual(['kernel', 'cellSizeM', 'bandwidthM', 'extent']);
    expectClose(p.bandwidthM, 5 * p.cellSizeM, 1e-12);
    expect(p.suggestedBandwidthM).toBeGreaterThan(0);
    expect(surface.grid.originX).toBe(p.extent.minX);
    expect(surface.counts).toEqual({ total: 100, used: 100, excludedOutside: 0, usedWeight: 100 });
  });

  it('leaves out and counts events outside an explicit extent, with or without excludeOutside', () => {
    const x = Float64Array.of(50, 60, 500, 70);
    const y = Float64Array.of(50, 60, 500, 40);
    const extent = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    const kept = kernelDensity({ x, y }, { cellSizeM: 10, bandwidthM: 30, extent, excludeOutside: true });
    const reference = bruteForceDensity(kept.grid, [50, 60, 70], [50, 60, 40], 'quartic', 30);
    for (let i = 0; i < reference.length; i++) expectClose(kept.grid.values[i], reference[i], 1e-9);
    expect(kept.counts).toEqual({ total: 4, used: 3, excludedOutside: 1, usedWeight: 3 });
    const always = kernelDensity({ x, y }, { cellSizeM: 10, bandwidthM: 30, extent });
    expect(Array.from(always.grid.values)).toEqual(Array.from(kept.grid.values));
    expect(always.counts.excludedOutside).toBe(1);
    expect(always.studyAreaM2).toBe(100 * 100);
  });

  it('clips to a boundary: cells with centres outside become NaN, events outside are left out', () => {
    // Two events inside the triangle x + y < 100 and one outside it (left out of the surface).
    const events = { x: Float64Array.of(30, 35, 80), y: Float64Array.of(40, 42, 60) };
    const boundary = [
      [
        [0, 0],
        [100, 0],
        [0, 100],
        [0, 0],
      ],
    ];
    const surface = kernelDensity(events, { cellSizeM: 10, bandwidthM: 40, boundary });
    const g = surface.grid;
    expect(surface.params.extentSource).toBe('boundary');
    expect([g.width, g.height]).toEqual([10, 10]);
    expect(surface.counts.excludedOutside).toBe(1);
    expect(surface.studyAreaM2).toBe(5000);
    const reference = bruteForceDensity(g, [30, 35], [40, 42], 'quartic', 40);
    let kept = 0;
    for (let row = 0; row < g.height; row++) {
      for (let col = 0; col < g.width; col++) {
        const cx = col * 10 + 5;
        const cy = (g.height - row - 1) * 10 + 5;
        const v = g.values[row * g.width + col];
        if (cx + cy < 100) {
          kept++;
          expectClose(v, reference[row * g.width + col], 1e-9);
        } else expect(v).toBeNaN();
      }
    }
    expect(kept).toBe(45);
    expect(surface.cellsInStudyArea).toBe(45);
  });
});
