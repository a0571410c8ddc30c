/**
 * ESRI WKT (the ".prj" beside a grid or shapefile) of the projected CRSs a project may use, so a GIS
 * opens an exported grid in the right place (issue 12: "surface.asc has no .prj").
 *
 * ESRI's flavour of WKT 1 is what ArcGIS writes and what GDAL, QGIS and ArcGIS all read from a .prj:
 * PROJCS[name, GEOGCS[name, DATUM[D_name, SPHEROID[name, a, 1/f]], PRIMEM, UNIT["Degree", π/180]],
 * PROJECTION[...], PARAMETER[...]…, UNIT["Meter", 1]]. The names and parameters below are those of
 * the EPSG registry's ESRI WKT for each code (epsg.io/<code>.esriwkt), built from one template per
 * projection so a parameter is written once. Every code of shared/crs/definitions.ts that can be a
 * project CRS (projected, not lon/lat) is covered; the tests check with GDAL's gdalsrsinfo, when
 * present, that each one is identified as its own EPSG code.
 *
 * A project CRS given as a proj4 string, or a code not listed, gets no .prj: converting an arbitrary
 * proj4 string to WKT is guesswork (datum names, axis units), and a wrong .prj is worse than none,
 * because a GIS would trust it. The export then says so and names the CRS in its sidecar instead.
 */
import { normalizeCrsCode } from './definitions.js';

interface Spheroid {
  name: string;
  semiMajorM: number;
  inverseFlattening: number;
}

interface GeographicCrs {
  name: string;
  datum: string;
  spheroid: Spheroid;
}

const AIRY_1830: Spheroid = { name: 'Airy_1830', semiMajorM: 6377563.396, inverseFlattening: 299.3249646 };
const AIRY_MODIFIED: Spheroid = {
  name: 'Airy_Modified',
  semiMajorM: 6377340.189,
  inverseFlattening: 299.3249646,
};
const GRS_1980: Spheroid = { name: 'GRS_1980', semiMajorM: 6378137, inverseFlattening: 298.257222101 };
const WGS_1984_SPHEROID: Spheroid = {
  name: 'WGS_1984',
  semiMajorM: 6378137,
  inverseFlattening: 298.257223563,
};

const OSGB_1936: GeographicCrs = { name: 'GCS_OSGB_1936', datum: 'D_OSGB_1936', spheroid: AIRY_1830 };
const TM65: GeographicCrs = { name: 'GCS_TM65', datum: 'D_TM65', spheroid: AIRY_MODIFIED };
const TM75: GeographicCrs = { name: 'GCS_TM75', datum: 'D_TM75', spheroid: AIRY_MODIFIED };
const IRENET95: GeographicCrs = { name: 'GCS_IRENET95', datum: 'D_IRENET95', spheroid: GRS_1980 };
const ETRS_1989: GeographicCrs = { name: 'GCS_ETRS_1989', datum: 'D_ETRS_1989', spheroid: GRS_1980 };
const WGS_1984: GeographicCrs = { name: 'GCS_WGS_1984', datum: 'D_WGS_1984', spheroid: WGS_1984_SPHEROID };

/** π/180 as ESRI writes it. */
const DEGREE = '0.0174532925199433';

/** A number as ESRI WKT writes it: always with a decimal point ("400000.0", "-2.0"). */
function num(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function geogcs(g: GeographicCrs): string {
  const s = g.spheroid;
  return (
    `GEOGCS["${g.name}",DATUM["${g.datum}",SPHEROID["${s.name}",${num(s.semiMajorM)},${num(s.inverseFlattening)}]],` +
    `PRIMEM["Greenwich",0.0],UNIT["Degree",${DEGREE}]]`
  );
}

interface TransverseMercator {
  name: string;
  geographic: GeographicCrs;
  falseEastingM: number;
  falseNorthingM: number;
  centralMeridianDeg: number;
  scaleFactor: number;
  latitudeOfOriginDeg: number;
}

function transverseMercator(p: TransverseMercator): string {
  return (
    `PROJCS["${p.name}",${geogcs(p.geographic)},PROJECTION["Transverse_Mercator"],` +
    `PARAMETER["False_Easting",${num(p.falseEastingM)}],PARAMETER["False_Northing",${num(p.falseNorthingM)}],` +
    `PARAMETER["Central_Meridian",${num(p.centralMeridianDeg)}],PARAMETER["Scale_Factor",${num(p.scaleFactor)}],` +
    `PARAMETER["Latitude_Of_Origin",${num(p.latitudeOfOriginDeg)}],UNIT["Meter",1.0]]`
  );
}

function utm(zone: number, datum: 'WGS_1984' | 'ETRS_1989'): string {
  return transverseMercator({
    name: `${datum}_UTM_Zone_${zone}N`,
    geographic: datum === 'WGS_1984' ? WGS_1984 : ETRS_1989,
    falseEastingM: 500000,
    falseNorthingM: 0,
    centralMeridianDeg: -183 + zone * 6,
    scaleFactor: 0.9996,
    latitudeOfOriginDeg: 0,
  });
}

const IRISH_GRID = {
  falseEastingM: 200000,
  falseNorthingM: 250000,
  centralMeridianDeg: -8,
  scaleFactor: 1.000035,
  latitudeOfOriginDeg: 53.5,
};

const WEB_MERCATOR =
  `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",${geogcs(WGS_1984)},PROJECTION["Mercator_Auxiliary_Sphere"],` +
  'PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],' +
  'PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';

const ESRI_WKT: ReadonlyMap<string, string> = new Map([
  [
    'EPSG:27700',
    transverseMercator({
      name: 'British_National_Grid',
      geographic: OSGB_1936,
      falseEastingM: 400000,
      falseNorthingM: -100000,
      centralMeridianDeg: -2,
      scaleFactor: 0.9996012717,
      latitudeOfOriginDeg: 49,
    }),
  ],
  ['EPSG:29902', transverseMercator({ name: 'TM65_Irish_Grid', geographic: TM65, ...IRISH_GRID })],
  ['EPSG:29903', transverseMercator({ name: 'TM75_Irish_Grid', geographic: TM75, ...IRISH_GRID })],
  [
    'EPSG:2157',
    transverseMercator({
      name: 'IRENET95_Irish_Transverse_Mercator',
      geographic: IRENET95,
      falseEastingM: 600000,
      falseNorthingM: 750000,
      centralMeridianDeg: -8,
      scaleFactor: 0.99982,
      latitudeOfOriginDeg: 53.5,
    }),
  ],
  ['EPSG:3857', WEB_MERCATOR],
  ...[29, 30, 31].flatMap((zone): [string, string][] => [
    [`EPSG:${32600 + zone}`, utm(zone, 'WGS_1984')],
    [`EPSG:${25800 + zone}`, utm(zone, 'ETRS_1989')],
  ]),
]);

/** The EPSG codes that have a .prj (for the docs and the tests). */
export const ESRI_WKT_CODES: readonly string[] = [...ESRI_WKT.keys()];

/**
 * The ESRI WKT of a project CRS (an EPSG code in any spelling normalizeCrsCode accepts), or null when
 * it cannot be written truthfully (a proj4 string or an unlisted code): the caller writes no .prj
 * and says so.
 */
export function esriWkt(crs: string): string | null {
  return ESRI_WKT.get(normalizeCrsCode(crs)) ?? null;
}
