import { describe, expect, it } from 'vitest';
import { makeFrame } from '../../../../shared/cartography/frame.js';
import { renderStaticMap } from '../../../../shared/cartography/static-map.js';
import { streetLabelPlacements } from '../../../../shared/cartography/street-labels.js';

describe('streetLabelPlacements', () => {
  const frame = makeFrame({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 500, 500);

  it('labels a street once, at the middle of its longest stretch, turned to follow it and kept upright', () => {
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
    // Longest stretch 200 → 800 m: middle at 500 m = 250 px, y 500 m = 250 px.
    expect(label).toMatchObject({ name: 'Mill Lane', x: 250, y: 250, angleDeg: 0 });
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
