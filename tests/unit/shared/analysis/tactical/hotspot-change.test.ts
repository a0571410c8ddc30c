import { describe, expect, it } from 'vitest';
import {
  classifyHotspotChanges,
  GROWTH_RATIO,
  isSharplyUp,
} from '../../../../../shared/analysis/tactical/hotspot-change.js';

/** An axis-aligned square outline as a GeoJSON polygon. */
function square(x0: number, y0: number, side: number): number[][][] {
  return [
    [
      [x0, y0],
      [x0 + side, y0],
      [x0 + side, y0 + side],
      [x0, y0 + side],
      [x0, y0],
    ],
  ];
}
const lattice = { originX: 0, originY: 0, stepM: 10 };

describe('classifyHotspotChanges', () => {
  it('classes a half-shifted square of the same size persisting with Jaccard 1/3', () => {
    // A = [0,100]², B = [50,150]×[0,100]: shared 50×100 = 5,000 m², combined 15,000 m².
    const [c] = classifyHotspotChanges(
      [{ polygon: square(50, 0, 100) }],
      [{ polygon: square(0, 0, 100) }],
      lattice,
    );
    expect(c!.status).toBe('persisting');
    expect(c!.jaccard).toBeCloseTo(1 / 3, 12);
    expect(c!.areaM2).toBe(10_000);
    expect(c!.previousAreaM2).toBe(10_000);
  });

  it('classes an outline with no previous overlap new, and an unmatched previous one gone', () => {
    const changes = classifyHotspotChanges(
      [{ polygon: square(0, 0, 100) }],
      [{ polygon: square(500, 500, 100) }],
      lattice,
    );
    expect(changes.map((c) => c.status)).toEqual(['new', 'gone']);
    expect(changes[0]!.jaccard).toBe(0);
    expect(changes[1]!.previous).toEqual([0]);
    expect(changes[1]!.previousAreaM2).toBe(10_000);
  });

  it('classes grown at GROWTH_RATIO times the area and shrunk at its inverse', () => {
    // 200 × 200 = 40,000 m² around a 100 × 100 previous one: 4× the area, J = 10,000/40,000.
    const [grown] = classifyHotspotChanges(
      [{ polygon: square(0, 0, 200) }],
      [{ polygon: square(50, 50, 100) }],
      lattice,
    );
    expect(grown!.status).toBe('grown');
    expect(grown!.jaccard).toBeCloseTo(0.25, 12);
    const [shrunk] = classifyHotspotChanges(
      [{ polygon: square(50, 50, 100) }],
      [{ polygon: square(0, 0, 200) }],
      lattice,
    );
    expect(shrunk!.status).toBe('shrunk');
    // Exactly at the ratio: 150 × 100 = 15,000 against 10,000 is "grown" (≥).
    const wide = [
      [
        [0, 0],
        [150, 0],
        [150, 100],
        [0, 100],
        [0, 0],
      ],
    ];
    expect(GROWTH_RATIO).toBe(1.5);
    const [edge] = classifyHotspotChanges([{ polygon: wide }], [{ polygon: square(0, 0, 100) }], lattice);
    expect(edge!.status).toBe('grown');
  });

  it('compares a hotspot with the union of the previous ones it overlaps', () => {
    // Two 100 × 100 previous hotspots side by side merged into one 200 × 100: same area, J = 1.
    const merged = [
      [
        [0, 0],
        [200, 0],
        [200, 100],
        [0, 100],
        [0, 0],
      ],
    ];
    const [c] = classifyHotspotChanges(
      [{ polygon: merged }],
      [{ polygon: square(0, 0, 100) }, { polygon: square(100, 0, 100) }],
      lattice,
    );
    expect(c!.status).toBe('persisting');
    expect(c!.previous).toEqual([0, 1]);
    expect(c!.jaccard).toBe(1);
  });

  it('refuses a lattice step that is not positive', () => {
    expect(() => classifyHotspotChanges([], [], { originX: 0, originY: 0, stepM: 0 })).toThrow(/stepM/);
  });
});

describe('isSharplyUp', () => {
  it('marks a persisting, grown or shrunk outline with a significant rise, never a new or gone one', () => {
    const rise = 'significant increase';
    expect(isSharplyUp({ status: 'persisting', verdict: rise })).toBe(true);
    expect(isSharplyUp({ status: 'grown', verdict: rise })).toBe(true);
    expect(isSharplyUp({ status: 'shrunk', verdict: rise })).toBe(true);
    expect(isSharplyUp({ status: 'new', verdict: rise })).toBe(false);
    expect(isSharplyUp({ status: 'gone', verdict: rise })).toBe(false);
    expect(isSharplyUp({ status: 'persisting', verdict: 'no significant change' })).toBe(false);
    expect(isSharplyUp({ status: 'persisting', verdict: null })).toBe(false);
  });
});
