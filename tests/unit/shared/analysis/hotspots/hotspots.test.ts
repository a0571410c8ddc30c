import { describe, expect, it } from 'vitest';
import { findHotspots } from '../../../../../shared/analysis/hotspots/hotspots.js';
import { pointInPolygon } from '../../../../../shared/analysis/hotspots/polygon.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import type { Grid } from '../../../../../shared/model/grid.js';
import { PRECISION_CODE, wallClockMs } from '../../../../../shared/model/time.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

describe('findHotspots', () => {
  it('computes area, events, share and PAI of a hand-made hotspot', () => {
    // A 2 × 2 block of 4s in a 10 × 10 grid of 10 m cells. The mean over all 100 cells of the study
    // area is 16 / 100 = 0.16, so a threshold of 12.5 × mean = 2 puts the contour
    // halfway between centres: the square [40, 60]² with its four corners cut by 5 m × 5 m triangles.
    const values = new Float64Array(100);
    for (const [r, c] of [
      [4, 4],
      [4, 5],
      [5, 4],
      [5, 5],
    ])
      values[r * 10 + c] = 4;
    const grid: Grid = { width: 10, height: 10, originX: 0, originY: 0, cellSizeM: 10, values };
    const x = Float64Array.of(50, 45, 55, 50, 5, 95, 5, 95, 20, 80);
    const y = Float64Array.of(50, 52, 48, 44, 5, 5, 95, 95, 50, 50);
    const result = findHotspots(
      grid,
      { x, y },
      { thresholds: { method: 'mean-multiple', multiples: [12.5] }, studyAreaM2: 10_000, minEvents: 4 },
    );
    expect(result.hotspots).toHaveLength(1);
    const h = result.hotspots[0];
    expectClose(h.areaKm2 * 1e6, 400 - 4 * 12.5, 1e-12);
    expect(h.events).toBe(4);
    expect(h.share).toBe(0.4);
    expectClose(h.pai, 0.4 / (350 / 10_000), 1e-12);
    expect(h.peakDensity).toBe(4);
    expect(result.studyAreaKm2).toBe(0.01);
    expect(result.totalEvents).toBe(10);
  });

  it('counts the distinct locations inside a hotspot: 1 when every event shares one point (a snap point)', () => {
    const values = new Float64Array(100);
    for (const [r, c] of [
      [4, 4],
      [4, 5],
      [5, 4],
      [5, 5],
    ])
      values[r * 10 + c] = 4;
    const grid: Grid = { width: 10, height: 10, originX: 0, originY: 0, cellSizeM: 10, values };
    const options = {
      thresholds: { method: 'mean-multiple' as const, multiples: [12.5] },
      studyAreaM2: 10_000,
    };
    const onePoint = findHotspots(
      grid,
      { x: new Float64Array(6).fill(50), y: new Float64Array(6).fill(50) },
      options,
    );
    expect(onePoint.hotspots.map((h) => [h.events, h.distinctPoints])).toEqual([[6, 1]]);
    const spread = findHotspots(
      grid,
      { x: Float64Array.of(50, 50, 45, 55, 50, 52), y: Float64Array.of(50, 50, 52, 48, 44, 50) },
      options,
    );
    expect(spread.hotspots.map((h) => [h.events, h.distinctPoints])).toEqual([[6, 5]]);
    // Sub-categories counted like categories, most first; none without the column.
    const withSub = findHotspots(
      grid,
      {
        x: new Float64Array(6).fill(50),
        y: new Float64Array(6).fill(50),
        subcategoryCode: Int32Array.of(0, 1, 1, 1, -1, 0),
        subcategories: ['Burglary - Business', 'Burglary - Residential'],
      },
      options,
    );
    expect(withSub.hotspots[0]!.topSubcategories).toEqual([
      { name: 'Burglary - Residential', count: 3 },
      { name: 'Burglary - Business', count: 2 },
    ]);
    expect(onePoint.hotspots[0]!.topSubcategories).toEqual([]);
  });

  it('recovers three planted hotspots, ranked by events, with their main category and peak hour', () => {
    const random = new Random(2024);
    const planted = [
      { x: 531_000, y: 181_000, n: 150, category: 0, hour: 22 },
      { x: 533_500, y: 183_200, n: 100, category: 1, hour: 15 },
      { x: 529_600, y: 184_000, n: 60, category: 2, hour: 3 },
    ];
    const xs: number[] = [];
    const ys: number[] = [];
    const cats: number[] = [];
    const from: number[] = [];
    const precision: number[] = [];
    for (let i = 0; i < 400; i++) {
      xs.push(random.uniform(528_000, 535_000));
      ys.push(random.uniform(179_000, 186_000));
      cats.push(3);
      from.push(wallClockMs(2025, 3, 1 + random.int(0, 27), random.int(0, 23), 0));
      precision.push(PRECISION_CODE.exact);
    }
    for (const p of planted) {
      for (let i = 0; i < p.n; i++) {
        xs.push(random.normal(p.x, 70));
        ys.push(random.normal(p.y, 70));
        cats.push(random.next() < 0.8 ? p.category : 3);
        // A from/to window inside the planted hour, spread aoristically over it.
        from.push(wallClockMs(2025, 3, 1 + random.int(0, 27), p.hour, 5));
        precision.push(PRECISION_CODE.window);
      }
    }
    const x = Float64Array.from(xs);
    const y = Float64Array.from(ys);
    const fromMs = Float64Array.from(from);
    const toMs = fromMs.map((t) => t + 50 * 60_000);
    const surface = kernelDensity({ x, y }, { cellSizeM: 25, bandwidthM: 200 });
    const g = surface.grid;
    const result = findHotspots(
      g,
      {
        x,
        y,
        categoryCode: Int32Array.from(cats),
        categories: ['Burglary', 'Robbery', 'Criminal damage', 'Other'],
        fromMs,
        toMs,
        precision: Uint8Array.from(precision),
      },
      { thresholds: { method: 'mean-multiple', multiples: [3, 5] }, studyAreaM2: g.width * g.height * 625 },
    );
    expect(result.hotspots.length).toBeGreaterThanOrEqual(3);
    planted.forEach((p, k) => {
      const h = result.hotspots[k];
      expect(h.rank).toBe(k + 1);
      expect(Math.hypot(h.peakX - p.x, h.peakY - p.y)).toBeLessThan(60);
      expect(h.events).toBeGreaterThan(p.n * 0.6);
      expect(h.pai).toBeGreaterThan(5);
      expect(h.topCategories[0].name).toBe(['Burglary', 'Robbery', 'Criminal damage'][p.category]);
      expect(h.peakHours[0]).toBe(p.hour);
      expect(h.classIndex).toBe(2);
    });
    expect(result.classes.map((c) => c.classIndex)).toEqual([1, 2]);
    // Nested classes: the higher one is smaller and holds no more events.
    expect(result.classes[1].areaKm2).toBeLessThan(result.classes[0].areaKm2);
    expect(result.classes[1].events).toBeLessThanOrEqual(result.classes[0].events);
  });

  it("finds each of the synthetic town's planted police hotspots as the top hotspot of its category", () => {
    const town = generateTown({ seed: 1 });
    const table = town.tables.police_crimes;
    const column = (name: string) => table.headers.indexOf(name);
    const [category, easting, northing] = [column('Offence Category'), column('Easting'), column('Northing')];
    const planted = town.groundTruth.hotspots.filter((h) => h.dataset === 'police_crimes');
    expect(planted.length).toBeGreaterThanOrEqual(3);
    for (const h of planted) {
      const rows = table.rows.filter((r) => r[category] === h.category);
      const x = Float64Array.from(rows, (r) => Number(r[easting]));
      const y = Float64Array.from(rows, (r) => Number(r[northing]));
      const g = kernelDensity({ x, y }, { cellSizeM: 25, bandwidthM: 200 }).grid;
      const result = findHotspots(
        g,
        { x, y },
        { thresholds: { method: 'mean-multiple', multiples: [2] }, studyAreaM2: g.width * g.height * 625 },
      );
      const top = result.hotspots[0];
      expect(Math.hypot(top.peakX - h.centre.x, top.peakY - h.centre.y), h.id).toBeLessThan(
        Math.max(100, h.radiusM / 2),
      );
      expect(pointInPolygon(top.polygon, h.centre.x, h.centre.y), h.id).toBe(true);
      expect(top.events, h.id).toBeGreaterThanOrEqual(0.8 * h.count);
    }
  });

  it('refuses a non-positive study area and an unknown hotspot class', () => {
    const grid: Grid = {
      width: 2,
      height: 1,
      originX: 0,
      originY: 0,
      cellSizeM: 1,
      values: Float64Array.of(1, 2),
    };
    const ev = { x: Float64Array.of(0.5), y: Float64Array.of(0.5) };
    expect(() =>
      findHotspots(grid, ev, { thresholds: { method: 'mean-multiple', multiples: [1] }, studyAreaM2: 0 }),
    ).toThrow(/studyAreaM2 must be/);
    expect(() =>
      findHotspots(grid, ev, {
        thresholds: { method: 'mean-multiple', multiples: [1] },
        studyAreaM2: 2,
        hotspotClass: 2,
      }),
    ).toThrow('hotspotClass must be an integer from 1 to 1, got 2');
  });
});

