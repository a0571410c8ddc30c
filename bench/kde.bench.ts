/**
 * Kernel density benchmark (issue 5): 1,000,000 points on a 1000 × 1000 grid of 10 m cells, quartic
 * kernel, bandwidth 10 cells (100 m); goal ≤ 500 ms on 2 cores. Prints one JSON line per variant:
 *   kde.1m.single  kernelDensity in this thread (plan + splat + finish)
 *   kde.1m.pool    runKdeOnPool over a 2-thread WorkerPool; `ms` is the median of 7 runs after 3 warm-up
 *                  runs (the threads start, and V8 optimises the splat loop in each, during the first
 *                  ones), and `coldMs` the very first run, thread start-up included (from source, as
 *                  here, each thread first loads the engine through tsx's TypeScript loader)
 * Points: 70 % in 40 Gaussian clusters, 30 % uniform, seeded (shared/util/random.ts).
 */
import { runCsrNullOnPool, runKdeOnPool } from '../electron/engine/analysis/kde-parallel.js';
import { WorkerPool } from '../electron/engine/jobs/worker-pool.js';
import { csrBound, csrBoundPValue, weightSums } from '../shared/analysis/hotspots/csr-bound.js';
import { csrMethod, DEFAULT_CSR_ITERATIONS } from '../shared/analysis/hotspots/csr-test.js';
import { kernelDensity } from '../shared/analysis/kde/kde.js';
import { Random } from '../shared/util/random.js';
import { measure, report } from './measure.js';

const N = 1_000_000;
const SIDE_M = 10_000;
const CELL_M = 10;
const BANDWIDTH_M = 100;
const GOAL_MS = 500;
const ORIGIN_X = 525_000;
const ORIGIN_Y = 175_000;

function points(seed: number): { x: Float64Array; y: Float64Array } {
  const random = new Random(seed);
  const centres = Array.from({ length: 40 }, () => [
    random.uniform(1000, SIDE_M - 1000),
    random.uniform(1000, SIDE_M - 1000),
  ]);
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    if (random.next() < 0.7) {
      const [cx, cy] = centres[random.int(0, centres.length - 1)];
      x[i] = Math.min(SIDE_M - 1e-6, Math.max(0, random.normal(cx, 250)));
      y[i] = Math.min(SIDE_M - 1e-6, Math.max(0, random.normal(cy, 250)));
    } else {
      x[i] = random.uniform(0, SIDE_M);
      y[i] = random.uniform(0, SIDE_M);
    }
    x[i] += ORIGIN_X;
    y[i] += ORIGIN_Y;
  }
  return { x, y };
}

const events = points(2024);
const options = {
  kernel: 'quartic' as const,
  cellSizeM: CELL_M,
  bandwidthM: BANDWIDTH_M,
  extent: { minX: ORIGIN_X, minY: ORIGIN_Y, maxX: ORIGIN_X + SIDE_M, maxY: ORIGIN_Y + SIDE_M },
};
const extra = {
  points: N,
  grid: '1000x1000',
  kernel: 'quartic',
  bandwidthCells: BANDWIDTH_M / CELL_M,
  goalMs: GOAL_MS,
};

/**
 * CPU time of the whole process (all threads) per run, beside the wall time: on a shared machine
 * the wall time includes waiting for a core, and cpuMs of the single-thread run is what it would
 * take on an idle core.
 */
function withCpu(fn: () => unknown | Promise<unknown>): { run: () => Promise<void>; cpuMs: number[] } {
  const cpuMs: number[] = [];
  return {
    cpuMs,
    run: async () => {
      const start = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(start);
      cpuMs.push(Math.round((used.user + used.system) / 100) / 10);
    },
  };
}

const WARMUP = 3;
const RUNS = 7;
const single = withCpu(() => kernelDensity(events, options));
const singleMs = await measure(single.run, RUNS, WARMUP);
report('kde.1m.single', singleMs, { ...extra, threads: 1, cpuMs: single.cpuMs.slice(WARMUP) });

const pool = new WorkerPool({ size: 2 });
try {
  const coldStart = performance.now();
  await runKdeOnPool(pool, events, options);
  const coldMs = Math.round(performance.now() - coldStart);
  const parallel = withCpu(() => runKdeOnPool(pool, events, options));
  const parallelMs = await measure(parallel.run, RUNS, WARMUP - 1);
  report('kde.1m.pool', parallelMs, {
    ...extra,
    threads: pool.size,
    coldMs,
    cpuMsAllThreads: parallel.cpuMs.slice(WARMUP - 1),
  });

  // The hotspots' significance test. For a million events 99 CSR simulations would pass the budget
  // (~0.3-0.6 s each on the pool), so the default test is the closed-form bound (csr-bound.ts):
  // `ms` is the bound's cost, `simulationMs` one simulated surface's, for comparison.
  const { surface } = await runKdeOnPool(pool, events, options);
  const { grid } = surface;
  const method = csrMethod(undefined, N, CELL_M, 'quartic', BANDWIDTH_M);
  const setup = {
    spec: {
      originX: grid.originX,
      originY: grid.originY,
      width: grid.width,
      height: grid.height,
      cellSizeM: CELL_M,
    },
    kernel: 'quartic' as const,
    bandwidthM: BANDWIDTH_M,
    count: N,
    seed: 1,
  };
  const simulationMs = await measure(() => runCsrNullOnPool(pool, setup, 2), 1, 0);
  const boundMs = await measure(
    () => {
      const bound = csrBound({
        kernel: 'quartic',
        bandwidthM: BANDWIDTH_M,
        studyAreaM2: surface.studyAreaM2,
        cells: grid.width * grid.height,
        ...weightSums(undefined, N),
      });
      return csrBoundPValue(3 * bound.meanPerKm2, bound);
    },
    RUNS,
    WARMUP,
  );
  report('kde.1m.csr-test', boundMs, {
    ...extra,
    goalMs: undefined,
    method,
    simulationMs: Math.round(simulationMs[0]! / 2),
    simulationsIfSimulated: DEFAULT_CSR_ITERATIONS,
  });
} finally {
  await pool.close();
}
