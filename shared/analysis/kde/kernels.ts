/**
 * Kernels of the kernel density estimate (DESIGN.md §4, "Kernel density").
 *
 * Each kernel is radially symmetric in 2-D and integrates to 1 over the plane, so an event of
 * weight w adds exactly w to the surface's integral (mass conservation). With bandwidth h and
 * distance d from the event, per square metre:
 *
 *   quartic       K = 3/(π h²) · (1 − d²/h²)²      for d < h   (default; CrimeStat, ArcGIS, QGIS)
 *   epanechnikov  K = 2/(π h²) · (1 − d²/h²)       for d < h
 *   triangular    K = 3/(π h²) · (1 − d/h)         for d < h   (the "cone" kernel)
 *   uniform       K = 1/(π h²)                     for d < h
 *   gaussian      K = 1/(2π σ²) · exp(−d²/(2σ²)) / (1 − e^(−9/2))   for d < 3σ, with σ = h
 *
 * Normalisations: ∫₀^h 2πr (1 − r²/h²)² dr = π h²/3, ∫₀^h 2πr (1 − r²/h²) dr = π h²/2,
 * ∫₀^h 2πr (1 − r/h) dr = π h²/3, ∫₀^h 2πr dr = π h².
 *
 * Gaussian: the bandwidth is the standard deviation (h = σ, as CrimeStat's "normal" kernel). DESIGN.md
 * cuts it at 3 bandwidths so the work per event is bounded; the truncated kernel holds 1 − e^(−9/2)
 * ≈ 98.89 % of the untruncated mass, so it is divided by that share (renormalised) to keep every
 * event integrating to its weight like the other kernels. Values within 3σ are therefore 1.0112×
 * the textbook Gaussian.
 *
 * The support is the open disc d < supportFactor · h: a cell centre exactly at the support radius
 * gets nothing (for all kernels but uniform and gaussian the kernel is 0 there anyway).
 */

export const KERNEL_NAMES = ['quartic', 'epanechnikov', 'triangular', 'uniform', 'gaussian'] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

export const DEFAULT_KERNEL: KernelName = 'quartic';

/** Share of a 2-D standard Gaussian's mass within 3σ: 1 − exp(−3²/2). */
export const GAUSSIAN_MASS_WITHIN_3_SIGMA = 1 - Math.exp(-4.5);

/** Support radius as a multiple of the bandwidth. */
export function kernelSupportFactor(kernel: KernelName): number {
  return kernel === 'gaussian' ? 3 : 1;
}

/**
 * The constant c such that K(d) = c / h² · profile(d), per m²: 3/π for quartic, 2/π Epanechnikov,
 * 3/π triangular, 1/π uniform, 1/(2π (1 − e^(−9/2))) gaussian.
 */
export function kernelNormalisation(kernel: KernelName): number {
  switch (kernel) {
    case 'quartic':
      return 3 / Math.PI;
    case 'epanechnikov':
      return 2 / Math.PI;
    case 'triangular':
      return 3 / Math.PI;
    case 'uniform':
      return 1 / Math.PI;
    case 'gaussian':
      return 1 / (2 * Math.PI * GAUSSIAN_MASS_WITHIN_3_SIGMA);
  }
}

/**
 * The kernel's value per m² at distance `distanceM` from an event of weight 1: the reference
 * definition, used by tests and brute-force checks (the fast splatting in splat.ts inlines it).
 */
export function kernelValue(kernel: KernelName, distanceM: number, bandwidthM: number): number {
  const h = bandwidthM;
  const u = distanceM / h;
  if (!(u < kernelSupportFactor(kernel))) return 0;
  const c = kernelNormalisation(kernel) / (h * h);
  switch (kernel) {
    case 'quartic':
      return c * (1 - u * u) ** 2;
    case 'epanechnikov':
      return c * (1 - u * u);
    case 'triangular':
      return c * (1 - u);
    case 'uniform':
      return c;
    case 'gaussian':
      return c * Math.exp(-(u * u) / 2);
  }
}
