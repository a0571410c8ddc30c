import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { findCrs } from '../../../../shared/crs/definitions.js';
import { osgb36ToGrid, wgs84ToBng } from '../../../../shared/crs/wgs84-to-bng.js';

const DEG = Math.PI / 180;

describe('osgb36ToGrid', () => {
  it('reproduces the OS worked example: Caister water tower → 651409.903 E 313177.270 N within 1 mm', () => {
    const out = [0, 0];
    osgb36ToGrid((52 + 39 / 60 + 27.2531 / 3600) * DEG, (1 + 43 / 60 + 4.5177 / 3600) * DEG, out);
    expect(Math.abs(out[0]! - 651409.903)).toBeLessThan(0.001);
    expect(Math.abs(out[1]! - 313177.27)).toBeLessThan(0.001);
  });
});

describe('wgs84ToBng', () => {
  it('agrees with proj4 (EPSG:4326 → EPSG:27700) within 3 mm across Great Britain', () => {
    const reference = proj4('EPSG:4326', findCrs('EPSG:27700')!.proj4);
    const out = [0, 0];
    let worst = 0;
    for (let lat = 49.9; lat <= 60.8; lat += 0.37) {
      for (let lon = -7.9; lon <= 1.8; lon += 0.29) {
        wgs84ToBng(lon, lat, out);
        const [x, y] = reference.forward([lon, lat]) as number[];
        worst = Math.max(worst, Math.hypot(out[0]! - x!, out[1]! - y!));
      }
    }
    // The OS series (C1–C3) and proj4's Krüger series differ by up to ~2.5 mm at the grid's far edges.
    expect(worst).toBeLessThan(0.003);
  });
});
