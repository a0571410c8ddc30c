/**
 * Resolving a KDE request into the exact grid and parameters it will use, with every guard rail run
 * before any work (DESIGN.md §4, "Kernel density" and "Guard rails").
 *
 * Order: (1) coordinates finite, weights finite and ≥ 0, given parameters finite and > 0;
 * (2) with `excludeOutside`, events outside the explicit extent (or outside the boundary) are left out
 * and counted; (3) when the grid is laid on the data, stray points are refused by index; (4) defaults:
 * cellSizeM = shorter side of the used events' bounding box / 150, bandwidthM = 5 cells;
 * (5) extent: the explicit one, else the boundary's bounding box, else the events' bounding box padded
 * by the kernel's support radius (so no event's kernel is cut by the grid edge); (6) the grid
 * (lower-left origin at the extent's corner) is refused above 25 million cells.
 * The ArcGIS-style bandwidth suggestion (defaults.ts) is computed and reported, never applied; a
 * caller planning the same request on several threads asks for it on one only (`suggest: false`).
 */

import {
  asMultiPolygon,
  type MultiPolygonCoords,
  type PolygonCoords,
  pointInMultiPolygon,
  polygonBBox,
} from '../hotspots/polygon.js';
import { boundaryMask } from './clip.js';
import { defaultBandwidthM, defaultCellSizeM, suggestBandwidthM } from './defaults.js';
import {
  boundingBox,
  type Extent,
  extentContains,
  type GridSpec,
  gridSpecForExtent,
  padExtent,
} from './extent.js';
import {
  checkCoordinatesAndWeights,
  checkGridSize,
  checkPositiveFinite,
  findStrayPoints,
  refuseStrayPoints,
} from './guard-rails.js';
import { DEFAULT_KERNEL, KERNEL_NAMES, type KernelName, kernelSupportFactor } from './kernels.js';

/** Points to estimate the density of, in project CRS metres; weight defaults to 1 per event. */
export interface KdePoints {
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
}

export interface KdeOptions {
  kernel?: KernelName;
  cellSizeM?: number;
  bandwidthM?: number;
  /** Explicit extent; otherwise the boundary's bounding box or the data's, padded by the support radius. */
  extent?: Extent;
  /** Cells whose centre lies outside become NaN (NODATA). */
  boundary?: PolygonCoords | MultiPolygonCoords;
  /** Leave out events outside the explicit extent and outside the boundary (counted in the result). */
  excludeOutside?: boolean;
}

export type ExtentSource = 'explicit' | 'boundary' | 'data';

/** Every parameter as actually used, defaults resolved: what provenance records. */
export interface KdeParamsUsed {
  kernel: KernelName;
  cellSizeM: number;
  bandwidthM: number;
  /** Radius beyond which an event adds nothing: the bandwidth (3 × for the Gaussian). */
  supportRadiusM: number;
  extent: Extent;
  extentSource: ExtentSource;
  excludeOutside: boolean;
  clippedToBoundary: boolean;
  weighted: boolean;
  /** ArcGIS's default search radius for these events (not applied); null when it cannot be computed. */
  suggestedBandwidthM: number | null;
  /** Names of the parameters that took their default value. */
  defaulted: ('kernel' | 'cellSizeM' | 'bandwidthM' | 'extent')[];
}

export interface KdeEventCounts {
  /** Events given. */
  total: number;
  /** Events that contributed to the surface. */
  used: number;
  /** Events left out as outside the extent or boundary (excludeOutside). */
  excludedOutside: number;
  /** Sum of the weights of the used events (equals `used` without weights). */
  usedWeight: number;
}

export interface KdePlan {
  params: KdeParamsUsed;
  spec: GridSpec;
  /** use[i] = 1 for contributing events; absent when every event contributes. */
  use?: Uint8Array;
  /** Inside-boundary mask of the cells when clipping; absent otherwise. */
  clipMask?: Uint8Array;
  counts: KdeEventCounts;
}

