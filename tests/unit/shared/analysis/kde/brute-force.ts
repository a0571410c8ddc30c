/**
 * Test reference: the kernel density evaluated directly at every cell centre, O(cells · events),
 * from the kernel definitions in kernels.ts, in events per km².
 */
import type { GridSpec } from '../../../../../shared/analysis/kde/extent.js';
import { type KernelName, kernelValue } from '../../../../../shared/analysis/kde/kernels.js';
import { cellCentreX, cellCentreY, type Grid } from '../../../../../shared/model/grid.js';

export function bruteForceDensity(
  spec: GridSpec,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  kernel: KernelName,
  bandwidthM: number,
  weight?: ArrayLike<number>,
): Float64Array {
  const grid = { ...spec, values: new Float64Array(0) } as Grid;
  const out = new Float64Array(spec.width * spec.height);
  for (let row = 0; row < spec.height; row++) {
    const cy = cellCentreY(grid, row);
    for (let col = 0; col < spec.width; col++) {
      const cx = cellCentreX(grid, col);
      let sum = 0;
      for (let i = 0; i < x.length; i++) {
        const d = Math.hypot(cx - x[i], cy - y[i]);
        sum += (weight ? weight[i] : 1) * kernelValue(kernel, d, bandwidthM);
      }
      out[row * spec.width + col] = sum * 1e6;
    }
  }
  return out;
}
