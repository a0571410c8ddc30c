import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  lonLatToTile,
  type PrintTile,
  printZoom,
  rasterBasemapSvg,
  tileToLonLat,
  toBase64,
} from '../../../../shared/cartography/basemap-tiles.js';
import { makeFrame } from '../../../../shared/cartography/frame.js';

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** WGS84 of a tile corner, from the slippy-map formulas written out here. */
function corner(z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  return [(x / n) * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI];
}

describe('printZoom', () => {
  it('picks the zoom whose tile pixel is nearest the map pixel, worked by hand', () => {
    // At 52.5° N a zoom-0 pixel is 156,543.03 × cos 52.5° = 95,302 m; 95,302 / 2 = 2^15.54 → 16.
    expect(printZoom(2, 52.5, 0, 22)).toBe(16);
    // At the equator 1.194 m is zoom 17's pixel exactly.
    expect(printZoom(1.194, 0, 0, 22)).toBe(17);
    expect(printZoom(2, 52.5, 0, 14)).toBe(14);
    expect(printZoom(2000, 52.5, 10, 18)).toBe(10);
  });
});

describe('tile corners', () => {
  it('z1 tile 1/0 starts at 0° E on Web Mercator latitude limit, and converts back', () => {
    const [lon, lat] = tileToLonLat(1, 1, 0);
    expect(lon).toBe(0);
    expect(lat).toBeCloseTo(85.051_128_78, 6);
    const [x, y] = lonLatToTile(15, -1.5, 52.5);
    const [lon2, lat2] = tileToLonLat(15, x, y);
    expect(lon2).toBeCloseTo(-1.5, 9);
    expect(lat2).toBeCloseTo(52.5, 9);
  });
});

describe('rasterBasemapSvg in British National Grid', () => {
  // A 2 km × 1.5 km town view near Coventry on a 900 × 640 map; tiles of zoom 15 only.
  const frame = makeFrame({ minX: 430_000, minY: 280_000, maxX: 432_000, maxY: 281_500 }, 900, 640, 12);
  const [west, south] = proj4(BNG, 'WGS84', [frame.extent.minX, frame.extent.minY]);
  const [east, north] = proj4(BNG, 'WGS84', [frame.extent.maxX, frame.extent.maxY]);
  const tiles: PrintTile[] = [];
  for (let x = 16_236; x <= 16_251; x++)
    for (let y = 10_754; y <= 10_769; y++)
      tiles.push({ z: 15, x, y, bytes: Uint8Array.of(x % 256, y % 256, 7) });
  const svg = rasterBasemapSvg(
    frame,
    { format: 'png', minzoom: 15, maxzoom: 15, tiles, opacity: 0.8 },
    'EPSG:27700',
  );
  const images = [
    ...svg.matchAll(/<image [^>]*transform="matrix\(([^)]*)\)" href="data:image\/png;base64,([^"]+)"/g),
  ].map((m) => {
    const bytes = Buffer.from(m[2]!, 'base64');
    return {
      m: m[1]!.split(' ').map(Number),
      x: 16_236 + ((bytes[0]! - (16_236 % 256) + 256) % 256),
      y: 10_754 + ((bytes[1]! - (10_754 % 256) + 256) % 256),
    };
  });
  const toPx = (lonLat: [number, number]) => {
    const [e, n] = proj4('WGS84', BNG, lonLat);
    return [(e - frame.extent.minX) * frame.scale, (frame.extent.maxY - n) * frame.scale];
  };
  const apply = (m: number[], u: number, v: number) => [
    m[0]! * u + m[2]! * v + m[4]!,
    m[1]! * u + m[3]! * v + m[5]!,
  ];

  it('draws the tiles that cover the view, and no others, faded', () => {
    expect(svg).toContain('fill="#f7f5f0" fill-opacity="0.56"');
    const inside = (lon: number, lat: number) => {
      const n = 2 ** 15;
      const tx = Math.floor(((lon + 180) / 360) * n);
      const r = (lat * Math.PI) / 180;
      const ty = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
      return images.some((i) => i.x === tx && i.y === ty);
    };
    for (const [lon, lat] of [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
      [(west + east) / 2, (south + north) / 2],
    ] as const)
      expect(inside(lon, lat)).toBe(true);
    expect(images.length).toBeGreaterThanOrEqual(4);
    expect(images.length).toBeLessThanOrEqual(16);
    for (const i of images) {
      const [nwx, nwy] = toPx(corner(15, i.x, i.y));
      const [sex, sey] = toPx(corner(15, i.x + 1, i.y + 1));
      expect(Math.min(nwx!, sex!)).toBeLessThan(900);
      expect(Math.max(nwx!, sex!)).toBeGreaterThan(0);
      expect(Math.min(nwy!, sey!)).toBeLessThan(640);
      expect(Math.max(nwy!, sey!)).toBeGreaterThan(0);
    }
  });

  it('places each tile by its corners to a twentieth of a pixel, and the affine holds to well under a pixel', () => {
    for (const i of images) {
      for (const [u, v] of [
        [0, 0],
        [256, 0],
        [0, 256],
      ] as const) {
        const [ex, ey] = toPx(corner(15, i.x + u / 256, i.y + v / 256));
        const [ax, ay] = apply(i.m, u, v);
        expect(Math.abs(ax! - ex!)).toBeLessThan(0.05);
        expect(Math.abs(ay! - ey!)).toBeLessThan(0.05);
      }
      // The fourth corner and the middle are not given to the affine: they measure its error.
      for (const [u, v] of [
        [256, 256],
        [128, 128],
      ] as const) {
        const [ex, ey] = toPx(corner(15, i.x + u / 256, i.y + v / 256));
        const [ax, ay] = apply(i.m, u, v);
        expect(Math.hypot(ax! - ex!, ay! - ey!)).toBeLessThan(0.1);
      }
    }
  });

  it('is empty when no read tile meets the view', () => {
    const far = [{ z: 15, x: 1, y: 1, bytes: Uint8Array.of(1) }];
    expect(
      rasterBasemapSvg(
        frame,
        { format: 'png', minzoom: 15, maxzoom: 15, tiles: far, opacity: 1 },
        'EPSG:27700',
      ),
    ).toBe('');
  });
});

describe('toBase64', () => {
  it('matches Node for every padding length', () => {
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [255, 0, 128, 64, 200]])
      expect(toBase64(Uint8Array.from(bytes))).toBe(Buffer.from(bytes).toString('base64'));
  });
});
