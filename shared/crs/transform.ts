/**
 * Coordinate transforms between a source CRS (what a partner extract holds) and the project's
 * projected CRS (where every distance is computed, DESIGN.md §4 guard rails), via proj4.
 *
 * A CRS is an EPSG code from the bundled list (shared/crs/definitions.ts) or any proj4 string.
 * Argument order is always (x, y) = (easting, northing) or (lon, lat): never lat first.
 * Accuracy: proj4's projection maths is exact to well under a millimetre; the datum shift of
 * EPSG:27700 is the OS 7-parameter Helmert, good to about 5 m (see definitions.ts).
 * Cost: about 0.5 µs per point on one core through proj4; WGS84 → BNG, the import's commonest case,
 * takes a hand-written path (wgs84-to-bng.ts, within 3 mm of proj4) at about 0.15 µs.
 */
import proj4 from 'proj4';
import { findCrs, normalizeCrsCode } from './definitions.js';
import { wgs84ToBng } from './wgs84-to-bng.js';

/** Area of use in WGS84 degrees [west, south, east, north]. */
export type LonLatBox = readonly [number, number, number, number];

export interface ResolvedCrs {
  /** 'EPSG:27700' for bundled codes, else the proj4 string as given (trimmed). */
  id: string;
  proj4: string;
  geographic: boolean;
  /** Null for a custom proj4 string (its area is unknown: only finiteness is checked). */
  areaOfUse: LonLatBox | null;
}

export interface CrsTransform {
  readonly source: ResolvedCrs;
  readonly project: ResolvedCrs;
  /** Source (x, y) or (lon, lat) → project CRS metres [x, y]. */
  toProject(a: number, b: number): [number, number];
  /** Source (x, y) or (lon, lat) → WGS84 [lon, lat] degrees. */
  toWgs84(a: number, b: number): [number, number];
  /** Project CRS metres → WGS84 [lon, lat] degrees (for drawing on a basemap). */
  projectToWgs84(x: number, y: number): [number, number];
  /** Many source points at once → project CRS columns (same length, NaN stays NaN). */
  toProjectArrays(a: Float64Array, b: Float64Array): { x: Float64Array; y: Float64Array };
}

export const WGS84_CODE = 'EPSG:4326';
const BNG_CODE = 'EPSG:27700';
const WGS84_PROJ4 = '+proj=longlat +datum=WGS84 +no_defs';

/**
 * Resolves an EPSG code or a proj4 string. Throws RangeError for an unknown EPSG code (only the
 * bundled list is offline) or a proj4 string proj4 cannot read.
 */
export function resolveCrs(crs: string): ResolvedCrs {
  const code = normalizeCrsCode(crs);
  const bundled = findCrs(code);
  if (bundled) {
    return {
      id: bundled.code,
      proj4: bundled.proj4,
      geographic: bundled.geographic,
      areaOfUse: bundled.areaOfUse,
    };
  }
  if (/^EPSG:\d+$/.test(code)) {
    throw new RangeError(`${code} is not in the bundled CRS list; give its proj4 string instead`);
  }
  if (!code.includes('+proj=')) {
    throw new RangeError(`"${crs}" is neither an EPSG code (EPSG:27700) nor a proj4 string (+proj=…)`);
  }
  try {
    proj4(code, WGS84_PROJ4);
  } catch (error) {
    throw new RangeError(`proj4 cannot read "${crs}": ${(error as Error).message}`);
  }
  return {
    id: code,
    proj4: code,
    geographic: /\+proj=(longlat|latlong|lonlat|latlon)\b/.test(code),
    areaOfUse: null,
  };
}

/** The import's commonest case, WGS84 → BNG, without proj4's allocations (wgs84-to-bng.ts). */
function fastWgs84ToBng(lon: number, lat: number): [number, number] {
  const out: [number, number] = [0, 0];
  wgs84ToBng(lon, lat, out);
  return out;
}

function converter(from: ResolvedCrs, to: ResolvedCrs): (a: number, b: number) => [number, number] {
  if (from.proj4 === to.proj4) return (a, b) => [a, b];
  const c = proj4(from.proj4, to.proj4);
  const point: [number, number] = [0, 0];
  return (a, b) => {
    point[0] = a;
    point[1] = b;
    // proj4 returns a fresh array for array input: hand it on rather than copying it.
    return c.forward(point) as [number, number];
  };
}

/**
 * Builds the transforms from `sourceCrs` to `projectCrs`. Throws RangeError when the project CRS is
 * geographic (distances are never computed on degrees) or either CRS cannot be resolved.
 *
 *   const t = makeTransform('EPSG:4326', 'EPSG:27700');
 *   t.toProject(-0.1276, 51.5072) // ≈ [530043, 180358]
 */
export function makeTransform(sourceCrs: string, projectCrs: string): CrsTransform {
  const source = resolveCrs(sourceCrs);
  const project = resolveCrs(projectCrs);
  if (project.geographic) {
    throw new RangeError(`project CRS must be projected (metres), got ${project.id}`);
  }
  const wgs84 = resolveCrs(WGS84_CODE);
  const toProject =
    source.id === WGS84_CODE && project.id === BNG_CODE ? fastWgs84ToBng : converter(source, project);
  return {
    source,
    project,
    toProject,
    toWgs84: converter(source, wgs84),
    projectToWgs84: converter(project, wgs84),
    toProjectArrays(a, b) {
      if (a.length !== b.length)
        throw new RangeError(`coordinate arrays differ in length: ${a.length} vs ${b.length}`);
      const x = new Float64Array(a.length);
      const y = new Float64Array(a.length);
      for (let i = 0; i < a.length; i++) {
        if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) {
          x[i] = Number.NaN;
          y[i] = Number.NaN;
          continue;
        }
        const p = toProject(a[i]!, b[i]!);
        x[i] = p[0];
        y[i] = p[1];
      }
      return { x, y };
    },
  };
}
