/**
 * Guard rail (DESIGN.md §4, "Guard rails"): distances are only ever computed in a projected CRS, in
 * metres. Input whose coordinates all lie within |x| ≤ 180 and |y| ≤ 90 looks like longitude and
 * latitude in degrees; a distance in metres applied to it would be meaningless, so it is refused
 * before any work. Non-finite coordinates are refused with their count (they cannot be placed).
 */

const MAX_LONGITUDE = 180;
const MAX_LATITUDE = 90;

export function assertProjectedCoordinates(x: Float64Array, y: Float64Array): void {
  if (x.length !== y.length) {
    throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  let nonFinite = 0;
  let allDegreeLike = true;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) {
      nonFinite++;
      continue;
    }
    if (Math.abs(xi) > MAX_LONGITUDE || Math.abs(yi) > MAX_LATITUDE) allDegreeLike = false;
  }
  if (nonFinite > 0) {
    throw new RangeError(
      `${nonFinite} of ${x.length} events have no finite x/y: filter them out (or fix them) before a distance analysis`,
    );
  }
  if (x.length > 0 && allDegreeLike) {
    throw new RangeError(
      'coordinates look like longitude/latitude degrees (every |x| <= 180 and |y| <= 90): ' +
        'project them to metres first (e.g. EPSG:27700) before a distance analysis',
    );
  }
}
