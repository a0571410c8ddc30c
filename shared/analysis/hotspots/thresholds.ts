/**
 * Hotspot class thresholds on a density surface (DESIGN.md §4, "Hotspot classes"). All statistics are
 * taken over the NON-ZERO cells only (finite values > 0; NaN cells outside a boundary are ignored), as
 * crime-mapping guidance does, since the empty part of a study area would otherwise drag the mean down:
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
 */
import { ckmeans } from 'simple-statistics';

export type ThresholdSpec =
  | { method: 'mean-multiple'; multiples: number[] }
  | { method: 'mean-sd'; k: number[] }
  | { method: 'quantile'; probabilities: number[] }
  | { method: 'natural-breaks'; classes: number };

export interface ClassThreshold {
  /** Class number, 1 = lowest threshold. */
  classIndex: number;
  /** Density (events per km²) at or above which a cell is in this class. */
  value: number;
  /** E.g. "2 × mean", "mean + 1 SD", "90th percentile", "natural break 2 of 5". */
  label: string;
}

export interface NonZeroStats {
  nonZeroCells: number;
  mean: number;
  sd: number;
  max: number;
}

export const NATURAL_BREAKS_SAMPLE = 10_000;

export function nonZeroStats(values: Float64Array): NonZeroStats {
  let n = 0;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0 && v < Number.POSITIVE_INFINITY) {
      n++;
      sum += v;
      if (v > max) max = v;
    }
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0 && v < Number.POSITIVE_INFINITY) ss += (v - mean) * (v - mean);
  }
  return { nonZeroCells: n, mean, sd: n > 0 ? Math.sqrt(ss / n) : 0, max };
}

/** Thresholds in ascending order of value; throws RangeError on a bad spec or an all-zero surface. */
export function classThresholds(values: Float64Array, spec: ThresholdSpec): ClassThreshold[] {
  checkSpec(spec);
  const stats = nonZeroStats(values);
  if (stats.nonZeroCells === 0)
    throw new RangeError('the surface has no non-zero cell: there are no hotspots');
  let raw: { value: number; label: string }[];
  switch (spec.method) {
    case 'mean-multiple':
      raw = spec.multiples.map((m) => ({ value: m * stats.mean, label: `${m} × mean` }));
      break;
    case 'mean-sd':
      raw = spec.k.map((k) => ({ value: stats.mean + k * stats.sd, label: `mean + ${k} SD` }));
      break;
    case 'quantile': {
      const sorted = sortedNonZero(values);
      raw = spec.probabilities.map((p) => ({ value: quantileSorted(sorted, p), label: percentileLabel(p) }));
      break;
    }
    case 'natural-breaks': {
      const sorted = sortedNonZero(values);
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
  return raw.sort((a, b) => a.value - b.value).map((t, i) => ({ classIndex: i + 1, ...t }));
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

function sortedNonZero(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && values[i] < Number.POSITIVE_INFINITY) n++;
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (values[i] > 0 && values[i] < Number.POSITIVE_INFINITY) out[k++] = values[i];
  }
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
