/**
 * Getis-Ord Gi* on a grid of counts (issue 13 item 2; DESIGN.md §4 "Period comparison and
 * significance"), as ArcGIS's Hot Spot Analysis and PySAL's G_Local(star=True) compute it with binary
 * fixed-distance weights.
 *
 * Over the n cells of the study area (the whole grid, or the cells where `mask` is 1), with x_j the
 * count of cell j, x̄ = Σx_j / n and S = √(Σx_j² / n − x̄²) (population SD), binary weights
 * w_ij = 1 when the centres of cells i and j are within distanceM (‖c_i − c_j‖ ≤ d, i = j included):
 *
 *   Gi* = (Σ_j w_ij x_j − x̄ W_i) / (S √((n Σ_j w_ij² − W_i²) / (n − 1))),   W_i = Σ_j w_ij
 *
 * (binary weights: Σ_j w_ij² = W_i). Two-sided p from the standard normal; q by Benjamini–Hochberg
 * over the n cells (shared/analysis/compare/fdr.ts). Cells outside the study area get NaN.
 * z is NaN where it is undefined: S = 0 (every cell has the same count) or W_i = n.
 *
 * Speed: the neighbourhood is a disc of whole cell offsets, dc² + dr² ≤ (d/c)²; for each offset row
 * dr it is one run of columns [col − h(dr), col + h(dr)], so with each row's prefix sums a window sum
 * costs O(2R + 1), R = ⌊d/c⌋: O(n·(2R + 1)) in all on Float64Arrays, not O(n · disc area).
 */
import type { ProgressFn } from '../../jobs/progress.js';
import type { Grid } from '../../model/grid.js';
import { benjaminiHochberg } from '../compare/fdr.js';
import { twoSidedNormalP } from './normal.js';

export interface GiStarOptions {
  distanceM: number;
  /** 1 for cells of the study area; all cells when absent. */
  mask?: Uint8Array;
}

export interface GiStarResult {
  /** Gi* z-score per cell (grid order), NaN outside the study area or where undefined. */
  z: Float64Array;
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p over the study area's cells. */
  q: Float64Array;
  /** Neighbours of each cell in the study area (W_i, the cell itself included). */
  neighbours: Float64Array;
  /** n, the cells of the study area. */
  cells: number;
  mean: number;
  sd: number;
}

/** h(dr) for dr = 0 … R: the widest column offset of the disc dc² + dr² ≤ (d/c)². */
export function discHalfWidths(distanceM: number, cellSizeM: number): Int32Array {
  const reach2 = (distanceM / cellSizeM) ** 2;
  // The tiny slack makes a distance that is an exact multiple of the cell size inclusive.
  const limit = reach2 * (1 + 1e-12);
  const radius = Math.floor(Math.sqrt(limit));
  const half = new Int32Array(radius + 1);
  for (let dr = 0; dr <= radius; dr++) {
    let h = Math.floor(Math.sqrt(Math.max(0, limit - dr * dr)));
    while ((h + 1) * (h + 1) + dr * dr <= limit) h++;
    while (h > 0 && h * h + dr * dr > limit) h--;
    half[dr] = h;
  }
  return half;
}

function rowPrefixSums(values: ArrayLike<number>, width: number, height: number): Float64Array {
  const prefix = new Float64Array((width + 1) * height);
  for (let r = 0; r < height; r++) {
    let sum = 0;
    const base = r * (width + 1);
    for (let c = 0; c < width; c++) {
      sum += values[c + r * width]!;
      prefix[base + c + 1] = sum;
    }
  }
  return prefix;
}

export function giStar(counts: Grid, options: GiStarOptions, progress?: ProgressFn): GiStarResult {
  const steps = giStarSteps(counts, options, progress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `giStar` a row at a time: it pauses after each row, so a caller on an event loop can let a cancel in. */
export function* giStarSteps(
  counts: Grid,
  options: GiStarOptions,
  progress?: ProgressFn,
): Generator<void, GiStarResult> {
  const { width, height, cellSizeM, values } = counts;
  const { distanceM, mask } = options;
  if (!(distanceM > 0 && Number.isFinite(distanceM)))
    throw new RangeError(`distanceM must be > 0, got ${distanceM}`);
  if (mask && mask.length !== values.length)
    throw new RangeError(`mask has ${mask.length} cells, the grid ${values.length}`);
  const total = width * height;
  const inside = mask ?? new Uint8Array(total).fill(1);
  const x = new Float64Array(total);
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < total; i++) {
    if (inside[i] !== 1) continue;
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new RangeError(`cell ${i} of the study area holds ${v}`);
    x[i] = v;
    n++;
    sum += v;
    sumSquares += v * v;
  }
  if (n < 2) throw new RangeError(`Gi* needs at least 2 cells in the study area, got ${n}`);
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));

  const half = discHalfWidths(distanceM, cellSizeM);
  const radius = half.length - 1;
  const xPrefix = rowPrefixSums(x, width, height);
  const wPrefix = rowPrefixSums(inside, width, height);
  const z = new Float64Array(total).fill(Number.NaN);
  const p = new Float64Array(total).fill(Number.NaN);
  const neighbours = new Float64Array(total);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i = c + r * width;
      if (inside[i] !== 1) continue;
      let local = 0;
      let w = 0;
      for (let dr = -radius; dr <= radius; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= height) continue;
        const h = half[Math.abs(dr)]!;
        const lo = Math.max(0, c - h);
        const hi = Math.min(width - 1, c + h);
        const base = rr * (width + 1);
        local += xPrefix[base + hi + 1]! - xPrefix[base + lo]!;
        w += wPrefix[base + hi + 1]! - wPrefix[base + lo]!;
      }
      neighbours[i] = w;
      const spread = sd * Math.sqrt((n * w - w * w) / (n - 1));
      if (spread > 0) {
        z[i] = (local - mean * w) / spread;
        p[i] = twoSidedNormalP(z[i]!);
      }
    }
    progress?.(r + 1, height);
    yield;
  }
  return { z, p, q: benjaminiHochberg(p), neighbours, cells: n, mean, sd };
}
