import { describe, expect, it } from 'vitest';
import { parseBasemapPath, pmtilesUrl, tileUrlTemplate } from '../../../../electron/main/basemap-path.js';

describe('parseBasemapPath(pathname)', () => {
  it('reads a whole-file PMTiles request', () => {
    expect(parseBasemapPath('/basemaps/abcd1234_X.pmtiles')).toEqual({ id: 'abcd1234_X', kind: 'pmtiles' });
  });

  it('reads an XYZ tile request', () => {
    expect(parseBasemapPath('/basemaps/abcd1234/12/2015/1343')).toEqual({
      id: 'abcd1234',
      kind: 'tile',
      z: 12,
      x: 2015,
      y: 1343,
    });
  });

  it('refuses a tile outside its zoom level (x or y ≥ 2^z)', () => {
    expect(parseBasemapPath('/basemaps/abcd1234/1/1/1')).not.toBeNull();
    expect(parseBasemapPath('/basemaps/abcd1234/1/2/0')).toBeNull();
    expect(parseBasemapPath('/basemaps/abcd1234/0/0/1')).toBeNull();
  });

  it.each([
    '/basemaps/short/1/0/0',
    '/basemaps/abcd1234/../../etc/passwd',
    '/basemaps/abcd1234.mbtiles',
    '/basemaps/abcd1234/1/0/0.png',
    '/assets/abcd1234.pmtiles',
    '/basemaps/abcd1234/-1/0/0',
  ])('refuses %s', (pathname) => {
    expect(parseBasemapPath(pathname)).toBeNull();
  });

  it('parses back the URLs it hands out', () => {
    expect(parseBasemapPath(new URL(pmtilesUrl('abcd1234')).pathname)).toEqual({
      id: 'abcd1234',
      kind: 'pmtiles',
    });
    const tile = tileUrlTemplate('abcd1234').replace('{z}', '3').replace('{x}', '4').replace('{y}', '5');
    expect(parseBasemapPath(new URL(tile).pathname)).toEqual({
      id: 'abcd1234',
      kind: 'tile',
      z: 3,
      x: 4,
      y: 5,
    });
  });
});
