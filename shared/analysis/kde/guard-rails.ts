/**
 * Guard rails run before any density work (DESIGN.md §4, "Guard rails"): parameters must be
 * positive and finite, a grid of more than 25 million cells is refused, and a stray point far from
 * the rest (a typo'd easting, a point at 0,0 when the others are in British National Grid) is caught
 * and named by its index instead of silently stretching the grid across the country.
 *
 * Stray points: the core of the data is the box between the lower and upper quartiles of x and of y
 * (taken from an evenly strided sample of at most 10,001 events, so the check is O(n)); its scale is
 * S = max(IQR of x, IQR of y, 1 km). A point further than STRAY_FACTOR · S = 20 S outside the core box
 * in x or y is stray. A town 10 km across has S ≈ 5 km, so a point 100 km beyond its quartile box is
 * flagged while outlying villages are not; the 1 km floor keeps data concentrated at one address from
 * flagging its neighbours. With fewer than 8 events the quartiles are too loose to say, and nothing is
 * flagged (the grid-size rail still applies). All failures throw RangeError with a message saying
 * what to change.
 */

export const MAX_GRID_CELLS = 25_000_000;
export const STRAY_FACTOR = 20;
export const STRAY_MIN_SCALE_M = 1000;
const STRAY_MIN_EVENTS = 8;
const STRAY_SAMPLE = 10_001;

/** Throws `RangeError('<name> must be > 0, got <value>')` unless value is finite and positive. */
export function checkPositiveFinite(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** Refuses a grid of more than MAX_GRID_CELLS cells, saying which cell size would fit. */
export function checkGridSize(width: number, height: number, cellSizeM: number): void {
  const cells = width * height;
  if (cells > MAX_GRID_CELLS) {
    const fitCellM = Math.ceil(cellSizeM * Math.sqrt(cells / MAX_GRID_CELLS));
    throw new RangeError(
      `the grid would have ${width} × ${height} = ${cells.toLocaleString('en-GB')} cells, more than ` +
        `${MAX_GRID_CELLS.toLocaleString('en-GB')}: use a cellSizeM of at least ${fitCellM} m or a smaller extent`,
    );
  }
}

/**
 * Throws when an x or y is not finite, or a weight is negative or not finite, naming the first bad
 * index and how many there are.
 */
export function checkCoordinatesAndWeights(x: Float64Array, y: Float64Array, weight?: Float64Array): void {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length: ${x.length} and ${y.length}`);
  if (weight && weight.length !== x.length) {
    throw new RangeError(`weight has ${weight.length} values for ${x.length} events`);
  }
  let badXY = 0;
  let firstXY = -1;
  let badW = 0;
  let firstW = -1;
  for (let i = 0; i < x.length; i++) {
    if (!(Number.isFinite(x[i]) && Number.isFinite(y[i]))) {
      if (badXY++ === 0) firstXY = i;
    }
    if (weight && !(Number.isFinite(weight[i]) && weight[i] >= 0)) {
      if (badW++ === 0) firstW = i;
    }
  }
  if (badXY > 0) {
    throw new RangeError(`${badXY} event(s) have no finite x/y, first at index ${firstXY}: fix or drop them`);
  }
  if (badW > 0) {
    throw new RangeError(
      `${badW} event(s) have a negative or non-finite weight, first at index ${firstW} (weight ${weight![firstW]})`,
    );
  }
}

/** Indices (ascending) of stray points among those with `use[i] = 1` (all when `use` is absent). */
export function findStrayPoints(x: Float64Array, y: Float64Array, use?: Uint8Array): number[] {
  const used: number[] = [];
  let count = 0;
  for (let i = 0; i < x.length; i++) if (!use || use[i] === 1) count++;
  if (count < STRAY_MIN_EVENTS) return used;
  const stride = Math.max(1, Math.floor(count / (STRAY_SAMPLE - 1)));
  const sx: number[] = [];
  const sy: number[] = [];
  for (let i = 0, k = 0; i < x.length; i++) {
    if (use && use[i] === 0) continue;
    if (k++ % stride === 0) {
      sx.push(x[i]);
      sy.push(y[i]);
    }
  }
  const [x25, x75] = quartiles(sx);
  const [y25, y75] = quartiles(sy);
  const marginM = STRAY_FACTOR * Math.max(x75 - x25, y75 - y25, STRAY_MIN_SCALE_M);
  const loX = x25 - marginM;
  const hiX = x75 + marginM;
  const loY = y25 - marginM;
  const hiY = y75 + marginM;
  for (let i = 0; i < x.length; i++) {
    if (use && use[i] === 0) continue;
    if (x[i] < loX || x[i] > hiX || y[i] < loY || y[i] > hiY) used.push(i);
  }
  return used;
}

/** Throws when there are stray points, naming up to five indices. */
export function refuseStrayPoints(stray: number[], x: Float64Array, y: Float64Array): void {
  if (stray.length === 0) return;
  const shown = stray
    .slice(0, 5)
    .map((i) => `#${i} (${x[i]}, ${y[i]})`)
    .join(', ');
  throw new RangeError(
    `${stray.length} event(s) lie far from the rest: ${shown}${stray.length > 5 ? ', …' : ''}; ` +
      'correct or exclude them, or give an explicit extent',
  );
}

/** Lower and upper quartiles (linear interpolation between order statistics). */
function quartiles(values: number[]): [number, number] {
  values.sort((a, b) => a - b);
  return [quantileSorted(values, 0.25), quantileSorted(values, 0.75)];
}

function quantileSorted(sorted: number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
