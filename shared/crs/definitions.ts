/**
 * The bundled CRS definitions: the codes partner extracts in the UK and Ireland actually use, as
 * proj4 strings (from epsg.io / the EPSG registry), each with its area of use in WGS84 degrees.
 *
 * EPSG:27700 (OSGB36 / British National Grid) carries the published 7-parameter Helmert shift
 * OSGB36 → WGS84 (Ordnance Survey, "A guide to coordinate systems in Great Britain", §6.6). OS
 * states it is good to about 5 m across Great Britain (typically 2–3 m); the exact OSTN15 grid
 * transformation is not bundled. Every distance the app computes is within BNG, so this shift only
 * affects where lon/lat input lands on the grid and where grid points are drawn on a WGS84 basemap.
 */

export interface CrsDefinition {
  code: string;
  name: string;
  proj4: string;
  /** True for lon/lat CRSs: never a project CRS (DESIGN.md §4: no distance on degrees). */
  geographic: boolean;
  /** Area of use, WGS84 degrees [west, south, east, north]; points outside are refused. */
  areaOfUse: readonly [number, number, number, number];
}

const OSGB36_TOWGS84 = '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489';
const TM65_TOWGS84 = '+towgs84=482.5,-130.6,564.6,-1.042,-0.214,-0.631,8.15';
const WORLD = [-180, -90, 180, 90] as const;
/** UTM zones are routinely used a few degrees beyond their 6° strip (e.g. all of England in 30N). */
const UTM_MARGIN_DEG = 3;

function utm(zone: number, datum: 'WGS84' | 'ETRS89'): CrsDefinition {
  const west = -180 + (zone - 1) * 6;
  const isWgs = datum === 'WGS84';
  return {
    code: `EPSG:${isWgs ? 32600 + zone : 25800 + zone}`,
    name: `${datum} / UTM zone ${zone}N`,
    proj4: `+proj=utm +zone=${zone} ${isWgs ? '+datum=WGS84' : '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0'} +units=m +no_defs`,
    geographic: false,
    areaOfUse: [west - UTM_MARGIN_DEG, 0, west + 6 + UTM_MARGIN_DEG, 84],
  };
}

export const CRS_DEFINITIONS: readonly CrsDefinition[] = [
  {
    code: 'EPSG:27700',
    name: 'OSGB36 / British National Grid',
    proj4: `+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ${OSGB36_TOWGS84} +units=m +no_defs`,
    geographic: false,
    areaOfUse: [-9.01, 49.75, 2.01, 61.01],
  },
  {
    code: 'EPSG:4326',
    name: 'WGS 84 (longitude, latitude)',
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    geographic: true,
    areaOfUse: WORLD,
  },
  {
    code: 'EPSG:4258',
    name: 'ETRS89 (longitude, latitude)',
    proj4: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs',
    geographic: true,
    areaOfUse: [-16.1, 32.88, 40.18, 84.73],
  },
  {
    code: 'EPSG:4277',
    name: 'OSGB36 (longitude, latitude)',
    proj4: `+proj=longlat +ellps=airy ${OSGB36_TOWGS84} +no_defs`,
    geographic: true,
    areaOfUse: [-9.01, 49.75, 2.01, 61.01],
  },
  {
    code: 'EPSG:3857',
    name: 'WGS 84 / Pseudo-Mercator (web maps)',
    proj4:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
    geographic: false,
    areaOfUse: [-180, -85.06, 180, 85.06],
  },
  {
    code: 'EPSG:29902',
    name: 'TM65 / Irish Grid',
    proj4: `+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=1.000035 +x_0=200000 +y_0=250000 +ellps=mod_airy ${TM65_TOWGS84} +units=m +no_defs`,
    geographic: false,
    areaOfUse: [-10.56, 51.39, -5.34, 55.43],
  },
  {
    code: 'EPSG:29903',
    name: 'TM75 / Irish Grid',
    proj4: `+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=1.000035 +x_0=200000 +y_0=250000 +ellps=mod_airy ${TM65_TOWGS84} +units=m +no_defs`,
    geographic: false,
    areaOfUse: [-10.56, 51.39, -5.34, 55.43],
  },
  {
    code: 'EPSG:2157',
    name: 'IRENET95 / Irish Transverse Mercator',
    proj4:
      '+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=0.99982 +x_0=600000 +y_0=750000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    geographic: false,
    areaOfUse: [-10.56, 51.39, -5.34, 55.43],
  },
  utm(29, 'WGS84'),
  utm(30, 'WGS84'),
  utm(31, 'WGS84'),
  utm(29, 'ETRS89'),
  utm(30, 'ETRS89'),
  utm(31, 'ETRS89'),
];

const BY_CODE = new Map(CRS_DEFINITIONS.map((d) => [d.code, d]));

/** Normalises 'epsg:27700', 'EPSG: 27700', '27700' to 'EPSG:27700'; anything else unchanged (trimmed). */
export function normalizeCrsCode(crs: string): string {
  const trimmed = crs.trim();
  const match = /^(?:epsg\s*:\s*)?(\d{4,6})$/i.exec(trimmed);
  return match ? `EPSG:${match[1]}` : trimmed;
}

/** The bundled definition of an EPSG code (any spelling normalizeCrsCode accepts), or undefined. */
export function findCrs(crs: string): CrsDefinition | undefined {
  return BY_CODE.get(normalizeCrsCode(crs));
}
