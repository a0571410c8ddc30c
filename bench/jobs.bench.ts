/**
 * Job responsiveness (DESIGN.md §3: progress at least every 250 ms, cancel within 250 ms), measured
 * here rather than asserted in the unit tests, so a loaded CI machine cannot fail a test on time:
 *   jobs.progress-gap   the longest gap between progress events of a worker job in a tight loop
 *                       (3 M-key sort), from its start to its end
 *   jobs.cancel         from abort() to the rejected call and to the thread's exit, inside the loop
 */
import { WorkerPool } from '../electron/engine/jobs/worker-pool.js';
import { report } from './measure.js';

function keys(n: number): Float64Array {
  return new Float64Array(n).map((_, i) => ((i * 2654435761) % 1000003) / 1000003);
}

const pool = new WorkerPool({ size: 1 });
try {
  await pool.run('sortOrder', { keys: keys(4) });
  const gaps: number[] = [];
  for (let run = 0; run < 3; run++) {
    const stamps: number[] = [];
    await pool.run(
      'sortOrder',
      { keys: keys(3_000_000) },
      { onStart: () => stamps.push(performance.now()), onProgress: () => stamps.push(performance.now()) },
    );
    stamps.push(performance.now());
    gaps.push(Math.max(...stamps.slice(1).map((t, i) => t - stamps[i]!)));
  }
  report('jobs.progress-gap', gaps, { goalMs: 250 });

  const rejected: number[] = [];
  const exited: number[] = [];
  for (let run = 0; run < 3; run++) {
    const controller = new AbortController();
    let inLoop: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      inLoop = resolve;
    });
    const job = pool.run(
      'sortOrder',
      { keys: keys(4_000_000) },
      { signal: controller.signal, onProgress: (done) => done > 0 && inLoop() },
    );
    await started;
    const t0 = performance.now();
    controller.abort();
    await job.catch(() => {});
    rejected.push(performance.now() - t0);
    await pool.stopped();
    exited.push(performance.now() - t0);
  }
  report('jobs.cancel', rejected, { goalMs: 250, threadExitMs: exited.map((t) => Math.round(t * 10) / 10) });
} finally {
  await pool.close();
}
