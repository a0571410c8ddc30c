/**
 * Hotspot class thresholds on a density surface (DESIGN.md §4, "Hotspot classes"). The statistics are
 * taken over ALL cells of the study area (every finite cell, zeros included; NaN cells outside a
 * clipping boundary are not in the study area and are ignored), as Chainey's guidance and ArcGIS do,
 * so that "2 × mean" means twice the study area's average density and does not depend on how far a
 * kernel's tails reach (a non-zero-cells mean moves with the kernel: a Gaussian's long tails add many
 * small cells and halve it). The older convention over the non-zero cells only is kept as an option
 * named as such (`cells: 'non-zero'`), and its labels say "(non-zero cells)":
 *
 *   mean-multiple  tₖ = mₖ · μ               (e.g. 1×, 2×, 3× the mean)
 *   mean-sd        tₖ = μ + kₖ · σ           (σ the population standard deviation)
 *   quantile       tₖ = Q(pₖ)                (linear interpolation between order statistics, R type 7)
 *   natural-breaks Jenks natural breaks into K classes by Wang & Song's optimal 1-D k-means
 *                  (simple-statistics `ckmeans`, https://simple-statistics.github.io/docs/#ckmeans);
 *                  the thresholds are the lower bounds of classes 2…K. Above 10 000 non-zero cells the
 *                  breaks are found on 10 000 evenly spaced order statistics (a deterministic sample
 *                  that keeps the distribution's shape), which keeps the cost O(10⁴·K·log) at most.
 *
 * A cell belongs to class k when its value is ≥ tₖ (contours are "≥" regions, so classes are nested).
 * A quantile over the study area can be 0 where most of it is empty; such a class is the whole area
 * and the caller's minimum-events and significance rules (hotspots.ts) decide what is reported.
 */
import { ckmeans } from 'simple-statistics';

/** Which cells the statistics are taken over: the whole study area (default) or its non-zero cells. */
export type ThresholdCells = 'study-area' | 'non-zero';

export type ThresholdSpec = (
  | { method: 'mean-multiple'; multiples: number[] }
  | { method: 'mean-sd'; k: number[] }
  | { method: 'quantile'; probabilities: number[] }
  | { method: 'natural-breaks'; classes: number }
) & { cells?: ThresholdCells };

export interface ClassThreshold {
  /** Class number, 1 = lowest threshold. */
  classIndex: number;
  /** Density (events per km²) at or above which a cell is in this class. */
  value: number;
  /** E.g. "2 × mean", "mean + 1 SD", "90th percentile", "natural break 2 of 5". */
  label: string;
}

/** Statistics of the cells the thresholds were taken over. */
export interface SurfaceStats {
  /** 'study-area': every finite cell, zeros included; 'non-zero': finite cells > 0 only. */
  cells: ThresholdCells;
  /** Number of cells the statistics are over. */
  cellCount: number;
  /** Cells of the study area with a density > 0. */
  nonZeroCells: number;
  mean: number;
  /** Population standard deviation. */
  sd: number;
  max: number;
}
/** The former name, kept for readers of older results. */
export type NonZeroStats = SurfaceStats;

const inStudyArea = (v: number) => v >= 0 && v < Number.POSITIVE_INFINITY;
const nonZero = (v: number) => v > 0 && v < Number.POSITIVE_INFINITY;

/** The test a cell passes to be counted (NaN fails both). */
function cellTest(cells: ThresholdCells): (v: number) => boolean {
  return cells === 'non-zero' ? nonZero : inStudyArea;
}

export const NATURAL_BREAKS_SAMPLE = 10_000;

/** Mean, SD and maximum over the study area's cells (default) or its non-zero cells. */
export function surfaceStats(values: Float64Array, cells: ThresholdCells = 'study-area'): SurfaceStats {
  // The cell test is a flag in the loop, not a callback: these loops run over millions of cells.
  const nonZeroOnly = cells === 'non-zero';
  let n = 0;
  let positive = 0;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v < Number.POSITIVE_INFINITY && (nonZeroOnly ? v > 0 : v >= 0))) continue; // as cellTest
    n++;
    sum += v;
    if (v > 0) positive++;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v < Number.POSITIVE_INFINITY && (nonZeroOnly ? v > 0 : v >= 0))) continue; // as cellTest
    ss += (v - mean) * (v - mean);
  }
  return { cells, cellCount: n, nonZeroCells: positive, mean, sd: n > 0 ? Math.sqrt(ss / n) : 0, max };
}

/** Statistics over the non-zero cells only (the named variant). */
export function nonZeroStats(values: Float64Array): SurfaceStats {
  return surfaceStats(values, 'non-zero');
}

/**
 * Thresholds in ascending order of value; throws RangeError on a bad spec or an all-zero surface.
 * `known` is surfaceStats over the spec's cells when the caller has it already (a pass saved).
 */
