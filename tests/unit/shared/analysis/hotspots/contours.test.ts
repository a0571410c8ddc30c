import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contourPolygons } from '../../../../../shared/analysis/hotspots/contours.js';
import { multiPolygonArea, signedRingArea } from '../../../../../shared/analysis/hotspots/polygon.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import type { Grid } from '../../../../../shared/model/grid.js';

describe('contourPolygons', () => {
  it('draws a planted quartic bump at the level of ¼ of its peak as a circle of radius h/√2', () => {
    const h = 400;
    const cx = 530_217;
    const cy = 180_433;
    const surface = kernelDensity(
      { x: Float64Array.of(cx), y: Float64Array.of(cy) },
      {
        cellSizeM: 10,
        bandwidthM: h,
        extent: { minX: 529_500, minY: 179_700, maxX: 531_000, maxY: 181_200 },
      },
    );
    const peak = (3 / (Math.PI * h * h)) * 1e6;
    // (1 − d²/h²)² = ¼ ⇔ d = h/√2.
    const polygons = contourPolygons(surface.grid, peak / 4);
    expect(polygons).toHaveLength(1);
    const expectedArea = (Math.PI * (h * h)) / 2;
    expect(Math.abs(multiPolygonArea(polygons) - expectedArea) / expectedArea).toBeLessThan(0.01);
    // Every vertex lies within a cell of the circle, in project metres.
    for (const [x, y] of polygons[0][0])
      expect(Math.abs(Math.hypot(x - cx, y - cy) - h / Math.SQRT2)).toBeLessThan(10);
    expect(signedRingArea(polygons[0][0])).toBeGreaterThan(0);
  });

  it('keeps north up: a high cell in row 0 gives a polygon at the top of the extent', () => {
    const grid: Grid = {
      width: 4,
      height: 3,
      originX: 100,
      originY: 200,
      cellSizeM: 10,
      values: Float64Array.of(0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0),
    };
    const [polygon] = contourPolygons(grid, 2.5);
    const ys = polygon[0].map(([, y]) => y);
    const xs = polygon[0].map(([x]) => x);
    // The sample sits at the NE cell's centre (135, 225); the contour at half its value lies halfway
    // to the neighbouring centres and is closed along the grid's north and east edges.
    expect(Math.min(...xs)).toBeCloseTo(130, 9);
    expect(Math.max(...xs)).toBeCloseTo(140, 9);
    expect(Math.min(...ys)).toBeCloseTo(220, 9);
    expect(Math.max(...ys)).toBeCloseTo(230, 9);
  });

  it('makes a ring with a hole: exterior counter-clockwise, hole clockwise', () => {
    const values = new Float64Array(49).fill(0);
    for (let r = 1; r <= 5; r++) for (let c = 1; c <= 5; c++) values[r * 7 + c] = 1;
    values[3 * 7 + 3] = 0;
    const grid: Grid = { width: 7, height: 7, originX: 0, originY: 0, cellSizeM: 1, values };
    const polygons = contourPolygons(grid, 0.5);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expect(signedRingArea(polygons[0][0])).toBeGreaterThan(0);
    expect(signedRingArea(polygons[0][1])).toBeLessThan(0);
  });

  it('matches the golden contour of a 2 × 2 block and a lone cell (fixtures/block-and-cell-contour.json)', () => {
    // Read by eye: the lone cell's centre (500 075, 100 075) gets a diamond through the midpoints to
    // its neighbours; the block's centres 45/55 get an octagon on 40–60 with 5 m corner cuts.
    const values = new Float64Array(100);
    for (const [r, c] of [
      [4, 4],
      [4, 5],
      [5, 4],
      [5, 5],
      [2, 7],
    ])
      values[r * 10 + c] = 4;
    const grid: Grid = { width: 10, height: 10, originX: 500_000, originY: 100_000, cellSizeM: 10, values };
    const golden = JSON.parse(
      readFileSync(new URL('./fixtures/block-and-cell-contour.json', import.meta.url), 'utf8'),
    );
    expect({ type: 'MultiPolygon', coordinates: contourPolygons(grid, 2) }).toEqual(golden);
  });
});
