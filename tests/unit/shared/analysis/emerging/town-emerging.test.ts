/**
 * Emerging hot spots on the generated sample town (shared/generate) with several seeds: the planted
 * emerging hotspot (ground truth `emerging: true`, present only in the last quarter) is classed new
 * in that quarter, and the stationary planted hotspots of the police data persistent.
 */
import { describe, expect, it } from 'vitest';
import { PATTERNS, patternLabel } from '../../../../../shared/analysis/emerging/classify.js';
import { emergingHotspots } from '../../../../../shared/analysis/emerging/emerging.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';

const CELL_M = 100;

function townRun(seed: number) {
  const town = generateTown({ seed });
  const table = town.tables.police_crimes;
  const col = (name: string) => table.headers.indexOf(name);
  const [cat, from, to, east, north] = [
    'Offence Subcategory',
    'Committed From',
    'Committed To',
    'Easting',
    'Northing',
  ].map(col);
  const parse = (text: string) => {
    const m = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)/.exec(text);
    if (!m) throw new Error(`unreadable date ${text}`);
    return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));
  };
  const bySubcategory = (subcategory: string) => {
    const rows = table.rows.filter((r) => r[cat] === subcategory);
    const x = rows.map((r) => Number(r[east]));
    const y = rows.map((r) => Number(r[north]));
    const timeMs = rows.map((r) => {
      const a = parse(r[from]);
      const b = r[to] ? parse(r[to]) : a;
      return a + (b - a) / 2;
    });
    return { x, y, timeMs };
  };
  const all = table.rows.map((r) => [Number(r[east]), Number(r[north])]);
  const extent = {
    minX: Math.floor(Math.min(...all.map((p) => p[0])) / CELL_M) * CELL_M,
    minY: Math.floor(Math.min(...all.map((p) => p[1])) / CELL_M) * CELL_M,
    maxX: Math.ceil(Math.max(...all.map((p) => p[0])) / CELL_M) * CELL_M,
    maxY: Math.ceil(Math.max(...all.map((p) => p[1])) / CELL_M) * CELL_M,
  };
  const endMs = Date.parse(`${town.options.endDate}T00:00:00Z`) + 86_400_000;
  const run = (subcategory: string) =>
    emergingHotspots(bySubcategory(subcategory), {
      extent,
      cellSizeM: CELL_M,
      distanceM: 200,
      endMs,
      slice: { unit: 'months', length: 3 },
      slices: 8,
    });
  const cellOf = (x: number, y: number) => {
    const height = Math.ceil((extent.maxY - extent.minY) / CELL_M);
    const width = Math.ceil((extent.maxX - extent.minX) / CELL_M);
    return (
      Math.floor((x - extent.minX) / CELL_M) + (height - 1 - Math.floor((y - extent.minY) / CELL_M)) * width
    );
  };
  return { town, run, cellOf };
}

describe('emerging hot spots on the sample town', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the emerging hotspot is new in its quarter, the stationary police hotspots persistent`, () => {
      const { town, run, cellOf } = townRun(seed);
      const planted = town.groundTruth.hotspots.filter((h) => h.dataset === 'police_crimes');
      const emerging = planted.filter((h) => h.emerging);
      expect(emerging).toHaveLength(1);
      for (const h of planted) {
        const r = run(h.subcategory);
        const c = cellOf(h.centre.x, h.centre.y);
        const label = patternLabel(r.pattern[c]);
        if (h.emerging) {
          // New, or (where the place was already a weaker hot spot) a significant rise in its quarter.
          expect(label === 'new hot spot' || r.rise[c] === 1, `${h.id}: ${label}`).toBe(true);
          expect(r.state[7][c], h.id).toBe(1);
        } else {
          expect(label, `${h.id} ${h.name}`).toBe('persistent hot spot');
          expect(r.rise[c], `${h.id} rise`).toBe(0);
        }
      }
      expect(PATTERNS).toContain('new');
    });
  }
});