export function classThresholds(
  values: Float64Array,
  spec: ThresholdSpec,
  known?: SurfaceStats,
): ClassThreshold[] {
  checkSpec(spec);
  const cells = spec.cells ?? 'study-area';
  const stats = known?.cells === cells ? known : surfaceStats(values, cells);
  if (stats.nonZeroCells === 0)
    throw new RangeError('the surface has no non-zero cell: there are no hotspots');
  const suffix = cells === 'non-zero' ? ' (non-zero cells)' : '';
  let raw: { value: number; label: string }[];
  switch (spec.method) {
    case 'mean-multiple':
      raw = spec.multiples.map((m) => ({ value: m * stats.mean, label: `${m} × mean` }));
      break;
    case 'mean-sd':
      raw = spec.k.map((k) => ({ value: stats.mean + k * stats.sd, label: `mean + ${k} SD` }));
      break;
    case 'quantile': {
      const sorted = sortedCells(values, cells);
      raw = spec.probabilities.map((p) => ({ value: quantileSorted(sorted, p), label: percentileLabel(p) }));
      break;
    }
    case 'natural-breaks': {
      const sorted = sortedCells(values, cells);
      const sample = evenOrderStatistics(sorted, NATURAL_BREAKS_SAMPLE);
      const k = Math.min(spec.classes, new Set(sample).size);
      const clusters = ckmeans(sample, k);
      raw = clusters.slice(1).map((cluster, i) => ({
        value: cluster[0],
        label: `natural break ${i + 2} of ${spec.classes}`,
      }));
      break;
    }
  }
  return raw
    .sort((a, b) => a.value - b.value)
    .map((t, i) => ({ classIndex: i + 1, value: t.value, label: `${t.label}${suffix}` }));
}

/** Parses the CLI form: `mean-multiple:2`, `mean-multiple:1,2,3`, `mean-sd:1,2`, `quantile:0.9,0.99`, `natural-breaks:5`. */
export function parseThresholdSpec(text: string): ThresholdSpec {
  const [method, list = ''] = text.split(':', 2);
  const numbers = list
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(Number);
  if (numbers.length === 0 || numbers.some((v) => !Number.isFinite(v))) {
    throw new RangeError(`threshold "${text}" needs numbers after the colon, e.g. mean-multiple:2`);
  }
  let spec: ThresholdSpec;
  switch (method) {
    case 'mean-multiple':
      spec = { method, multiples: numbers };
      break;
    case 'mean-sd':
      spec = { method, k: numbers };
      break;
    case 'quantile':
      spec = { method, probabilities: numbers };
      break;
    case 'natural-breaks':
      spec = { method, classes: numbers[0] };
      break;
    default:
      throw new RangeError(
        `threshold method must be mean-multiple, mean-sd, quantile or natural-breaks, got "${method}"`,
      );
  }
  checkSpec(spec);
  return spec;
}

function checkSpec(spec: ThresholdSpec): void {
  if (spec.cells !== undefined && spec.cells !== 'study-area' && spec.cells !== 'non-zero') {
    throw new RangeError(`cells must be 'study-area' or 'non-zero', got ${String(spec.cells)}`);
  }
  const list = (name: string, xs: number[], ok: (v: number) => boolean, what: string) => {
    if (xs.length === 0) throw new RangeError(`${name} must list at least one value`);
    for (const v of xs)
      if (!(Number.isFinite(v) && ok(v))) throw new RangeError(`${name} must be ${what}, got ${v}`);
  };
  if (spec.method === 'mean-multiple') list('multiples', spec.multiples, (v) => v > 0, '> 0');
  else if (spec.method === 'mean-sd') list('k', spec.k, () => true, 'finite');
  else if (spec.method === 'quantile')
    list('probabilities', spec.probabilities, (v) => v > 0 && v < 1, 'between 0 and 1');
  else if (!(Number.isInteger(spec.classes) && spec.classes >= 2 && spec.classes <= 12)) {
    throw new RangeError(`classes must be an integer from 2 to 12, got ${spec.classes}`);
  }
}

function sortedCells(values: Float64Array, cells: ThresholdCells): Float64Array {
  const counted = cellTest(cells);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (counted(values[i])) n++;
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (counted(values[i])) out[k++] = values[i];
  return out.sort();
}

/** R type 7 quantile of sorted values. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** At most `count` order statistics at evenly spaced ranks (all values when there are fewer). */
function evenOrderStatistics(sorted: Float64Array, count: number): number[] {
  if (sorted.length <= count) return Array.from(sorted);
  const out: number[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = sorted[Math.round((i * (sorted.length - 1)) / (count - 1))];
  return out;
}

function percentileLabel(p: number): string {
  const pct = Number((p * 100).toPrecision(6));
  const suffix =
    pct % 10 === 1 && pct % 100 !== 11
      ? 'st'
      : pct % 10 === 2 && pct % 100 !== 12
        ? 'nd'
        : pct % 10 === 3 && pct % 100 !== 13
          ? 'rd'
          : 'th';
  return Number.isInteger(pct) ? `${pct}${suffix} percentile` : `${pct} percentile`;
}
