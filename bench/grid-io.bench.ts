/**
 * Writing a density surface as an ESRI ASCII grid (shared/analysis/grid-io/esri-ascii.ts): the
 * 1000 × 1000 grid of `hotspot kde` in bench/peers (1,000,000 seeded uniform points over 10 km, cells
 * of 10 m, quartic, h = 100 m; every cell non-zero), formatted with 10 significant digits.
 *
 *   grid-io.esriAscii.first  the first pass in a fresh process, as the CLI pays it (JIT warming)
 *   grid-io.esriAscii        later passes (median of 3)
 */
import { esriAsciiGridChunks } from '../shared/analysis/grid-io/esri-ascii.js';
import { kernelDensity } from '../shared/analysis/kde/kde.js';
import { Random } from '../shared/util/random.js';
import { measure, report } from './measure.js';

const n = 1_000_000;
const random = new Random(7);
const x = new Float64Array(n);
const y = new Float64Array(n);
for (let i = 0; i < n; i++) {
  x[i] = 400_000 + random.uniform(0, 10_000);
  y[i] = 300_000 + random.uniform(0, 10_000);
}
const { grid } = kernelDensity(
  { x, y },
  { cellSizeM: 10, bandwidthM: 100, extent: { minX: 400_000, minY: 300_000, maxX: 410_000, maxY: 310_000 } },
);

function write(): number {
  let bytes = 0;
  for (const chunk of esriAsciiGridChunks(grid)) bytes += chunk.length;
  return bytes;
}

const start = performance.now();
const bytes = write();
report('grid-io.esriAscii.first', [performance.now() - start], { cells: grid.values.length, bytes });
report('grid-io.esriAscii', await measure(write, 3, 0), { cells: grid.values.length, bytes });
