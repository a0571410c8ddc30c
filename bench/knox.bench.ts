/**
 * Knox benchmarks on real data (issue 5, DESIGN.md §6): Chicago burglaries 2014–2017
 * (../shared/data/chicago_burglary_2014_2017.csv, x/y metres, dd/mm/yyyy).
 *
 *   knox.chicago-2014.*     12,334 events of 2014, one band 200 m × 7 days (edges 0, 200, ∞ and
 *                           0, 7, ∞; Euclidean), 99 iterations. Goal ≤ 200 ms. Published figures for
 *                           the same run: about 4 s in a Python implementation and about 510 s in
 *                           the Near Repeat Calculator.
 *   knox.chicago-all-nrc.*  all 45,319 events, NRC preset 100 m × 3 bands, 7 days × 3 bands
 *                           (Manhattan), 999 iterations. Goal ≤ 5 s.
 *   knox.sample-wide.pool-2 the sample town's police crimes (resources/sample/police_crimes.csv,
 *                           8,905 events, ~6.2 M pairs within 800 m), edges 0, 200, …, 800 m ×
 *                           0, 7, …, 28 days, 999 iterations (issue 15 item 4; goal ≤ 5 s for the
 *                           whole `hotspot knox` process), with CPU ns per pair per permutation.
 *   knox.sample-wide.kernel the same plan's Monte Carlo pass alone (simulateKnoxTables, 64
 *                           iterations, one thread, plan built before timing): CPU ns per pair per
 *                           permutation of the counting kernel, steadier than wall time under load.
 *
 * Each in one thread (knoxTest) and over a 2-thread worker pool (runKnoxOnPool, threads started
 * before timing). Times exclude reading the CSV (reported separately). Each run is repeated at most
 * twice: the machine has two shared cores. `cpuMsPerRun` (CPU time of all threads) shows the work
 * done even when other processes crowd the cores and stretch the wall time.
 */

import { readEventCsv } from '../electron/engine/analysis/event-csv.js';
import { runKnoxOnPool } from '../electron/engine/analysis/knox-parallel.js';
import { WorkerPool } from '../electron/engine/jobs/worker-pool.js';
import { knoxTest, planKnox, resolveKnoxOptions } from '../shared/analysis/knox/knox-test.js';
import { nrcPreset } from '../shared/analysis/knox/nrc-preset.js';
import { simulateKnoxTables } from '../shared/analysis/knox/simulate.js';
import type { EventColumns } from '../shared/model/records.js';
import { dayOf, wallClockMs } from '../shared/model/time.js';
import { measure, report } from './measure.js';

const CSV = new URL('../../shared/data/chicago_burglary_2014_2017.csv', import.meta.url);
const SAMPLE_CSV = new URL('../resources/sample/police_crimes.csv', import.meta.url);
const PUBLISHED = { pythonMs: 4000, nearRepeatCalculatorMs: 510_000 };

const readStart = performance.now();
const all = await readEventCsv(CSV.pathname, {
  x: 'x',
  y: 'y',
  date: 'date_single',
  dateFormat: 'dd/mm/yyyy',
});
report('knox.read-csv', [performance.now() - readStart], { rows: all.rows, rejected: all.rejected });

const of2014 = selectDays(all.events, dayOf(wallClockMs(2014, 1, 1)), dayOf(wallClockMs(2015, 1, 1)));
const single = {
  distanceEdgesM: [0, 200, Infinity],
  timeEdgesDays: [0, 7, Infinity],
  iterations: 99,
  seed: 1,
};
const preset = nrcPreset({ bandwidthM: 100, distanceBands: 3, timeBandDays: 7, timeBands: 3 });
const nrc = { ...preset, iterations: 999, seed: 1 };

let ratio = 0;
const t2014 = await timed(
  () => {
    ratio = knoxTest(of2014, single).knoxRatio[0];
  },
  2,
  1,
);
report('knox.chicago-2014.single-thread', t2014.wallMs, {
  cpuMsPerRun: t2014.cpuMsPerRun,
  events: of2014.x.length,
  iterations: 99,
  goalMs: 200,
  knoxRatio200m7d: round(ratio),
  ...PUBLISHED,
});

