/**
 * Contouring by regions (regions.ts, contours.ts, event-polygons.ts) against references written here:
 * the whole grid contoured at once by d3-contour (what contours.ts did before it worked by regions),
 * a breadth-first 8-connected labelling, and events counted in polygons by plain even–odd tests.
 */
import { contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { contourPolygons } from '../../../../../shared/analysis/hotspots/contours.js';
import { findHotspots } from '../../../../../shared/analysis/hotspots/hotspots.js';
import {
  type MultiPolygonCoords,
  multiPolygonArea,
  pointInPolygon,
  signedRingArea,
} from '../../../../../shared/analysis/hotspots/polygon.js';
import { labelAt, type Regions, thresholdRegions } from '../../../../../shared/analysis/hotspots/regions.js';
import type { Grid } from '../../../../../shared/model/grid.js';
import { Random } from '../../../../../shared/util/random.js';

/** The whole-grid contour, projected and oriented as contours.ts documents. */
function wholeGridContour(grid: Grid, threshold: number): MultiPolygonCoords {
  const { width, height, originX, originY, cellSizeM } = grid;
  const geometry = contours()
    .size([width, height])
    .contour(grid.values as unknown as number[], threshold);
  return geometry.coordinates.map((polygon) =>
    polygon.map((ring, k) => {
      const out = ring.map(([gx, gy]) => [originX + gx * cellSizeM, originY + (height - gy) * cellSizeM]);
      if ((k === 0) !== signedRingArea(out) > 0) out.reverse();
      return out;
    }),
  );
}

/** A polygon as text independent of where its rings start: each ring rotated to its least vertex. */
function canonical(coords: MultiPolygonCoords): string[] {
  return coords
    .map((polygon) => {
      const [exterior, ...holes] = polygon.map((ring) => {
        const open = ring.slice(0, -1).map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`);
        let least = 0;
        for (let i = 1; i < open.length; i++) if (open[i] < open[least]) least = i;
        return [...open.slice(least), ...open.slice(0, least)].join(' ');
      });
      return [exterior, ...holes.sort()].join(' | ');
    })
    .sort();
}

/** Breadth-first 8-connected labelling in raster order. */
function bfsLabels(values: Float64Array, width: number, height: number, threshold: number): Int32Array {
  const labels = new Int32Array(width * height);
  let count = 0;
  for (let s = 0; s < values.length; s++) {
    if (labels[s] !== 0 || !(values[s] >= threshold)) continue;
    labels[s] = ++count;
    const queue = [s];
    while (queue.length > 0) {
      const cell = queue.shift() as number;
      const row = Math.floor(cell / width);
      const col = cell % width;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const r = row + dr;
          const c = col + dc;
          if (r < 0 || r >= height || c < 0 || c >= width) continue;
          const k = r * width + c;
          if (labels[k] === 0 && values[k] >= threshold) {
            labels[k] = count;
            queue.push(k);
          }
        }
    }
  }
  return labels;
}

/** Every cell's region, row by row, read through labelAt. */
function labelGrid(regions: Regions, width: number, height: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) out.push(labelAt(regions, c, r));
  return out;
}

/** Smooth bumps over a background with NaN holes: many small regions, or few large ones. */
function bumpyGrid(seed: number, width: number, height: number, bumps: number, radius: number): Grid {
  const random = new Random(seed);
  const values = new Float64Array(width * height);
  const centres = Array.from({ length: bumps }, () => [
    random.uniform(-2, width + 2),
    random.uniform(-2, height + 2),
    random.uniform(0.5, 3),
  ]);
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      let v = 0;
      for (const [x, y, a] of centres) v += a * Math.exp(-((c - x) ** 2 + (r - y) ** 2) / (2 * radius ** 2));
      values[r * width + c] = random.next() < 0.01 ? Number.NaN : v + 0.2 * random.next();
    }
  return { width, height, originX: 400_000, originY: 300_000, cellSizeM: 5, values };
}

/** Whether contours.ts takes the sub-grid path: the padded boxes cover at most a quarter of the grid. */
function subGridPath(grid: Grid, threshold: number): boolean {
  const { boxes } = thresholdRegions(grid.values, grid.width, grid.height, threshold);
  let cells = 0;
  for (let b = 0; b < boxes.length; b += 4)
    cells += (boxes[b + 2] - boxes[b] + 3) * (boxes[b + 3] - boxes[b + 1] + 3);
  return cells <= (grid.width * grid.height) / 4;
}

const sparse = bumpyGrid(7, 160, 120, 25, 2.5); // small separate regions: the sub-grid path
const dense = bumpyGrid(11, 90, 70, 40, 6); // large regions with holes and saddles: the whole-grid path

describe('thresholdRegions', () => {
  it('labels like a breadth-first 8-connected search, numbered in raster order, with tight boxes', () => {
    for (const [grid, t] of [
      [sparse, 1],
      [dense, 1.5],
      [dense, 3],
    ] as const) {
      const found = thresholdRegions(grid.values, grid.width, grid.height, t);
      const expected = bfsLabels(grid.values as Float64Array, grid.width, grid.height, t);
      expect(labelGrid(found, grid.width, grid.height)).toEqual(Array.from(expected));
      expect(found.count).toBe(Math.max(...expected));
      for (let label = 1; label <= found.count; label++) {
        const cols: number[] = [];
        const rows: number[] = [];
        expected.forEach((l, k) => {
          if (l !== label) return;
          cols.push(k % grid.width);
          rows.push(Math.floor(k / grid.width));
        });
        expect(Array.from(found.boxes.subarray(4 * (label - 1), 4 * label))).toEqual([
          Math.min(...cols),
          Math.min(...rows),
          Math.max(...cols),
          Math.max(...rows),
        ]);
      }
    }
  });

  it('joins diagonal neighbours and keeps apart cells a gap apart', () => {
    // 1 . . 1
    // . 1 . 1
    // . . . .
    // 1 1 . 1
    const values = Float64Array.of(1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1);
    const found = thresholdRegions(values, 4, 4, 1);
    expect(labelGrid(found, 4, 4)).toEqual([1, 0, 0, 2, 0, 1, 0, 2, 0, 0, 0, 0, 3, 3, 0, 4]);
  });
});

describe('contourPolygons by regions', () => {
  it('gives the same polygons as contouring the whole grid, on both paths', () => {
    const cases = [
      [sparse, 1, true],
      [sparse, 2, true],
      [dense, 1.5, false],
      [dense, 3, false],
    ] as const;
    for (const [grid, t, onSubGrids] of cases) {
      expect(subGridPath(grid, t)).toBe(onSubGrids);
      const reference = wholeGridContour(grid, t);
      expect(reference.length).toBeGreaterThan(3);
      expect(canonical(contourPolygons(grid, t))).toEqual(canonical(reference));
    }
  });
});

describe('findHotspots by region labels', () => {
  it('counts the events in each class and hotspot as plain point-in-polygon tests do, with the same areas', () => {
    for (const [grid, t] of [
      [sparse, 1],
      [dense, 1.5],
    ] as const) {
      const random = new Random(3);
      const n = 4000;
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      const spanX = grid.width * grid.cellSizeM;
      const spanY = grid.height * grid.cellSizeM;
      for (let i = 0; i < n; i++) {
        x[i] = grid.originX + random.uniform(-10, spanX + 10);
        y[i] = grid.originY + random.uniform(-10, spanY + 10);
      }
      const mean = grid.values.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
      const result = findHotspots(
        grid,
        { x, y },
        {
          thresholds: { method: 'mean-multiple', multiples: [t / (mean / grid.values.length)] },
          studyAreaM2: 1e6,
          minEvents: 1,
        },
      );
      const reference = wholeGridContour(grid, result.thresholds[0].value);
      const inside = (polygon: number[][][]) => {
        let count = 0;
        for (let i = 0; i < n; i++) if (pointInPolygon(polygon, x[i], y[i])) count++;
        return count;
      };
      const expectedCounts = reference
        .map(inside)
        .filter((c) => c > 0)
        .sort((a, b) => b - a);
      expect(result.classes[0].events).toBe(expectedCounts.reduce((s, c) => s + c, 0));
      expect(result.classes[0].events).toBeGreaterThan(50);
      expect(result.classes[0].areaKm2).toBeCloseTo(multiPolygonArea(reference) / 1e6, 9);
      expect(result.hotspots.map((h) => h.events)).toEqual(expectedCounts);
      for (const h of result.hotspots) expect(inside(h.polygon)).toBe(h.events);
    }
  });
});
