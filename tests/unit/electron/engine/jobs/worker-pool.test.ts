import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import { ApiError } from '../../../../../shared/api/errors.js';

/** Deterministic keys (an LCG), so a failure reproduces. */
function randomKeys(n: number, seed = 12345): Float64Array {
  const keys = new Float64Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    keys[i] = state / 2 ** 32;
  }
  return keys;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the job to reject');
}

let pool: WorkerPool;
let dir: string;
beforeAll(async () => {
  pool = new WorkerPool({ size: 2 });
  dir = mkdtempSync(join(tmpdir(), 'hsw-pool-'));
  // Start both threads before any timing test, so thread start-up (tsx compiles on first load) is not timed.
  await Promise.all([
    pool.run('sortOrder', { keys: randomKeys(10) }),
    pool.run('sortOrder', { keys: randomKeys(10) }),
  ]);
});
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WorkerPool.run', () => {
  it('returns the typed result of a job: a stable sort order that matches a brute-force sort', async () => {
    const keys = new Float64Array([3, 1, 2, 1, 0.5, 3]);
    const { order } = await pool.run('sortOrder', { keys });
    expect(order).toBeInstanceOf(Uint32Array);
    expect([...order]).toEqual([4, 1, 3, 2, 0, 5]);
  });

  it('hashes a file in a worker (SHA-256 of "abc" is the FIPS 180-2 test vector)', async () => {
    const path = join(dir, 'abc.txt');
    writeFileSync(path, 'abc');
    expect(await pool.run('hashFile', { path })).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      bytes: 3,
    });
  });

  // The cadence (an event at least every 250 ms) and the cancel latency are timings: they are measured
  // by bench/jobs.bench.ts, not asserted here, so a loaded machine cannot fail these tests.
  it('forwards progress from inside a tight loop, counting up to a fixed total', async () => {
    const reports: [number, number][] = [];
    const result = await pool.run(
      'sortOrder',
      { keys: randomKeys(3_000_000) },
      { onProgress: (done, total) => reports.push([done, total]) },
    );
    expect(result.order.length).toBe(3_000_000);
    // Reports come from inside the loop (some before the end) and count up towards a fixed total
    // (22 passes of 3,000,000 moves).
    const total = 22 * 3_000_000;
    expect(reports.some(([done]) => done > 0 && done < total)).toBe(true);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.map(([done]) => done)).toEqual([...reports.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('cancels a job inside a tight loop: the call rejects, the thread exits and is replaced', async () => {
    const controller = new AbortController();
    let inLoop: () => void = () => {};
    const firstProgress = new Promise<void>((resolve) => {
      inLoop = resolve;
    });
    const job = pool.run(
      'sortOrder',
      { keys: randomKeys(4_000_000) },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done > 0) inLoop();
        },
      },
    );
    await firstProgress;
    controller.abort();
    const error = await rejection(job);
    await pool.stopped();
    expect(error.code).toBe('cancelled');
    expect(error.name).toBe('AbortError');
    // The thread itself has exited, not just the promise: the loop was really stopped.
    expect(pool.stats().running).toBe(0);
    const { order } = await pool.run('sortOrder', { keys: new Float64Array([2, 1]) });
    expect([...order]).toEqual([1, 0]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const error = await rejection(
      pool.run('sortOrder', { keys: randomKeys(5) }, { signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('cancelled');
  });

  it('carries a thrown RangeError back with its message as invalid-argument', async () => {
    const error = await rejection(pool.run('sortOrder', { keys: new Float64Array([1, 2, Number.NaN]) }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe('keys[2] is NaN; every key must be a number');
  });

  it('carries a thrown ApiError back with its code and message', async () => {
    const path = join(dir, 'missing.csv');
    const error = await rejection(pool.run('hashFile', { path }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(`File not found: ${path}`);
  });

  it('prestart starts an idle thread for a kind, which the next job of that kind then uses', async () => {
    const fresh = new WorkerPool({ size: 1 });
    try {
      fresh.prestart('hashFile');
      fresh.prestart('hashFile');
      expect(fresh.stats()).toMatchObject({ threads: 1, running: 0, queued: 0 });
      const path = join(dir, 'prestart.txt');
      writeFileSync(path, 'abc');
      await expect(fresh.run('hashFile', { path })).resolves.toMatchObject({ bytes: 3 });
      expect(fresh.stats().threads).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('runs at most `size` jobs at once and queues the rest in order', async () => {
    const small = new WorkerPool({ size: 2 });
    try {
      let maxRunning = 0;
      const started: number[] = [];
      const finished: number[] = [];
      const jobs = [0, 1, 2, 3].map((i) =>
        small
          .run(
            'sortOrder',
            { keys: randomKeys(300_000, i + 1) },
            {
              onStart: () => {
                maxRunning = Math.max(maxRunning, small.stats().running);
                started.push(i);
              },
            },
          )
          .then(() => {
            finished.push(i);
          }),
      );
      expect(small.stats()).toMatchObject({ size: 2, running: 2, queued: 2 });
      await Promise.all(jobs);
      expect(maxRunning).toBe(2);
      expect(started).toEqual([0, 1, 2, 3]);
      expect(finished).toHaveLength(4);
      expect(small.stats().threads).toBeLessThanOrEqual(2);
    } finally {
      await small.close();
    }
  });

  it('dequeues a waiting job when its signal aborts, without touching the running one', async () => {
    const single = new WorkerPool({ size: 1 });
    try {
      const controller = new AbortController();
      const first = single.run('sortOrder', { keys: randomKeys(200_000) });
      const second = single.run('sortOrder', { keys: randomKeys(10) }, { signal: controller.signal });
      expect(single.stats().queued).toBe(1);
      controller.abort();
      expect((await rejection(second)).code).toBe('cancelled');
      expect(single.stats().queued).toBe(0);
      expect((await first).order.length).toBe(200_000);
    } finally {
      await single.close();
    }
  });

  it('transfers listed buffers (detached on the sending side) and returns typed arrays intact', async () => {
    const keys = randomKeys(100_000);
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    const job = pool.run('sortOrder', { keys }, { transfer: [keys.buffer] });
    expect(keys.byteLength).toBe(0);
    expect(keys.buffer.byteLength).toBe(0);
    const { order } = await job;
    expect(order.buffer.byteLength).toBe(4 * 100_000);
    expect([...order]).toEqual(expected);
  });

  it('copies parameters that are not listed for transfer', async () => {
    const keys = randomKeys(1000);
    await pool.run('sortOrder', { keys });
    expect(keys.length).toBe(1000);
  });

  it('rejects waiting jobs as cancelled when closed', async () => {
    const closing = new WorkerPool({ size: 1 });
    const running = closing.run('sortOrder', { keys: randomKeys(500_000) });
    const waiting = closing.run('sortOrder', { keys: randomKeys(10) });
    // Handlers go on before close() rejects the two jobs, so no rejection is ever unhandled.
    const runningError = rejection(running);
    const waitingError = rejection(waiting);
    await closing.close();
    expect((await runningError).code).toBe('cancelled');
    expect((await waitingError).code).toBe('cancelled');
    expect((await rejection(closing.run('sortOrder', { keys: randomKeys(1) }))).code).toBe('failed');
  });

  it("swaps a free thread for one with the job kind's heap limits, never exceeding the pool size", async () => {
    const single = new WorkerPool({ size: 1 });
    try {
      const keys = randomKeys(50);
      expect((await single.run('sortOrder', { keys })).order.length).toBe(50);
      const threadBefore = single.stats().threads;
      // An import (JOB_RESOURCE_LIMITS: larger young generation) of a project that does not exist fails
      // inside its own thread, which replaced the default-limits one.
      const missing = join(dir, 'no-such-project.hsw');
      const error = await rejection(
        single.run('import', {
          projectPath: missing,
          projectCrs: 'EPSG:27700',
          filePath: missing,
          dataset: 'd',
          mapping: {} as never,
          pii: [],
        }),
      );
      expect(error.message).toMatch(/no-such-project|does not exist|unable to open/i);
      expect((await single.run('sortOrder', { keys })).order.length).toBe(50);
      expect(threadBefore).toBe(1);
      expect(single.stats()).toMatchObject({ threads: 1, running: 0, queued: 0 });
    } finally {
      await single.close();
    }
  });

  it('refuses a pool size below 1', () => {
    expect(() => new WorkerPool({ size: 0 })).toThrow('pool size must be an integer >= 1, got 0');
  });
});
