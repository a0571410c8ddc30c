/**
 * The Mann–Kendall trend test (issue 13 item 3: the trend of each cell's Gi* series, as ArcGIS's
 * Emerging Hot Spot Analysis uses it). For a series x_1 … x_n:
 *
 *   S = Σ_{i<j} sign(x_j − x_i)
 *   Var(S) = [n(n − 1)(2n + 5) − Σ_g t_g(t_g − 1)(2t_g + 5)] / 18,  t_g the size of each group of ties
 *   Z = (S − 1)/√Var(S) if S > 0,  (S + 1)/√Var(S) if S < 0,  0 if S = 0   (continuity correction)
 *   p = two-sided standard normal tail of Z
 * Mann (1945), Kendall (1975); the ties term as in Hipel & McLeod (1994). NaN values are not allowed
 * (the caller says what stands for a missing value). O(n²), n is the number of time slices.
 */
import { twoSidedNormalP } from '../gistar/normal.js';

export interface MannKendall {
  s: number;
  varS: number;
  z: number;
  p: number;
}

export function mannKendall(series: ArrayLike<number>): MannKendall {
  const n = series.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(series[i]!)) throw new RangeError(`series value ${i} is ${series[i]}`);
  }
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(series[j]! - series[i]!);
  }
  const tally = new Map<number, number>();
  for (let i = 0; i < n; i++) tally.set(series[i]!, (tally.get(series[i]!) ?? 0) + 1);
  let ties = 0;
  for (const t of tally.values()) ties += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = varS > 0 && s !== 0 ? (s > 0 ? s - 1 : s + 1) / Math.sqrt(varS) : 0;
  return { s, varS, z, p: twoSidedNormalP(z) };
}
