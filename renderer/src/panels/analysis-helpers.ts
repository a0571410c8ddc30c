/**
 * Pure helpers of the Analysis tab: reading band edges typed by the analyst, the threshold-class
 * choices offered for hotspots, which Knox cells to highlight, and number formats for p-values and
 * ratios.
 */
import type { ThresholdSpec } from '../../../shared/analysis/hotspots/thresholds.js';

/**
 * Band edges from text such as "0, 100, 200, inf": ascending non-negative numbers, at least two, with
 * an optional last "inf" / "∞" (sent as null, the Api's Infinity). Throws a RangeError naming the
 * problem.
 */
export function parseEdges(text: string, name: string): (number | null)[] {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) throw new RangeError(`${name} needs at least two edges, e.g. 0, 100, 200, inf`);
  const edges: (number | null)[] = [];
  parts.forEach((part, i) => {
    if (/^(inf|infinity|∞)$/i.test(part)) {
      if (i !== parts.length - 1) throw new RangeError(`${name}: only the last edge may be inf`);
      edges.push(null);
      return;
    }
    const value = Number(part);
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name}: “${part}” is not a number ≥ 0`);
    const previous = edges[edges.length - 1];
    if (typeof previous === 'number' && value <= previous)
      throw new RangeError(`${name} must increase: ${value} follows ${previous}`);
    edges.push(value);
  });
  return edges;
}

export const THRESHOLD_CHOICES: readonly {
  id: string;
  label: string;
  spec: ThresholdSpec;
  classes: string[];
}[] = [
  {
    id: 'mean-multiple',
    label: '1, 2, 3 × mean',
    spec: { method: 'mean-multiple', multiples: [1, 2, 3] },
    classes: ['1 × mean', '2 × mean', '3 × mean'],
  },
  {
    id: 'mean-sd',
    label: 'Mean + 1, 2, 3 SD',
    spec: { method: 'mean-sd', k: [1, 2, 3] },
    classes: ['mean + 1 SD', 'mean + 2 SD', 'mean + 3 SD'],
  },
  {
    id: 'quantile',
    label: 'Percentiles 90, 95, 99',
    spec: { method: 'quantile', probabilities: [0.9, 0.95, 0.99] },
    classes: ['90th percentile', '95th percentile', '99th percentile'],
  },
  {
    id: 'natural-breaks',
    label: 'Natural breaks (5)',
    spec: { method: 'natural-breaks', classes: 5 },
    classes: ['break 2 of 5', 'break 3 of 5', 'break 4 of 5', 'break 5 of 5'],
  },
];

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : ratio.toFixed(2);
}

/** Peak hours as "17, 14, 18 h" (hours of day, busiest first). */
export function formatHours(hours: readonly number[]): string {
  return hours.length === 0 ? '—' : `${hours.map((hour) => String(hour).padStart(2, '0')).join(', ')} h`;
}