const pool = new WorkerPool({ size: 2 });
try {
  // Start the two threads before timing.
  await runKnoxOnPool(pool, of2014, { ...single, iterations: 2 });
  const p2014 = await timed(() => runKnoxOnPool(pool, of2014, single), 2, 0);
  report('knox.chicago-2014.pool-2', p2014.wallMs, {
    cpuMsPerRun: p2014.cpuMsPerRun,
    events: of2014.x.length,
    iterations: 99,
    goalMs: 200,
    ...PUBLISHED,
  });

  let closePairs = 0;
  const tAll = await timed(
    () => {
      closePairs = knoxTest(all.events, nrc).closePairs;
    },
    1,
    0,
  );
  report('knox.chicago-all-nrc.single-thread', tAll.wallMs, {
    cpuMsPerRun: tAll.cpuMsPerRun,
    events: all.events.x.length,
    iterations: 999,
    closePairs,
    goalMs: 5000,
  });
  const pAll = await timed(() => runKnoxOnPool(pool, all.events, nrc), 2, 0);
  report('knox.chicago-all-nrc.pool-2', pAll.wallMs, {
    cpuMsPerRun: pAll.cpuMsPerRun,
    events: all.events.x.length,
    iterations: 999,
    goalMs: 5000,
  });

  const sample = await readEventCsv(SAMPLE_CSV.pathname, {
    x: 'Easting',
    y: 'Northing',
    date: 'Committed From',
    dateFormat: 'dd/mm/yyyy',
  });
  const wide = {
    distanceEdgesM: [0, 200, 400, 600, 800],
    timeEdgesDays: [0, 7, 14, 21, 28],
    iterations: 999,
    seed: 1,
  };
  let widePairs = 0;
  const pWide = await timed(
    async () => {
      widePairs = (await runKnoxOnPool(pool, sample.events, wide)).closePairs;
    },
    1,
    0,
  );
  report('knox.sample-wide.pool-2', pWide.wallMs, {
    cpuMsPerRun: pWide.cpuMsPerRun,
    events: sample.events.x.length,
    closePairs: widePairs,
    iterations: 999,
    cpuNsPerPairPerPermutation: round((pWide.cpuMsPerRun * 1e6) / (widePairs * 999)),
    goalMs: 5000,
  });

  const kernelIterations = 64;
  const widePlan = planKnox(sample.events, resolveKnoxOptions(wide));
  const tKernel = await timed(
    () => simulateKnoxTables(widePlan, sample.events.day, 1, 0, kernelIterations),
    2,
    1,
  );
  report('knox.sample-wide.kernel', tKernel.wallMs, {
    cpuMsPerRun: tKernel.cpuMsPerRun,
    closePairs: widePlan.pairs.length,
    iterations: kernelIterations,
    cpuNsPerPairPerPermutation: round(
      (tKernel.cpuMsPerRun * 1e6) / (widePlan.pairs.length * kernelIterations),
    ),
  });
} finally {
  await pool.close();
}

/** Wall times of `runs` runs, and the process's CPU time per run (all threads), which shows through a busy machine. */
async function timed(
  fn: () => unknown,
  runs: number,
  warmup: number,
): Promise<{ wallMs: number[]; cpuMsPerRun: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const before = process.cpuUsage();
  const wallMs = await measure(fn, runs, 0);
  const used = process.cpuUsage(before);
  return { wallMs, cpuMsPerRun: Math.round((used.user + used.system) / 1000 / runs) };
}

function selectDays(events: EventColumns, fromDay: number, toDay: number): EventColumns {
  const keep: number[] = [];
  for (let i = 0; i < events.day.length; i++)
    if (events.day[i] >= fromDay && events.day[i] < toDay) keep.push(i);
  return {
    x: Float64Array.from(keep, (i) => events.x[i]),
    y: Float64Array.from(keep, (i) => events.y[i]),
    day: Int32Array.from(keep, (i) => events.day[i]),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
