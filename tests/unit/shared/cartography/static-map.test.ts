import { describe, expect, it } from 'vitest';
import { makeFrame } from '../../../../shared/cartography/frame.js';
import { labelPoint, ringArea } from '../../../../shared/cartography/label-point.js';
import { formatLength, niceLengthM } from '../../../../shared/cartography/scale-bar.js';
import { renderStaticMap } from '../../../../shared/cartography/static-map.js';
import { expectClose } from '../../expect-close.js';

describe('makeFrame', () => {
  it('maps the extent centre to the frame centre and flips y so north is up', () => {
    const frame = makeFrame({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 400, 400);
    const [cx, cy] = frame.toPx(500, 250);
    expectClose(cx, 200);
    expectClose(cy, 200);
    const [, northY] = frame.toPx(500, 500);
    const [, southY] = frame.toPx(500, 0);
    expect(northY).toBeLessThan(southY);
  });

  it('keeps a uniform scale: 1000 m wide into 400 px is 0.4 px per metre', () => {
    const frame = makeFrame({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 400, 400);
    expectClose(frame.scale, 0.4);
    expectClose(frame.extent.maxY - frame.extent.minY, 1000);
  });

  it('refuses an empty extent', () => {
    expect(() => makeFrame({ minX: 0, minY: 0, maxX: 0, maxY: 10 }, 100, 100)).toThrow(/positive width/);
  });
});

describe('niceLengthM', () => {
  it('picks the longest 1, 2 or 5 × 10^k length that fits', () => {
    expect(niceLengthM(730)).toBe(500);
    expect(niceLengthM(199)).toBe(100);
    expect(niceLengthM(2000)).toBe(2000);
    expect(niceLengthM(4.9)).toBe(2);
    expect(niceLengthM(162.5)).toBe(100);
    expect(niceLengthM(260)).toBe(200);
    expect(niceLengthM(999)).toBe(500);
    expect(niceLengthM(1000)).toBe(1000);
  });

  it('formats kilometres from 1000 m', () => {
    expect(formatLength(500)).toBe('500 m');
    expect(formatLength(2000)).toBe('2 km');
  });
});

describe('labelPoint', () => {
  it('puts the label of a square at its centre, using the largest polygon', () => {
    const small = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ];
    const big = [
      [
        [10, 10],
        [20, 10],
        [20, 20],
        [10, 20],
        [10, 10],
      ],
    ];
    expect(labelPoint([small, big])).toEqual([15, 15]);
    expect(Math.abs(ringArea(big[0]!))).toBe(100);
  });
});

describe('renderStaticMap', () => {
  const grid = {
    width: 4,
    height: 3,
    originX: 0,
    originY: 0,
    cellSizeM: 100,
    values: Float64Array.from([0, 1, 2, 0, 0, 5, 9, 0, 0, 1, 2, 0]),
  };
  const svg = renderStaticMap({
    extent: { minX: 0, minY: 0, maxX: 400, maxY: 300 },
    widthPx: 600,
    heightPx: 400,
    title: 'Burglary density',
    provenance: 'Synthetic data · EPSG:27700',
    surface: { grid, thresholds: [1, 4], unit: 'events per km²' },
    hotspots: [
      {
        label: '1',
        polygons: [
          [
            [
              [100, 100],
              [300, 100],
              [300, 200],
              [100, 200],
              [100, 100],
            ],
          ],
        ],
      },
    ],
  });

  it('states the density unit in the legend', () => {
    expect(svg).toContain('events per km²');
  });

  it('draws a scale bar, a north arrow, the title and the provenance', () => {
    expect(svg).toContain('class="scale-bar"');
    expect(svg).toContain('class="north-arrow"');
    expect(svg).toContain('Burglary density');
    expect(svg).toContain('Synthetic data · EPSG:27700');
  });

  it('draws one filled band per threshold and numbers the hotspot', () => {
    expect(svg.match(/<g class="surface">(.*?)<\/g>/)?.[1]?.match(/<path /g)).toHaveLength(2);
    expect(svg).toMatch(/<text[^>]*>1<\/text>/);
  });

  it('references nothing outside the document', () => {
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(svg).not.toMatch(/xlink:href|<image/);
  });
});

describe('renderStaticMap layers for profiles', () => {
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

  it('outlines the subject, draws risk zones and outlined event circles, each with a legend entry', () => {
    const svg = renderStaticMap({
      extent: { minX: 0, minY: 0, maxX: 1000, maxY: 1000 },
      widthPx: 400,
      heightPx: 400,
      highlight: { polygons: square(500, 500, 200), label: 'Profile area' },
      zones: { rings: [square(300, 300, 50)[0]![0]!], label: 'Risk zone (live series)' },
      points: { x: [100, 900, 5000], y: [100, 900, 5000], label: 'Event in the period' },
    });
    expect(svg).toContain('>Profile area<');
    expect(svg).toContain('>Risk zone (live series)<');
    // Two of the three points fall inside the frame; the third is left out.
    expect(svg.match(/<g class="points"[^>]*>(.*?)<\/g>/)?.[1]?.match(/<circle /g)).toHaveLength(2);
  });

  it('clips the map body with a nested svg, so many maps can share one HTML page without id clashes', () => {
    const svg = renderStaticMap({
      extent: { minX: 0, minY: 0, maxX: 10, maxY: 10 },
      widthPx: 100,
      heightPx: 80,
    });
    expect(svg).toContain('<svg width="100" height="80" overflow="hidden">');
    expect(svg).not.toMatch(/\bid=|url\(/);
  });
});

describe('renderStaticMap risk zones', () => {
  const circle = (cx: number, cy: number, r: number) =>
    Array.from({ length: 32 }, (_, k) => [
      cx + r * Math.cos((k * Math.PI) / 16),
      cy + r * Math.sin((k * Math.PI) / 16),
    ]);
  const svg = renderStaticMap({
    extent: { minX: 0, minY: 0, maxX: 1000, maxY: 1000 },
    widthPx: 400,
    heightPx: 400,
    zones: { rings: [circle(400, 500, 150), circle(550, 500, 150)], label: 'Risk zone (live series)' },
  });

  it('draws all zones as one filled path with no outline, so overlaps show no inner edges', () => {
    const zonePaths = svg.match(/<path [^>]*fill-opacity="0.18"[^>]*>/g);
    expect(zonePaths).toHaveLength(1);
    expect(zonePaths![0]).toContain('stroke="none"');
    expect(zonePaths![0]!.match(/Z/g)).toHaveLength(2);
    expect(svg).not.toMatch(/url\(/);
  });

  it('says what the zones are in the legend', () => {
    expect(svg).toContain('Risk zone (live series)');
  });
});
