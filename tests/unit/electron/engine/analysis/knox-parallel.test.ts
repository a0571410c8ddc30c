import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKnoxOnPool } from '../../../../../electron/engine/analysis/knox-parallel.js';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import { ApiError } from '../../../../../shared/api/errors.js';
import { Random } from '../../../../../shared/util/random.js';

function events(n: number, seed: number) {
  const random = new Random(seed);
  return {
    x: Float64Array.from({ length: n }, () => 530_000 + random.uniform(0, 3000)),
    y: Float64Array.from({ length: n }, () => 180_000 + random.uniform(0, 3000)),
    day: Int32Array.from({ length: n }, () => 19_000 + random.int(0, 200)),
  };
}

let pool: WorkerPool;
beforeAll(() => {
  pool = new WorkerPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe('runKnoxOnPool', () => {
  const e = events(800, 3);
  const options = {
    distanceEdgesM: [0, 100, 250, Infinity],
    timeEdgesDays: [0, 7, 14, Infinity],
    iterations: 40,
    seed: 77,
  };
  const reference = knoxTest(e, options);

  it('equals the single-threaded knoxTest for 1, 2, 3 and 7 chunks, and reports progress to the end', async () => {
    for (const chunks of [1, 2, 3, 7]) {
      const seen: [number, number][] = [];
      const result = await runKnoxOnPool(pool, e, options, {
        chunks,
        onProgress: (done, total) => seen.push([done, total]),
      });
      expect(Array.from(result.observed), `observed, ${chunks} chunks`).toEqual(
        Array.from(reference.observed),
      );
      expect(Array.from(result.expectedMean), `mean, ${chunks} chunks`).toEqual(
        Array.from(reference.expectedMean),
      );
      expect(Array.from(result.expectedMedian)).toEqual(Array.from(reference.expectedMedian));
      expect(Array.from(result.pValue)).toEqual(Array.from(reference.pValue));
      expect(result.seed).toBe(77);
      expect(seen.at(-1)).toEqual([40, 40]);
    }
  });

  it('with an early stop allowed, stops where the single-threaded knoxTest stops, whatever the chunks', async () => {
    const allowed = { ...options, iterations: 999, earlyStopExceedances: 5 };
    const single = knoxTest(e, allowed);
    expect(single.iterationsUsed).toBeLessThan(999);
    for (const chunks of [1, 3]) {
      const result = await runKnoxOnPool(pool, e, allowed, { chunks });
      expect(result.iterationsUsed, `${chunks} chunks`).toBe(single.iterationsUsed);
      expect(Array.from(result.pValue)).toEqual(Array.from(single.pValue));
      expect(Array.from(result.expectedMean)).toEqual(Array.from(single.expectedMean));
    }
  });

  it('rejects with ApiError cancelled when the signal is aborted, stops its threads, and the pool stays usable', async () => {
    const big = events(5000, 4);
    const controller = new AbortController();
    let aborted = false;
    const run = runKnoxOnPool(
      pool,
      big,
      { distanceEdgesM: [0, 400, Infinity], timeEdgesDays: [0, 7, Infinity], iterations: 100_000, seed: 1 },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done > 0 && !aborted) {
            aborted = true;
            controller.abort();
          }
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    await expect(run).rejects.toBeInstanceOf(ApiError);
    // Cancel terminates the threads rather than waiting for 100 000 iterations: none is left running
    // (how fast is measured by bench/jobs.bench.ts, not asserted here).
    await pool.stopped();
    expect(pool.stats().running).toBe(0);
    const after = await runKnoxOnPool(pool, e, options);
    expect(Array.from(after.pValue)).toEqual(Array.from(reference.pValue));
  });

  it('refuses bad options before any work', async () => {
    await expect(runKnoxOnPool(pool, e, { ...options, iterations: 0 })).rejects.toThrow(/iterations must be/);
  });
});
