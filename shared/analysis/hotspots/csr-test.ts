/**
 * Monte Carlo test of hotspots against complete spatial randomness (CSR) in the study area
 * (DESIGN.md §4 "Hotspot classes": a hotspot is reported only where the data support it).
 *
 * Null hypothesis: the N events of the study area (N = events inside it, the same N as PAI's) fell
 * independently and uniformly over the study area (the clip polygon, or the grid's rectangle).
 * Each simulation s = 1 … S places N events uniformly in the study area (weights, when the surface is
 * weighted, travel with them unchanged), builds the density surface with the same kernel, bandwidth
 * and grid (splat.ts, exact kernels) and records its maximum Mₛ over the cells of the study area.
 * A hotspot whose peak cell density is D gets
 *
 *   p = (1 + #{s : Mₛ ≥ D}) / (S + 1)
 *
 * (Davison & Hinkley 1997, eq. 4.11; the observed surface counts as one draw of the null, so p is
 * never 0 and a run of S = 99 can show p ≥ 0.01). Because Mₛ is the MAXIMUM over every cell of the
 * simulated surface, P(some cell of a CSR surface reaches D) ≤ p: the test controls the family-wise
 * error over all cells and all candidate hotspots at once (the "max statistic" method of Westfall &
 * Young 1993), so no further multiple-comparison correction is needed or applied.
 *
 * Reproducibility: iteration i draws from Random(iterationSeed(seed, i)), so a run's maxima do not
 * depend on how its iterations are cut across threads. Uniform points in a polygon come by rejection
 * from its bounding box (exactly uniform; expected draws per point = bbox area / polygon area).
 *
 * Cost: O(S · (N · π(R/c)² + cells)) for support radius R and cell size c, the surface's own cost
 * per simulation. `csrSimulationsFit` says whether the default S = 99 stays within
 * CSR_CELL_UPDATE_BUDGET kernel-cell updates; a run past it (a million events on a fine grid: ~25 s
 * on two cores) is tested with the conservative closed-form bound of csr-bound.ts instead, and the
 * result says which test was made.
 */
import type { ProgressFn } from '../../jobs/progress.js';
import { Random } from '../../util/random.js';
import type { GridSpec } from '../kde/extent.js';
import { type KernelName, kernelSupportFactor } from '../kde/kernels.js';
import { densityScale, splatEvents } from '../kde/splat.js';
import { iterationSeed } from '../knox/permute-days.js';
import { type MultiPolygonCoords, polygonBBox, preparedContains, preparePolygon } from './polygon.js';

export const DEFAULT_CSR_ITERATIONS = 99;
export const DEFAULT_CSR_SEED = 1;
export const DEFAULT_ALPHA = 0.05;
/** Kernel-cell updates the default test may spend: about 10 s of one core at the splat's speed. */
export const CSR_CELL_UPDATE_BUDGET = 3e9;

export interface CsrNullSetup {
  spec: GridSpec;
  kernel: KernelName;
  bandwidthM: number;
  /** N: events per simulation. */
  count: number;
  /** The events' weights (length count), when the surface is weighted. */
  weight?: Float64Array;
  /** The study area when clipped (else the grid's rectangle) and its inside-cell mask. */
  boundary?: MultiPolygonCoords;
  mask?: Uint8Array;
  seed: number;
}

/** Maximum cell density (events per km²) of simulations [fromIteration, toIteration). */
export function simulateCsrMaxima(
  setup: CsrNullSetup,
  fromIteration: number,
  toIteration: number,
  progress?: ProgressFn,
): Float64Array {
  const { spec, kernel, bandwidthM, count, weight, mask } = setup;
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError(`count must be an integer ≥ 0, got ${count}`);
  if (weight && weight.length !== count) {
    throw new RangeError(`weight must hold one value per event (${count}), got ${weight.length}`);
  }
  if (mask && mask.length !== spec.width * spec.height) {
    throw new RangeError(
      `mask must hold one value per cell (${spec.width * spec.height}), got ${mask.length}`,
    );
  }
  const total = toIteration - fromIteration;
  const maxima = new Float64Array(Math.max(0, total));
  const raw = new Float64Array(spec.width * spec.height);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const sampler = uniformSampler(spec, setup.boundary);
  const scale = densityScale(kernel, bandwidthM);
  const events = weight ? { x, y, weight } : { x, y };
  for (let i = fromIteration; i < toIteration; i++) {
    progress?.(i - fromIteration, total);
    const random = new Random(iterationSeed(setup.seed, i));
    for (let k = 0; k < count; k++) sampler(random, x, y, k);
    raw.fill(0);
    splatEvents(raw, spec, events, kernel, bandwidthM);
    let max = 0;
    for (let c = 0; c < raw.length; c++) if (raw[c] > max && (!mask || mask[c] === 1)) max = raw[c];
    maxima[i - fromIteration] = max * scale;
  }
  progress?.(total, total);
  return maxima;
}

/** p = (1 + #{simulated maxima ≥ peak}) / (S + 1). */
export function csrPValue(peakDensity: number, maxima: Float64Array): number {
  let reached = 0;
  for (let s = 0; s < maxima.length; s++) if (maxima[s] >= peakDensity) reached++;
  return (1 + reached) / (maxima.length + 1);
}

/**
 * Which test a run gets: `iterations` given → that many simulations (0: no test); else the default
 * simulations when they fit the budget, and the closed-form bound (csr-bound.ts) when they do not.
 */
export function csrMethod(
  iterations: number | undefined,
  count: number,
  cellSizeM: number,
  kernel: KernelName,
  bandwidthM: number,
): 'simulation' | 'bound' | 'none' {
  if (count === 0) return 'none';
  if (iterations !== undefined) return iterations > 0 ? 'simulation' : 'none';
  return csrSimulationsFit(count, cellSizeM, kernel, bandwidthM) ? 'simulation' : 'bound';
}

/** True when the default DEFAULT_CSR_ITERATIONS simulations stay within CSR_CELL_UPDATE_BUDGET. */
export function csrSimulationsFit(
  count: number,
  cellSizeM: number,
  kernel: KernelName,
  bandwidthM: number,
): boolean {
  const radiusCells = (kernelSupportFactor(kernel) * bandwidthM) / cellSizeM;
  const perIteration = Math.max(1, count * Math.PI * radiusCells * radiusCells);
  return DEFAULT_CSR_ITERATIONS * perIteration <= CSR_CELL_UPDATE_BUDGET;
}

type Sampler = (random: Random, x: Float64Array, y: Float64Array, k: number) => void;

/** Draws one uniform point of the study area into x[k], y[k]. */
function uniformSampler(spec: GridSpec, boundary: MultiPolygonCoords | undefined): Sampler {
  if (!boundary) {
    const w = spec.width * spec.cellSizeM;
    const h = spec.height * spec.cellSizeM;
    return (random, x, y, k) => {
      x[k] = spec.originX + random.next() * w;
      y[k] = spec.originY + random.next() * h;
    };
  }
  const [minX, minY, maxX, maxY] = polygonBBox(boundary);
  const parts = boundary.map(preparePolygon);
  const inside = (px: number, py: number) => {
    for (const p of parts) if (preparedContains(p, px, py)) return true;
    return false;
  };
  return (random, x, y, k) => {
    for (;;) {
      const px = minX + random.next() * (maxX - minX);
      const py = minY + random.next() * (maxY - minY);
      if (inside(px, py)) {
        x[k] = px;
        y[k] = py;
        return;
      }
    }
  };
}
