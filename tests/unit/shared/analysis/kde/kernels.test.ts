import { describe, expect, it } from 'vitest';
import {
  GAUSSIAN_MASS_WITHIN_3_SIGMA,
  KERNEL_NAMES,
  kernelSupportFactor,
  kernelValue,
} from '../../../../../shared/analysis/kde/kernels.js';
import { expectClose } from '../../../expect-close.js';

const h = 200;

describe('kernelValue', () => {
  it('gives the quartic 3/(π h²) at the event and 3/(π h²)·(1 − ¼)² at half the bandwidth', () => {
    expectClose(kernelValue('quartic', 0, h), 3 / (Math.PI * h * h), 1e-15);
    expectClose(kernelValue('quartic', h / 2, h), (3 / (Math.PI * h * h)) * 0.75 ** 2, 1e-15);
  });

  it('gives the Epanechnikov 2/(π h²)·(1 − d²/h²)', () => {
    expectClose(kernelValue('epanechnikov', 0, h), 2 / (Math.PI * h * h), 1e-15);
    expectClose(kernelValue('epanechnikov', 0.6 * h, h), (2 / (Math.PI * h * h)) * 0.64, 1e-15);
  });

  it('gives the triangular 3/(π h²)·(1 − d/h)', () => {
    expectClose(kernelValue('triangular', 0, h), 3 / (Math.PI * h * h), 1e-15);
    expectClose(kernelValue('triangular', 0.25 * h, h), (3 / (Math.PI * h * h)) * 0.75, 1e-15);
  });

  it('gives the uniform 1/(π h²) anywhere inside the bandwidth', () => {
    expect(kernelValue('uniform', 0, h)).toBe(1 / (Math.PI * h * h));
    expect(kernelValue('uniform', 0.999 * h, h)).toBe(1 / (Math.PI * h * h));
  });

  it('gives the Gaussian with σ = h renormalised for the cut at 3σ', () => {
    const c = 1 / (2 * Math.PI * h * h * GAUSSIAN_MASS_WITHIN_3_SIGMA);
    expectClose(kernelValue('gaussian', 0, h), c, 1e-15);
    expectClose(kernelValue('gaussian', h, h), c * Math.exp(-0.5), 1e-15);
    expectClose(kernelValue('gaussian', 2.9 * h, h), c * Math.exp(-0.5 * 2.9 * 2.9), 1e-15);
    expect(kernelValue('gaussian', 3 * h, h)).toBe(0);
  });

  it.each(KERNEL_NAMES)('%s is zero at and beyond its support radius', (kernel) => {
    const r = kernelSupportFactor(kernel) * h;
    expect(kernelValue(kernel, r, h)).toBe(0);
    expect(kernelValue(kernel, r * 1.5, h)).toBe(0);
    expect(kernelValue(kernel, r * 0.999, h)).toBeGreaterThan(0);
  });

  it.each(KERNEL_NAMES)('%s integrates to 1 over the plane (radial midpoint rule)', (kernel) => {
    const r = kernelSupportFactor(kernel) * h;
    const steps = 200_000;
    const dr = r / steps;
    let mass = 0;
    for (let k = 0; k < steps; k++) {
      const d = (k + 0.5) * dr;
      mass += 2 * Math.PI * d * kernelValue(kernel, d, h) * dr;
    }
    expectClose(mass, 1, 1e-6);
  });
});
