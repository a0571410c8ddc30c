import { describe, expect, it } from 'vitest';
import { makeFrame } from '../../../../shared/cartography/frame.js';
import { renderStaticMap } from '../../../../shared/cartography/static-map.js';
import { streetLabelPlacements } from '../../../../shared/cartography/street-labels.js';

describe('streetLabelPlacements', () => {
  const frame = makeFrame({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 500, 500);

  it('labels a street once, at the middle of its longest straight stretch, turned to follow it and kept upright', () => {
    const [label, ...rest] = streetLabelPlacements(frame, [
      {
        name: 'Mill Lane',
        coords: [
          [100, 500],
          [200, 500],
          [800, 500],
        ],
      },
      // Drawn right to left: still reads left to right (angle 0, not 180).
      {
        name: 'Mill Lane',
        coords: [
          [700, 300],
          [600, 300],
        ],
      },
    ]);
    expect(rest).toHaveLength(0);
    // The two collinear pieces are one stretch, 100 → 800 m: middle at 450 m = 225 px, y 500 m = 250 px.
    expect(label).toMatchObject({ name: 'Mill Lane', x: 225, y: 250, angleDeg: 0 });
  });

  it('reads a street drawn as many short, gently bending pieces as one stretch, and an L by its longer leg', () => {
    // Twelve 50 m pieces zig-zagging ±5° about the east: one 600 m stretch, too long for no label.
    const wiggle = [[100, 700]];
    for (let k = 1; k <= 12; k++) wiggle.push([100 + 50 * k, 700 + (k % 2 === 0 ? 0 : 4)]);
    // An L: 150 m north, then 400 m east.
    const ell = [
      [100, 100],
      [100, 250],
      [500, 250],
    ];
    const placed = streetLabelPlacements(frame, [
      { name: 'Queensway', coords: wiggle },
      { name: 'Elm Row', coords: ell },
    ]);
    const queensway = placed.find((p) => p.name === 'Queensway')!;
    expect(queensway.lengthPx).toBeGreaterThan(290);
    expect(Math.abs(queensway.angleDeg)).toBeLessThan(1);
    const elm = placed.find((p) => p.name === 'Elm Row')!;
    // The east leg, 100 → 500 m at y 250 m: middle at 300 m = 150 px, y (1000 − 250) / 2 = 375 px.
    expect(elm).toMatchObject({ x: 150, y: 375, angleDeg: 0 });
  });

  it('leaves out a name longer than its stretch and one too close to a placed label', () => {
    const placed = streetLabelPlacements(frame, [
      {
        name: 'A Very Long Street Name Indeed',
        coords: [
          [450, 450],
          [470, 450],
        ],
      },
      {
        name: 'High Street',
        coords: [
          [100, 600],
          [900, 600],
        ],
      },
      {
        name: 'Low Street',
        coords: [
          [150, 620],
          [850, 620],
        ],
      },
    ]);
    expect(placed.map((p) => p.name)).toEqual(['High Street']);
  });
});

describe('renderStaticMap street names', () => {
  it('draws street names only when asked', () => {
    const base = {
      extent: { minX: 0, minY: 0, maxX: 1000, maxY: 1000 },
      widthPx: 500,
      heightPx: 500,
      streets: [
        {
          name: 'High Street',
          coords: [
            [100, 600],
            [900, 600],
          ],
        },
      ],
    };
    expect(renderStaticMap(base)).not.toContain('High Street');
    expect(renderStaticMap({ ...base, streetLabels: true })).toContain('>High Street<');
  });
});
