import { describe, expect, it } from 'vitest';
import { makeFrame } from '../../../../shared/cartography/frame.js';
import { hotspotLabelPlacement, MIN_SIDE_IN_RADII } from '../../../../shared/cartography/hotspot-label.js';

const square = (x: number, y: number, r: number) => [
  [
    [
      [x - r, y - r],
      [x + r, y - r],
      [x + r, y + r],
      [x - r, y + r],
      [x - r, y - r],
    ],
  ],
];

describe('hotspotLabelPlacement', () => {
  // 1000 m into 500 px: 0.5 px per metre.
  const frame = makeFrame({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 500, 500);

  it('puts the disc on the label point of a polygon at least 4 radii across (200 m = 100 px ≥ 40 px)', () => {
    const at = hotspotLabelPlacement(frame, square(500, 500, 100), [500, 500], 10);
    expect(at).toEqual({ x: 250, y: 250, leader: null });
  });

  it('moves the disc of a small polygon (40 m = 20 px) outside it, past its north-east corner, with a leader line', () => {
    expect(20).toBeLessThan(MIN_SIDE_IN_RADII * 10);
    const at = hotspotLabelPlacement(frame, square(500, 500, 20), [500, 500], 10);
    // Pixel box: x 240–260, y 240–260; disc centre 16 px beyond the corner (260, 240).
    expect(at).toEqual({ x: 276, y: 224, leader: [260, 240] });
    // The disc (radius 10) does not overlap the polygon's box: it hides none of it.
    expect(at.x - 10).toBeGreaterThan(260);
    expect(at.y + 10).toBeLessThan(240);
  });

  it('uses another corner when the north-east one would put the disc off the map', () => {
    const at = hotspotLabelPlacement(frame, square(990, 990, 5), [990, 990], 10);
    // North-east and north-west leave the frame (y < 0); south-east too (x > 500); south-west fits.
    expect(at.leader).toEqual([492.5, 7.5]);
    expect(at.x).toBeCloseTo(476.5);
    expect(at.y).toBeCloseTo(23.5);
  });

  it('refuses a radius that is not positive', () => {
    expect(() => hotspotLabelPlacement(frame, square(0, 0, 1), [0, 0], 0)).toThrow(RangeError);
  });
});
