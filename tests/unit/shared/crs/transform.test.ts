import { describe, expect, it } from 'vitest';
import { normalizeCrsCode } from '../../../../shared/crs/definitions.js';
import { makeTransform, resolveCrs } from '../../../../shared/crs/transform.js';

/** Degrees from degrees, minutes, seconds. */
function dms(d: number, m: number, s: number): number {
  return d + m / 60 + s / 3600;
}

function distanceM(a: [number, number], b: [number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

describe('makeTransform — British National Grid', () => {
  it('projects the OS worked example (Caister water tower, OSGB36 lat/lon) to 651409.903 E 313177.270 N within 1 mm', () => {
    // Ordnance Survey, "A guide to coordinate systems in Great Britain", annex C worked example.
    // EPSG:4277 and EPSG:27700 share the OSGB36 datum, so this checks the projection maths alone.
    const t = makeTransform('EPSG:4277', 'EPSG:27700');
    const p = t.toProject(dms(1, 43, 4.5177), dms(52, 39, 27.2531));
    expect(distanceM(p, [651409.903, 313177.27])).toBeLessThan(0.001);
  });

  it('puts Caister water tower given in ETRS89/WGS84 (52.657977 N, 1.716038 E) within 5 m of its grid reference', () => {
    // The same tower's ETRS89 position (≈ WGS84 to < 1 m in the UK); the Helmert shift is good to ~5 m.
    const p = makeTransform('EPSG:4326', 'EPSG:27700').toProject(1.716038, 52.657977);
    expect(distanceM(p, [651409.903, 313177.27])).toBeLessThan(5);
  });

  it('matches the OSTN02 worked example (ETRS89 grid 614199.522 E 159979.837 N = OSGB36 614300 E 159900 N) within 5 m', () => {
    // The ETRS89 coordinates are on the National Grid projection with the GRS80 ellipsoid: a custom proj4 source.
    const etrsGrid =
      '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
    const p = makeTransform(etrsGrid, 'EPSG:27700').toProject(614199.522, 159979.837);
    expect(distanceM(p, [614300, 159900])).toBeLessThan(5);
  });

  it('round-trips WGS84 → BNG → WGS84 to within 2 mm', () => {
    const t = makeTransform('EPSG:4326', 'EPSG:27700');
    for (const [lon, lat] of [
      [-1.548, 53.801],
      [-3.2, 55.95],
      [-0.1276, 51.5072],
      [-5.7, 50.07],
    ] as const) {
      const [x, y] = t.toProject(lon, lat);
      const [lon2, lat2] = t.projectToWgs84(x, y);
      // Degrees to metres on the ground: 1° of latitude ≈ 111 320 m, of longitude that times cos(lat).
      const eastM = (lon2 - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
      const northM = (lat2 - lat) * 111_320;
      // proj4 inverts the geocentric step iteratively; it stops at about a millimetre.
      expect(Math.hypot(eastM, northM)).toBeLessThan(0.002);
    }
  });

  it('gives toWgs84 of BNG input equal to projectToWgs84 when the source is the project CRS', () => {
    const t = makeTransform('EPSG:27700', 'EPSG:27700');
    expect(t.toProject(430000, 433000)).toEqual([430000, 433000]);
    expect(t.toWgs84(430000, 433000)).toEqual(t.projectToWgs84(430000, 433000));
  });

  it('converts typed arrays with toProjectArrays, keeping NaN as NaN', () => {
    const t = makeTransform('EPSG:4326', 'EPSG:27700');
    const { x, y } = t.toProjectArrays(Float64Array.of(-1.548, Number.NaN), Float64Array.of(53.801, 53));
    expect(distanceM([x[0]!, y[0]!], t.toProject(-1.548, 53.801))).toBe(0);
    expect(Number.isNaN(x[1]!)).toBe(true);
    expect(() => t.toProjectArrays(new Float64Array(2), new Float64Array(3))).toThrow(RangeError);
  });
});

describe('makeTransform — other bundled CRSs', () => {
  it('puts the Irish Transverse Mercator false origin (53.5 N, 8 W) at 600000 E 750000 N', () => {
    const p = makeTransform('EPSG:4326', 'EPSG:2157').toProject(-8, 53.5);
    expect(distanceM(p, [600000, 750000])).toBeLessThan(0.001);
  });

  it('puts a point on UTM zone 30N’s central meridian (3 W) at easting 500000', () => {
    const [x] = makeTransform('EPSG:4326', 'EPSG:32630').toProject(-3, 53);
    expect(Math.abs(x - 500000)).toBeLessThan(0.001);
  });

  it('puts lon 180 on the web-mercator edge at 20037508.34 m', () => {
    const [x, y] = makeTransform('EPSG:4326', 'EPSG:3857').toProject(180, 0);
    expect(Math.abs(x - 20037508.342789244)).toBeLessThan(0.001);
    expect(Math.abs(y)).toBeLessThan(0.001);
  });

  it('puts the Irish Grid (TM65, EPSG:29902) false origin (53.5 N, 8 W on TM65) at 200000 E 250000 N', () => {
    const tm65 =
      '+proj=longlat +ellps=mod_airy +towgs84=482.5,-130.6,564.6,-1.042,-0.214,-0.631,8.15 +no_defs';
    const p = makeTransform(tm65, 'EPSG:29902').toProject(-8, 53.5);
    expect(distanceM(p, [200000, 250000])).toBeLessThan(0.001);
  });
});

describe('resolveCrs', () => {
  it('normalises spellings of an EPSG code', () => {
    expect(normalizeCrsCode('epsg: 27700')).toBe('EPSG:27700');
    expect(normalizeCrsCode('27700')).toBe('EPSG:27700');
    expect(resolveCrs('epsg:4326').geographic).toBe(true);
  });

  it('refuses an EPSG code that is not bundled, naming it', () => {
    expect(() => resolveCrs('EPSG:9999')).toThrow(/EPSG:9999 is not in the bundled CRS list/);
  });

  it('refuses text that is neither a code nor a proj4 string', () => {
    expect(() => resolveCrs('British grid please')).toThrow(RangeError);
  });

  it('accepts a proj4 string and says whether it is geographic', () => {
    expect(resolveCrs('+proj=longlat +ellps=GRS80 +no_defs').geographic).toBe(true);
    expect(resolveCrs('+proj=utm +zone=30 +datum=WGS84 +units=m +no_defs').areaOfUse).toBeNull();
  });

  it('refuses a geographic project CRS (no distances on degrees)', () => {
    expect(() => makeTransform('EPSG:27700', 'EPSG:4326')).toThrow(/project CRS must be projected/);
  });
});
