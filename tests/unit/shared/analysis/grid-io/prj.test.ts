import { describe, expect, it } from 'vitest';
import { prjFor, prjPathFor } from '../../../../../shared/analysis/grid-io/prj.js';

describe('prjPathFor', () => {
  it('replaces the grid’s extension with .prj, as GDAL looks for it', () => {
    expect(prjPathFor('/out/surface.asc')).toBe('/out/surface.prj');
    expect(prjPathFor('C:\\out\\x.y.asc')).toBe('C:\\out\\x.y.prj');
    expect(prjPathFor('/out/surface')).toBe('/out/surface.prj');
    expect(prjPathFor('/out.d/surface')).toBe('/out.d/surface.prj');
  });
});

describe('prjFor', () => {
  it('gives British National Grid’s ESRI WKT for EPSG:27700, ending with a newline', () => {
    const prj = prjFor('EPSG:27700');
    expect('text' in prj && prj.text).toMatch(
      /^PROJCS\["British_National_Grid",GEOGCS\["GCS_OSGB_1936".*\]\n$/,
    );
  });

  it('gives a reason instead for a proj4 string, naming the CRS', () => {
    const crs = '+proj=tmerc +lat_0=0 +lon_0=0 +k=1 +x_0=0 +y_0=0 +ellps=GRS80';
    const prj = prjFor(crs);
    expect('reason' in prj && prj.reason).toContain(`No .prj written: the CRS ${crs}`);
  });
});
