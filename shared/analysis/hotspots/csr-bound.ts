/**
 * A closed-form test of hotspot peaks against complete spatial randomness (CSR) for runs too large
 * to simulate (DESIGN.md §4 "Hotspot classes"): an upper bound on the Monte Carlo test's p, used when
 * its simulations would pass CSR_CELL_UPDATE_BUDGET (csr-test.ts) — a million events cost ~25 s of
 * simulation on two cores, the bound microseconds.
 *
 * Under CSR the N events fall independently and uniformly over the study area of area A. At one cell
 * centre the density is S = Σᵢ Yᵢ with Yᵢ = wᵢ·K(dᵢ) (K the kernel, in events per m², × 10⁶ for
 * km²). Then, for every cell,
 *
 *   E[S] ≤ W / A                 (W = Σ wᵢ; the kernel integrates to 1, less where it leaves the area)
 *   Σ Var(Yᵢ) ≤ v = Σ wᵢ² · ∫K² dA / A
 *   Yᵢ − E[Yᵢ] ≤ b = max wᵢ · K(0)
 *
 * and Bennett's inequality (Bennett 1962; Boucheron, Lugosi & Massart 2013, thm 2.9) gives, for
 * t = D − W/A > 0,
 *
 *   P(S ≥ D) ≤ exp(−(v / b²) · h(b·t / v)),   h(u) = (1 + u)·ln(1 + u) − u.
 *
 * A union over the M cells of the study area bounds the chance that ANY cell of a CSR surface reaches
 * D — the same family-wise question the Monte Carlo max statistic answers —
 *
 *   p ≤ min(1, M · exp(−(v / b²) · h(b·t / v)))     (p = 1 when D ≤ W/A).
 *
 * Every step over-states the chance of a peak (upper mean, upper variance, union bound), so the test
 * is conservative: a hotspot it supports, the Monte Carlo test would support too. ∫K² dA is integrated
 * numerically (Simpson, 2 000 radial steps) so the five kernels share one code path; for the quartic
 * it is 9 / (5π h²).
 */
import { type KernelName, kernelSupportFactor, kernelValue } from '../kde/kernels.js';

/** m² per km²: kernel values are per m², surfaces per km². */
const M2_PER_KM2 = 1e6;
const RADIAL_STEPS = 2000;

export interface CsrBoundInput {
  kernel: KernelName;
  bandwidthM: number;
  /** Area of the study area, m². */
  studyAreaM2: number;
  /** Cells of the study area (the union bound's M). */
  cells: number;
  /** Σ wᵢ, Σ wᵢ² and max wᵢ of the events (all 1 without weights: N, N, 1). */
  totalWeight: number;
  sumSquaredWeight: number;
  maxWeight: number;
}

/** The bound's constants in events per km². */
export interface CsrBound {
  /** Upper bound on the mean density of a cell under CSR: W / A. */
  meanPerKm2: number;
  /** Upper bound on the variance of a cell's density. */
  variance: number;
  /** Largest single event's contribution to a cell. */
  jumpPerKm2: number;
  cells: number;
}

export function csrBound(input: CsrBoundInput): CsrBound {
  const { kernel, bandwidthM, studyAreaM2, cells } = input;
  if (!(bandwidthM > 0)) throw new RangeError(`bandwidthM must be > 0, got ${bandwidthM}`);
  if (!(studyAreaM2 > 0)) throw new RangeError(`studyAreaM2 must be > 0, got ${studyAreaM2}`);
  if (!(Number.isInteger(cells) && cells >= 1))
    throw new RangeError(`cells must be a whole number ≥ 1, got ${cells}`);
  const squaredIntegral = kernelSquaredIntegral(kernel, bandwidthM);
  return {
    meanPerKm2: (M2_PER_KM2 * input.totalWeight) / studyAreaM2,
    variance: (M2_PER_KM2 ** 2 * input.sumSquaredWeight * squaredIntegral) / studyAreaM2,
    jumpPerKm2: M2_PER_KM2 * input.maxWeight * kernelValue(kernel, 0, bandwidthM),
    cells,
  };
}

/** Σw, Σw² and max w of the events (N, N and 1 without weights). */
export function weightSums(
  weight: Float64Array | undefined,
  count: number,
): Pick<CsrBoundInput, 'totalWeight' | 'sumSquaredWeight' | 'maxWeight'> {
  if (!weight) return { totalWeight: count, sumSquaredWeight: count, maxWeight: 1 };
  let totalWeight = 0;
  let sumSquaredWeight = 0;
  let maxWeight = 0;
  for (const w of weight) {
    totalWeight += w;
    sumSquaredWeight += w * w;
    if (w > maxWeight) maxWeight = w;
  }
  return { totalWeight, sumSquaredWeight, maxWeight };
}

/** Upper bound on P(some cell of a CSR surface reaches peakPerKm2). */
export function csrBoundPValue(peakPerKm2: number, bound: CsrBound): number {
  const t = peakPerKm2 - bound.meanPerKm2;
  if (!(t > 0) || !(bound.variance > 0) || !(bound.jumpPerKm2 > 0)) return 1;
  const { variance: v, jumpPerKm2: b } = bound;
  const u = (b * t) / v;
  const logTail = -(v / (b * b)) * ((1 + u) * Math.log1p(u) - u);
  return Math.min(1, Math.exp(Math.log(bound.cells) + logTail));
}

/** ∫ K(r)² dA over the kernel's support, m⁻² (Simpson's rule in r, with the 2πr area element). */
export function kernelSquaredIntegral(kernel: KernelName, bandwidthM: number): number {
  const radius = kernelSupportFactor(kernel) * bandwidthM;
  const step = radius / RADIAL_STEPS;
  // The support's edge is open (K = 0 at r = R for most kernels, a jump for the uniform): sample just inside.
  const f = (r: number) => {
    const k = kernelValue(kernel, Math.min(r, radius * (1 - 1e-12)), bandwidthM);
    return k * k * 2 * Math.PI * r;
  };
  let sum = f(0) + f(radius);
  for (let i = 1; i < RADIAL_STEPS; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * step);
  return (sum * step) / 3;
}
