import { describe, expect, it } from 'vitest';
import {
  DiscSampler,
  nearestStreetPoint,
  OFFSET_MAX_M,
  segmentTable,
  weightedSampler,
} from '../../../../shared/generate/street-sampler.js';
import type { Street } from '../../../../shared/generate/streets.js';
import { createRandom } from '../../../../shared/util/random.js';

// Two streets: an east–west line y = 0 from x = 0 to 1000 and a north–south line x = 2000.
const streets: Street[] = [
  { name: 'East Road', kind: 'main', line: [0, 250, 500, 750, 1000].map((x) => [x, 0]) },
  { name: 'North Lane', kind: 'residential', line: [0, 500, 1000].map((y) => [2000, y]) },
];
const table = segmentTable(streets);

describe('segmentTable', () => {
  it('flattens the polylines into segments with lengths and street indexes', () => {
    expect(table.count).toBe(6);
    expect([...table.lengthM]).toEqual([250, 250, 250, 250, 500, 500]);
    expect([...table.street]).toEqual([0, 0, 0, 0, 1, 1]);
  });
});

describe('weightedSampler', () => {
  it('puts points within the offset of their street, in proportion to length × weight', () => {
    const sampler = weightedSampler(table, streets, (_x, _y, kind) => (kind === 'main' ? 3 : 1));
    const rng = createRandom(1);
    let onEast = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const p = sampler.point(rng);
      if (p.street === 0) {
        onEast++;
        expect(Math.abs(p.y)).toBeLessThanOrEqual(OFFSET_MAX_M + 0.5);
      } else {
        expect(Math.abs(p.x - 2000)).toBeLessThanOrEqual(OFFSET_MAX_M + 0.5);
      }
    }
    // Equal lengths, weights 3 : 1.
    expect(Math.abs(onEast / n - 0.75)).toBeLessThan(0.01);
  });
});

describe('DiscSampler', () => {
  it('keeps every point within the radius and is densest near the centre', () => {
    const disc = new DiscSampler(table, { x: 500, y: 0 }, 200);
    const rng = createRandom(2);
    let inner = 0;
    for (let i = 0; i < 5000; i++) {
      const p = disc.point(rng);
      const d = Math.hypot(p.x - 500, p.y);
      expect(d).toBeLessThanOrEqual(200);
      if (d <= 100) inner++;
    }
    // Along a line, a Gaussian of σ = 100 cut at 200 puts P(|z| ≤ 1)/P(|z| ≤ 2) = 0.6827/0.9545 = 0.715 inside 100 m.
    expect(Math.abs(inner / 5000 - 0.715)).toBeLessThan(0.03);
  });

  it('refuses a disc with no street in it', () => {
    expect(() => new DiscSampler(table, { x: 1000, y: 3000 }, 100)).toThrow(/no street within 100 m/);
  });
});

describe('nearestStreetPoint', () => {
  it('projects onto the nearest segment', () => {
    expect(nearestStreetPoint(table, 300, 40)).toEqual({ x: 300, y: 0, street: 0 });
    expect(nearestStreetPoint(table, 1900, 700)).toEqual({ x: 2000, y: 700, street: 1 });
  });
});
