/**
 * The density difference figure on a 4 × 2 grid of 100 m cells built here: hotspot numbers at their
 * outlines' centroids, a scale bar of a round length drawn to the map's scale, and the key with its
 * unit, its ends at ± the largest difference and the words "more this period" / "fewer".
 */
import { describe, expect, it } from 'vitest';
import { colourLimit, differenceSvg } from '../../../../shared/tasking/difference-svg.js';

// 4 columns × 2 rows of 100 m from (1000, 2000): the map is 640 px for 400 m, 1.6 px per metre.
const grid = {
  width: 4,
  height: 2,
  originX: 1000,
  originY: 2000,
  cellSizeM: 100,
  values: Float64Array.from([40, 0, 0, -20, 0, 10, 0, 0]),
};
const square = (x0: number, y0: number, side: number) => [
  [
    [x0, y0],
    [x0 + side, y0],
    [x0 + side, y0 + side],
    [x0, y0 + side],
    [x0, y0],
  ],
];

describe('colourLimit', () => {
  it('ends the ramp at the 99th percentile of the non-zero differences, so one peak does not whiten the rest', () => {
    // 199 blocks of +100, one of −150, one peak of +1600, zeros: 201 non-zero; nearest rank ⌈0.99 × 201⌉ = 199
    // of the sorted sizes (199 × 100, 150, 1600) is 100.
    const means = [...Array(199).fill(100), -150, 1600, 0, 0];
    expect(colourLimit(means)).toEqual({ limit: 100, clippedUp: true, clippedDown: true });
    expect(colourLimit([40, 0, -20, 10])).toEqual({ limit: 40, clippedUp: false, clippedDown: false });
    expect(colourLimit([0, Number.NaN])).toEqual({ limit: 0, clippedUp: false, clippedDown: false });
  });

  it('says ≥ on the key when a block lies beyond the limit', () => {
    const values = Float64Array.from([...Array(199).fill(100), 1600]);
    const wide = { ...grid, width: 200, height: 1, values };
    const svg = differenceSvg(wide, [], 'Difference');
    expect(svg).toMatch(/>≥ \+100<\/text><text [^>]+>more this period<\/text>/);
    expect(svg).toMatch(/>fewer<\/text><text [^>]+>−100<\/text>/);
  });
});

describe('differenceSvg', () => {
  const svg = differenceSvg(
    grid,
    [
      { polygon: square(1000, 2100, 100), dashed: false, label: '1' },
      { polygon: square(1300, 2000, 100), dashed: true, label: 'P2' },
    ],
    'Difference',
  );

  it('labels each outline with its number at its centroid', () => {
    // Hotspot 1: centre (1050, 2150) → x = 50 × 1.6 = 80 px, y = (2200 − 2150) × 1.6 = 80 px.
    expect(svg).toContain('x="80.0" y="80.0"');
    expect(svg).toMatch(/>1<\/text>/);
    // P2: centre (1350, 2050) → x = 560 px, y = 240 px.
    expect(svg).toContain('x="560.0" y="240.0"');
    expect(svg).toMatch(/>P2<\/text>/);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it('draws a scale bar of a round length to the map scale', () => {
    // The key is 300 px wide: (300 − 40) px / 1.6 px per m = 162.5 m → a 100 m bar of 160 px.
    expect(svg).toMatch(/<rect x="654" y="[\d.]+" width="160.0" height="8"/);
    expect(svg).toContain('>100 m</text>');
  });

  it('keys the colours in events per km², from +max (more this period) to −max (fewer)', () => {
    expect(svg).toContain('>events per km²</text>');
    expect(svg).toMatch(/>\+40<\/text><text [^>]+>more this period<\/text>/);
    expect(svg).toMatch(/>fewer<\/text><text [^>]+>−40<\/text>/);
    expect(svg).toContain('>0 no change</text>');
  });

  it('refuses an empty grid', () => {
    expect(() => differenceSvg({ ...grid, width: 0, values: new Float64Array(0) }, [], 'x')).toThrow(
      RangeError,
    );
  });
});
