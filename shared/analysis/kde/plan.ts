/**
 * Resolving a KDE request into the exact grid and parameters it will use, with every guard rail run
 * before any work (DESIGN.md §4, "Kernel density" and "Guard rails").
 *
 * Order: (1) coordinates finite, weights finite and ≥ 0, given parameters finite and > 0;
 * (2) when the grid is laid on the data, stray points are refused by index; (3) defaults:
 * cellSizeM = shorter side of the used events' bounding box / 150, bandwidthM = 5 cells;
 * (4) extent: the explicit one, else the boundary's bounding box, else the events' bounding box padded
 * by the kernel's support radius (so no event's kernel is cut by the grid edge); (5) the grid
 * (lower-left origin at the extent's corner) is refused above 25 million cells; (6) events outside
 * the study area are left out of the surface and counted.
 *
 * The study area (DESIGN.md §4 "Study area") is the one area every figure of a run refers to: the
 * clipping boundary when there is one, else the grid's rectangle (the extent rounded up to whole
 * cells on its east and north sides; without an explicit extent it holds every event). Its events
 * are N of PAI and of the Monte Carlo nulls, its area `studyAreaM2` is A, its cells carry the
 * thresholds. Events outside it are always left out (the former `excludeOutside` option is now
 * always on), so N and A can never refer to different areas. With an explicit extent the default
 * cell size is taken from the events inside the extent itself.
 * The ArcGIS-style bandwidth suggestion (defaults.ts) is computed and reported, never applied; a
 * caller planning the same request on several threads asks for it on one only (`suggest: false`).
 */

import {
  asMultiPolygon,
  type MultiPolygonCoords,
  multiPolygonArea,
  type PolygonCoords,
  pointInMultiPolygon,
  polygonBBox,
} from '../hotspots/polygon.js';
import { boundaryMask } from './clip.js';
import { defaultBandwidthM, defaultCellSizeM, suggestBandwidthM } from './defaults.js';
import {
  boundingBox,
  boundingBoxWithin,
  type Extent,
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
  /** Ignored: events outside the study area are always left out (counted). Kept for older requests. */
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
  /** Always true: events outside the study area are left out. */
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
  /** Events left out as outside the study area (the boundary, or the grid's rectangle). */
  excludedOutside: number;
  /** Sum of the weights of the used events (equals `used` without weights). */
  usedWeight: number;
}

export interface KdePlan {
  params: KdeParamsUsed;
  spec: GridSpec;
  /** use[i] = 1 for contributing events; absent when every event contributes. */
  use?: Uint8Array;
  /** A: the study area, m² (the boundary's area, else the grid's width · height · cellSizeM²). */
  studyAreaM2: number;
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

  if (!options.extent && !boundary) refuseStrayPoints(findStrayPoints(x, y), x, y);
  let inBoundary: Uint8Array | undefined;
  if (boundary) {
    const [bx0, by0, bx1, by1] = polygonBBox(boundary);
    inBoundary = insideMask(
      x,
      y,
      (px, py) => px >= bx0 && px <= bx1 && py >= by0 && py <= by1 && pointInMultiPolygon(boundary, px, py),
    );
  }
  // The events' box is needed only to choose a default cell size or extent: from the events inside
  // the boundary, or else the explicit extent (closed); the final study-area test below also asks
  // for the grid's rectangle, which contains the extent.
  const extent0 = options.extent;
  const needsBox = options.cellSizeM === undefined || (!extent0 && !boundary);
  const bbox = !needsBox
    ? null
    : inBoundary || !extent0
      ? boundingBox(x, y, inBoundary)
      : boundingBoxWithin(x, y, extent0);

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

  // The study area: the boundary (and the grid), else the grid's rectangle (closed).
  const gridMaxX = spec.originX + spec.width * cellSizeM;
  const gridMaxY = spec.originY + spec.height * cellSizeM;
  const inGrid = (px: number, py: number) =>
    px >= spec.originX && px <= gridMaxX && py >= spec.originY && py <= gridMaxY;
  let use: Uint8Array | undefined;
  let used = x.length;
  if (inBoundary) {
    use = inBoundary;
    used = 0;
    for (let i = 0; i < x.length; i++) {
      if (use[i] === 1 && !inGrid(x[i], y[i])) use[i] = 0;
      used += use[i];
    }
  } else if (options.extent) {
    use = new Uint8Array(x.length);
    used = rectangleMask(
      x,
      y,
      { minX: spec.originX, minY: spec.originY, maxX: gridMaxX, maxY: gridMaxY },
      use,
    );
  }
  let usedWeight = used;
  if (weight) {
    usedWeight = 0;
    for (let i = 0; i < x.length; i++) if (!use || use[i] === 1) usedWeight += weight[i];
  }
  const excludedOutside = x.length - used;
  if (use && excludedOutside === 0) use = undefined;
  const suggested = suggest ? suggestBandwidthM(x, y, weight, use) : Number.NaN;
  const studyAreaM2 = boundary
    ? multiPolygonArea(boundary)
    : spec.width * spec.height * cellSizeM * cellSizeM;

  const params: KdeParamsUsed = {
    kernel,
    cellSizeM,
    bandwidthM,
    supportRadiusM,
    extent,
    extentSource,
    excludeOutside: true,
    clippedToBoundary: boundary !== undefined,
    weighted: weight !== undefined,
    suggestedBandwidthM: Number.isFinite(suggested) ? suggested : null,
    defaulted,
  };
  const plan: KdePlan = {
    params,
    spec,
    studyAreaM2,
    counts: { total: x.length, used, excludedOutside, usedWeight },
  };
  if (use) plan.use = use;
  if (boundary) plan.clipMask = boundaryMask(spec, boundary);
  return plan;
}

/** 1 for the events (x, y) that pass `inside`. */
function insideMask(
  x: Float64Array,
  y: Float64Array,
  inside: (px: number, py: number) => boolean,
): Uint8Array {
  const mask = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) if (inside(x[i], y[i])) mask[i] = 1;
  return mask;
}

/** Sets mask[i] = 1 for the events in the closed rectangle (0 for the others); returns their number. */
function rectangleMask(x: Float64Array, y: Float64Array, r: Extent, mask: Uint8Array): number {
  const { minX, minY, maxX, maxY } = r;
  let inside = 0;
  for (let i = 0; i < x.length; i++) {
    const px = x[i];
    const py = y[i];
    const m = px >= minX && px <= maxX && py >= minY && py <= maxY ? 1 : 0;
    mask[i] = m;
    inside += m;
  }
  return inside;
}

function checkExtent(extent: Extent): void {
  const { minX, minY, maxX, maxY } = extent;
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || !(maxX > minX) || !(maxY > minY)) {
    throw new RangeError(
      `extent must have finite minX < maxX and minY < maxY, got ${minX}, ${minY}, ${maxX}, ${maxY}`,
    );
  }
}
