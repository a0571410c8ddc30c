/**
 * The location part of row validation: parse a coordinate pair, catch the classic mistakes
 * (missing, not a number, 0,0, lat/lon swapped, outside the CRS's area), project it.
 *
 * Area of use: a point must lie inside both the source CRS's and the project CRS's area of use
 * (WGS84 boxes from shared/crs/definitions.ts; unknown for custom proj4 strings). A point outside
 * whose swapped pair (b, a) lies inside is "suspected swapped": rejected with that reason, or
 * swapped with a warning when the analyst chose mapping.swapSuspectedCoordinates.
 */
import { type Extent, inExtent, inLonLatBox } from '../crs/extent.js';
import {
  type CrsTransform,
  type LonLatBox,
  makeTransform,
  resolveCrs,
  WGS84_CODE,
} from '../crs/transform.js';
import { parseDecimal, trimCell } from './cells.js';

export interface LocationResult {
  x: number;
  y: number;
  lon: number;
  lat: number;
  /** Set when the point was accepted with a warning (swapped, far from the rest). */
  warning: string | null;
}

export interface LocationError {
  /** Which of the two source columns the problem is in (0 = first, 1 = second, -1 both). */
  which: -1 | 0 | 1;
  reason: string;
}

export interface LocationChecker {
  check(aText: string, bText: string): LocationResult | LocationError;
  transform: CrsTransform;
}

function intersect(a: LonLatBox | null, b: LonLatBox | null): LonLatBox | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

function round(v: number, digits: number): string {
  return String(Math.round(v * 10 ** digits) / 10 ** digits);
}

/**
 * Builds the checker for one import. `names` are the two source columns' roles for messages,
 * e.g. ['lon', 'lat'] or ['x', 'y'].
 */
export function createLocationChecker(
  sourceCrs: string,
  projectCrs: string,
  names: readonly [string, string],
  swapSuspected: boolean,
  expectedExtent: Extent | null,
): LocationChecker {
  const transform = makeTransform(sourceCrs, projectCrs);
  const area = intersect(transform.source.areaOfUse, transform.project.areaOfUse);
  const geographic = transform.source.geographic;
  const areaName = transform.project.areaOfUse ? transform.project.id : transform.source.id;

  // Identity steps are skipped: police.uk lon/lat are WGS84 already, BNG input is the project CRS.
  const sourceIsWgs84 = transform.source.proj4 === resolveCrs(WGS84_CODE).proj4;
  const sourceIsProject = transform.source.proj4 === transform.project.proj4;
  const toLonLat = (a: number, b: number): [number, number] | null => {
    if (geographic && (Math.abs(b) > 90 || Math.abs(a) > 180)) return null;
    const ll = sourceIsWgs84 ? ([a, b] as [number, number]) : transform.toWgs84(a, b);
    return Number.isFinite(ll[0]) && Number.isFinite(ll[1]) ? ll : null;
  };
  const inside = (ll: [number, number] | null): ll is [number, number] =>
    ll !== null && (area === null || inLonLatBox(area, ll[0], ll[1]));

  function check(aText: string, bText: string): LocationResult | LocationError {
    const aTrim = trimCell(aText);
    const bTrim = trimCell(bText);
    if (aTrim === '' && bTrim === '')
      return { which: -1, reason: `missing coordinates (${names[0]} and ${names[1]} are empty)` };
    if (aTrim === '') return { which: 0, reason: `missing ${names[0]}` };
    if (bTrim === '') return { which: 1, reason: `missing ${names[1]}` };
    let a = parseDecimal(aTrim);
    let b = parseDecimal(bTrim);
    if (Number.isNaN(a)) return { which: 0, reason: `${names[0]} "${aTrim}" is not a number` };
    if (Number.isNaN(b)) return { which: 1, reason: `${names[1]} "${bTrim}" is not a number` };
    if (a === 0 && b === 0)
      return { which: -1, reason: '0,0 is not a real location (a missing value written as zero?)' };
    let warning: string | null = null;
    let ll = toLonLat(a, b);
    if (!inside(ll)) {
      const swapped = toLonLat(b, a);
      if (inside(swapped)) {
        if (!swapSuspected) {
          return {
            which: -1,
            reason: `${names[0]} ${aTrim}, ${names[1]} ${bTrim} look swapped (they fit only the other way round); choose "swap suspected coordinates" to import them swapped`,
          };
        }
        warning = `${names[0]} ${aTrim} and ${names[1]} ${bTrim} looked swapped and were swapped, as chosen`;
        [a, b] = [b, a];
        ll = swapped;
      } else {
        const where = ll ? ` (lon ${round(ll[0], 4)}, lat ${round(ll[1], 4)})` : '';
        return {
          which: -1,
          reason: `${names[0]} ${aTrim}, ${names[1]} ${bTrim} is outside the area ${areaName} covers${where}`,
        };
      }
    }
    const p = sourceIsProject ? [a, b] : transform.toProject(a, b);
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      return {
        which: -1,
        reason: `${names[0]} ${aTrim}, ${names[1]} ${bTrim} cannot be projected to ${transform.project.id}`,
      };
    }
    if (expectedExtent && !inExtent(expectedExtent, p[0], p[1]) && warning === null) {
      warning = `point ${names[0]} ${aTrim}, ${names[1]} ${bTrim} is far from the rest of the data (check for a typo)`;
    }
    return { x: p[0], y: p[1], lon: ll[0], lat: ll[1], warning };
  }

  return { check, transform };
}