export function planKde(
  points: KdePoints,
  options: KdeOptions = {},
  { suggest = true }: { suggest?: boolean } = {},
): KdePlan {
  const { x, y, weight } = points;
  checkCoordinatesAndWeights(x, y, weight);
  const defaulted: KdeParamsUsed['defaulted'] = [];
  const kernel = options.kernel ?? DEFAULT_KERNEL;
  if (options.kernel === undefined) defaulted.push('kernel');
  if (!KERNEL_NAMES.includes(kernel)) {
    throw new RangeError(`kernel must be one of ${KERNEL_NAMES.join(', ')}, got ${String(kernel)}`);
  }
  if (options.cellSizeM !== undefined) checkPositiveFinite('cellSizeM', options.cellSizeM);
  if (options.bandwidthM !== undefined) checkPositiveFinite('bandwidthM', options.bandwidthM);
  if (options.extent) checkExtent(options.extent);
  const boundary = options.boundary ? asMultiPolygon(options.boundary) : undefined;
  if (boundary && boundary.length === 0) throw new RangeError('boundary has no polygon');
  const excludeOutside = options.excludeOutside ?? false;

  let use: Uint8Array | undefined;
  let excludedOutside = 0;
  if (excludeOutside && (options.extent || boundary)) {
    use = new Uint8Array(x.length);
    const bbox = boundary ? polygonBBox(boundary) : undefined;
    for (let i = 0; i < x.length; i++) {
      let inside = options.extent ? extentContains(options.extent, x[i], y[i]) : true;
      if (inside && boundary && bbox) {
        inside =
          x[i] >= bbox[0] &&
          x[i] <= bbox[2] &&
          y[i] >= bbox[1] &&
          y[i] <= bbox[3] &&
          pointInMultiPolygon(boundary, x[i], y[i]);
      }
      if (inside) use[i] = 1;
      else excludedOutside++;
    }
  }

  if (!options.extent && !boundary) refuseStrayPoints(findStrayPoints(x, y, use), x, y);
  const bbox = boundingBox(x, y, use);

  let cellSizeM = options.cellSizeM;
  if (cellSizeM === undefined) {
    if (!bbox) throw new RangeError('there are no events to choose a default cellSizeM from; give cellSizeM');
    cellSizeM = defaultCellSizeM(bbox);
    defaulted.push('cellSizeM');
  }
  let bandwidthM = options.bandwidthM;
  if (bandwidthM === undefined) {
    bandwidthM = defaultBandwidthM(cellSizeM);
    defaulted.push('bandwidthM');
  }
  const supportRadiusM = kernelSupportFactor(kernel) * bandwidthM;

  let extent: Extent;
  let extentSource: ExtentSource;
  if (options.extent) {
    extent = { ...options.extent };
    extentSource = 'explicit';
  } else if (boundary) {
    const [minX, minY, maxX, maxY] = polygonBBox(boundary);
    extent = { minX, minY, maxX, maxY };
    extentSource = 'boundary';
    checkExtent(extent);
  } else {
    if (!bbox) throw new RangeError('there are no events to lay the grid on; give an extent');
    extent = padExtent(bbox, supportRadiusM);
    extentSource = 'data';
    defaulted.push('extent');
  }
  const spec = gridSpecForExtent(extent, cellSizeM);
  checkGridSize(spec.width, spec.height, cellSizeM);

  let used = 0;
  let usedWeight = 0;
  for (let i = 0; i < x.length; i++) {
    if (use && use[i] === 0) continue;
    used++;
    usedWeight += weight ? weight[i] : 1;
  }
  const suggested = suggest ? suggestBandwidthM(x, y, weight, use) : Number.NaN;

  const params: KdeParamsUsed = {
    kernel,
    cellSizeM,
    bandwidthM,
    supportRadiusM,
    extent,
    extentSource,
    excludeOutside,
    clippedToBoundary: boundary !== undefined,
    weighted: weight !== undefined,
    suggestedBandwidthM: Number.isFinite(suggested) ? suggested : null,
    defaulted,
  };
  const plan: KdePlan = { params, spec, counts: { total: x.length, used, excludedOutside, usedWeight } };
  if (use) plan.use = use;
  if (boundary) plan.clipMask = boundaryMask(spec, boundary);
  return plan;
}

function checkExtent(extent: Extent): void {
  const { minX, minY, maxX, maxY } = extent;
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || !(maxX > minX) || !(maxY > minY)) {
    throw new RangeError(
      `extent must have finite minX < maxX and minY < maxY, got ${minX}, ${minY}, ${maxX}, ${maxY}`,
    );
  }
}
