/**
 * Hot and cold spot classes of Gi* cells at 90 / 95 / 99 % confidence, as ArcGIS's Gi_Bin:
 * +3 / +2 / +1 a hot spot with 99 / 95 / 90 % confidence (z > 0), −3 / −2 / −1 the same for cold
 * spots (z < 0), 0 not significant. Confidence is read from the Benjamini–Hochberg q-value by
 * default (q ≤ 0.01, 0.05, 0.10: the false discovery rate over the study area's cells is held at
 * 1, 5, 10 %), or from the unadjusted p when `adjusted` is false (named so in the output).
 */

export const CONFIDENCE_LEVELS = [
  { bin: 3, alpha: 0.01, label: '99 %' },
  { bin: 2, alpha: 0.05, label: '95 %' },
  { bin: 1, alpha: 0.1, label: '90 %' },
] as const;

export function binOf(z: number, pOrQ: number): number {
  if (!(Number.isFinite(z) && Number.isFinite(pOrQ)) || z === 0) return 0;
  for (const level of CONFIDENCE_LEVELS) {
    if (pOrQ <= level.alpha) return z > 0 ? level.bin : -level.bin;
  }
  return 0;
}

/** The bin of every cell (Int8Array, grid order), from q (default) or p. */
export function giBins(
  result: { z: Float64Array; p: Float64Array; q: Float64Array },
  adjusted = true,
): Int8Array {
  const level = adjusted ? result.q : result.p;
  const bins = new Int8Array(result.z.length);
  for (let i = 0; i < bins.length; i++) bins[i] = binOf(result.z[i]!, level[i]!);
  return bins;
}

/** Cells in each bin from −3 to +3, keyed by bin. */
export function binCounts(bins: Int8Array): Record<string, number> {
  const counts: Record<string, number> = { '-3': 0, '-2': 0, '-1': 0, '0': 0, '1': 0, '2': 0, '3': 0 };
  for (const b of bins) counts[String(b)]! += 1;
  return counts;
}
