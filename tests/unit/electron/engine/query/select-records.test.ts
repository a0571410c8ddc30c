import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { prepareArea } from '../../../../../electron/engine/query/point-in-polygon.js';
import type { RecordCache } from '../../../../../electron/engine/query/record-cache.js';
import { selectRecords } from '../../../../../electron/engine/query/select-records.js';
import type { RecordFilter } from '../../../../../shared/model/records.js';
import { wallClockMs } from '../../../../../shared/model/time.js';
import { mulberry32 } from '../import/generate-police-uk.js';
import { CATEGORIES, randomCache } from './random-cache.js';

/** The reference: every condition written out plainly, polygons by Turf (an independent implementation). */
function bruteForce(
  c: RecordCache,
  f: RecordFilter,
  polygon: number[][][] | null,
  pointsOnly: boolean,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.count; i++) {
    const hasPoint = !Number.isNaN(c.x[i]!);
    if (pointsOnly && !hasPoint) continue;
    if (f.datasetIds && !f.datasetIds.includes(c.datasetId[i]!)) continue;
    if (f.categories && (c.categoryCode[i]! < 0 || !f.categories.includes(c.categories[c.categoryCode[i]!]!)))
      continue;
    if (f.fromMs !== undefined && c.toMs[i]! < f.fromMs) continue;
    if (f.toMs !== undefined && c.fromMs[i]! >= f.toMs) continue;
    const start = new Date(c.fromMs[i]!);
    if (f.hours && !f.hours.includes(start.getUTCHours())) continue;
    if (f.weekdays && !f.weekdays.includes((start.getUTCDay() + 6) % 7)) continue;
    if (polygon) {
      if (!hasPoint) continue;
      if (!booleanPointInPolygon([c.x[i]!, c.y[i]!], { type: 'Polygon', coordinates: polygon })) continue;
    }
    out.push(i);
  }
  return out;
}

function randomPolygon(random: () => number): number[][][] {
  // A star-shaped polygon around a random centre, with a square hole.
  const cx = 405_000 + random() * 10_000;
  const cy = 205_000 + random() * 10_000;
  const ring: number[][] = [];
  const k = 5 + Math.floor(random() * 20);
  for (let j = 0; j < k; j++) {
    const a = (2 * Math.PI * j) / k;
    const r = 1000 + random() * 4000;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  const h = 300;
  const hole = [
    [cx - h, cy - h],
    [cx - h, cy + h],
    [cx + h, cy + h],
    [cx + h, cy - h],
    [cx - h, cy - h],
  ];
  return [ring, hole];
}

describe('selectRecords', () => {
  const cache = randomCache(20_000, 42);

  it('selects exactly the brute-force ids for 60 random filters (dates, categories, hours, weekdays, datasets, polygons)', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 60; trial++) {
      const filter: RecordFilter = {};
      if (random() < 0.6) {
        const from = wallClockMs(2022, 1, 1) + Math.floor(random() * 600) * 86_400_000;
        filter.fromMs = from;
        filter.toMs = from + Math.floor(1 + random() * 120) * 86_400_000;
      }
      if (random() < 0.5) filter.categories = CATEGORIES.filter(() => random() < 0.4);
      if (random() < 0.3) filter.hours = [...Array(24).keys()].filter(() => random() < 0.5);
      if (random() < 0.3) filter.weekdays = [...Array(7).keys()].filter(() => random() < 0.5);
      if (random() < 0.3) filter.datasetIds = [1, 2, 3, 9].filter(() => random() < 0.5);
      const polygon = random() < 0.5 ? randomPolygon(random) : null;
      if (polygon) filter.area = { polygon };
      const pointsOnly = random() < 0.5;
      const area = polygon ? { area: prepareArea(polygon), code: null } : null;
      const got = [...selectRecords(cache, filter, area, { pointsOnly })];
      expect(got).toEqual(bruteForce(cache, filter, polygon, pointsOnly));
    }
  });

  it('keeps a record whose window overlaps the range: [from, to] meets [fromMs, toMs)', () => {
    const c = randomCache(3, 1, 0);
    c.fromMs.set([100, 200, 300]);
    c.toMs.set([199, 299, 300]);
    const ids = (f: RecordFilter) => [...selectRecords(c, f, null, { pointsOnly: true })];
    expect(ids({ fromMs: 199, toMs: 300 })).toEqual([0, 1]);
    expect(ids({ fromMs: 200, toMs: 301 })).toEqual([1, 2]);
  });

  it("with dateRule 'midpoint' keeps a record only in the range that holds its window's midpoint", () => {
    const c = randomCache(3, 1, 0);
    // Midpoints 150, 250 and 300: a window straddling a boundary belongs to one side only.
    c.fromMs.set([100, 200, 300]);
    c.toMs.set([200, 300, 300]);
    const ids = (f: RecordFilter) => [...selectRecords(c, f, null, { pointsOnly: true })];
    expect(ids({ fromMs: 0, toMs: 150, dateRule: 'midpoint' })).toEqual([]);
    expect(ids({ fromMs: 150, toMs: 250, dateRule: 'midpoint' })).toEqual([0]);
    expect(ids({ fromMs: 250, toMs: 301, dateRule: 'midpoint' })).toEqual([1, 2]);
    // The same windows by overlap: the straddling ones count on both sides.
    expect(ids({ fromMs: 150, toMs: 250 })).toEqual([0, 1]);
  });

  it('matches area-only records to a boundary feature by normalised code, never to a drawn polygon', () => {
    const c = randomCache(2_000, 3, 0.5);
    const square = [
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
        [0, 0],
      ],
    ];
    const feature = { area: prepareArea(square), code: ' sw1a ' };
    const got = [...selectRecords(c, { area: { boundaryFeatureId: 1 } }, feature, { pointsOnly: false })];
    const expected = [...Array(c.count).keys()].filter((i) => c.areaCode[i] === 2);
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(0);
    expect([
      ...selectRecords(c, {}, { area: prepareArea(square), code: null }, { pointsOnly: false }),
    ]).toEqual([]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => selectRecords(cache, { fromMs: 10, toMs: 5 }, null, { pointsOnly: true })).toThrow(
      RangeError,
    );
  });
});
