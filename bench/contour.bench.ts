/**
 * Contours and hotspot statistics on a large grid (issue 15 item 4): the sample town's police crimes
 * (resources/sample/police_crimes.csv, ~8,900 events over ~8 km × 6 km) on 2 m cells (~4000 × 3000
 * cells), quartic kernel; goal ≤ 3 s. The surface is made once in this thread; what is timed is
 * findHotspots (thresholds 1×, 2×, 3× the mean, the app's default; no significance test), the
 * "Drawing hotspots" phase. Prints one JSON line per bandwidth:
 *   contour.town-2m.bw10m   the default bandwidth for 2 m cells (5 cells): many small regions
 *   contour.town-2m.bw100m  a typical analyst's bandwidth: fewer, larger regions
 * `cpuMs` is the CPU time of each run beside its wall time (`runsMs`): on a shared machine the wall
 * time includes waiting for a core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findHotspots } from '../shared/analysis/hotspots/hotspots.js';
import { kernelDensity } from '../shared/analysis/kde/kde.js';
import { measure, report } from './measure.js';

const GOAL_MS = 3000;
const CELL_M = 2;

function townCrimes(): { x: Float64Array; y: Float64Array } {
  const lines = readFileSync(join(import.meta.dirname, '../resources/sample/police_crimes.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = lines[0].split(',');
  const ex = header.indexOf('Easting');
  const ny = header.indexOf('Northing');
  const rows = lines.slice(1).map((l) => l.split(','));
  return {
    x: Float64Array.from(rows, (r) => Number(r[ex])),
    y: Float64Array.from(rows, (r) => Number(r[ny])),
  };
}

const events = townCrimes();
for (const bandwidthM of [10, 100]) {
  const surface = kernelDensity(events, { kernel: 'quartic', cellSizeM: CELL_M, bandwidthM });
  const { grid } = surface;
  let hotspots = 0;
  let candidates = 0;
  const cpuMs: number[] = [];
  const runsMs = await measure(
    () => {
      const start = process.cpuUsage();
      const result = findHotspots(grid, events, {
        thresholds: { method: 'mean-multiple', multiples: [1, 2, 3] },
        studyAreaM2: surface.studyAreaM2,
      });
      hotspots = result.hotspots.length;
      candidates = result.support.candidates;
      const used = process.cpuUsage(start);
      cpuMs.push(Math.round((used.user + used.system) / 1000));
    },
    5,
    1,
  );
  report(`contour.town-2m.bw${bandwidthM}m`, runsMs, {
    events: events.x.length,
    grid: `${grid.width}x${grid.height}`,
    cells: grid.width * grid.height,
    bandwidthM,
    candidates,
    hotspots,
    goalMs: GOAL_MS,
    cpuMs,
    minCpuMs: Math.min(...cpuMs),
  });
}