describe('findHotspots: only hotspots the data support', () => {
  // Two tight blobs on a 20 × 20 grid of 10 m cells: 6 events around (50, 50) and 2 around (150, 150).
  const blob = (cx: number, cy: number, n: number) =>
    Array.from({ length: n }, (_, k) => [cx + (k % 3) - 1, cy + Math.floor(k / 3) - 1]);
  const points = [...blob(50, 50, 6), ...blob(150, 150, 2)];
  const x = Float64Array.from(points, (p) => p[0]);
  const y = Float64Array.from(points, (p) => p[1]);
  const surface = kernelDensity(
    { x, y },
    { cellSizeM: 10, bandwidthM: 30, extent: { minX: 0, minY: 0, maxX: 200, maxY: 200 } },
  );
  const options = {
    thresholds: { method: 'mean-multiple' as const, multiples: [2] },
    studyAreaM2: surface.studyAreaM2,
  };

  it('drops a two-event "cluster" below minEvents (default 5) and counts it', () => {
    const result = findHotspots(surface.grid, { x, y }, options);
    expect(result.support.candidates).toBe(2);
    expect(result.hotspots).toHaveLength(1);
    expect(result.hotspots[0].events).toBe(6);
    expect(result.support.droppedFewEvents).toBe(1);
    expect(result.support.droppedNotSignificant).toBe(0);
    expect(result.support.minEvents).toBe(5);
    expect(result.hotspots[0].pValue).toBeNull();
    expect(result.support.statement).toContain('1 had fewer than 5 events');
  });

  it('never reports an empty hotspot, even with minEvents 1', () => {
    const result = findHotspots(surface.grid, { x, y }, { ...options, minEvents: 1 });
    expect(result.hotspots).toHaveLength(2);
    for (const h of result.hotspots) expect(h.events).toBeGreaterThan(0);
    expect(() => findHotspots(surface.grid, { x, y }, { ...options, minEvents: 0 })).toThrow(RangeError);
  });

  it('drops a candidate whose peak a simulated maximum reaches too often, and gives p beside each', () => {
    // Hand-made nulls: 99 maxima, 10 of them above every real peak → p = 11/100 = 0.11 ≥ 0.05.
    let peak = 0;
    for (const v of surface.grid.values) if (v > peak) peak = v;
    const maxima = new Float64Array(99);
    for (let s = 0; s < 10; s++) maxima[s] = peak * 2;
    const dropped = findHotspots(surface.grid, { x, y }, { ...options, csr: { maxima, seed: 4 } });
    expect(dropped.hotspots).toHaveLength(0);
    expect(dropped.support.droppedNotSignificant).toBe(1);
    expect(dropped.support.droppedFewEvents).toBe(1);
    expect(dropped.support.statement).toContain(
      '1 had fewer than 5 events and 1 was not significant (p ≥ 0.05)',
    );
    const kept = findHotspots(
      surface.grid,
      { x, y },
      { ...options, csr: { maxima: new Float64Array(99), seed: 4 } },
    );
    expect(kept.hotspots[0].pValue).toBe(1 / 100);
    expect(kept.support.rule).toBe(
      '≥ 5 events and p < 0.05 against complete spatial randomness, 99 simulations',
    );
  });

  it('names peak hours from 20 timed events and says "too few timed events" with 19', () => {
    const n = 24;
    const cx = Float64Array.from({ length: n }, (_, k) => 100 + (k % 5));
    const cy = Float64Array.from({ length: n }, (_, k) => 100 + Math.floor(k / 5));
    const g = kernelDensity(
      { x: cx, y: cy },
      { cellSizeM: 10, bandwidthM: 30, extent: { minX: 0, minY: 0, maxX: 200, maxY: 200 } },
    ).grid;
    const run = (timed: number) => {
      const precision = new Uint8Array(n).fill(PRECISION_CODE.date);
      for (let k = 0; k < timed; k++) precision[k] = PRECISION_CODE.exact;
      const fromMs = Float64Array.from({ length: n }, () => wallClockMs(2025, 3, 4, 22, 10));
      return findHotspots(
        g,
        { x: cx, y: cy, fromMs, toMs: fromMs, precision },
        {
          thresholds: { method: 'mean-multiple', multiples: [2] },
          studyAreaM2: 40_000,
        },
      ).hotspots[0];
    };
    const few = run(19);
    expect(few.times.timed).toBe(19);
    expect(few.peakHours).toEqual([]);
    expect(few.peakHoursNote).toMatch(/^too few timed events/);
    const enough = run(20);
    expect(enough.times.timed).toBe(20);
    expect(enough.peakHours).toEqual([22]);
    expect(enough.peakHoursNote).toBeNull();
  });
});
