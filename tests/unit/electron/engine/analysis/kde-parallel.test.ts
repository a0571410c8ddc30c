import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKdeOnPool } from '../../../../../electron/engine/analysis/kde-parallel.js';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { ApiError } from '../../../../../shared/api/errors.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

function events(n: number, seed: number) {
  const random = new Random(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = random.normal(530_000, 900);
    y[i] = random.normal(180_000, 600);
    weight[i] = random.int(1, 3);
  }
  return { x, y, weight };
}

let pool: WorkerPool;
beforeAll(async () => {
  pool = new WorkerPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe('runKdeOnPool', () => {
  it('equals the single-threaded kernelDensity exactly, split into 3 row bands on 2 threads, and reports progress', async () => {
    const e = events(5000, 4);
    const options = { cellSizeM: 40, bandwidthM: 220, kernel: 'epanechnikov' as const };
    const reference = kernelDensity(e, options);
    const seen: [number, number][] = [];
    const { surface, use } = await runKdeOnPool(pool, e, options, {
      chunks: 3,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(use).toBeUndefined();
    expect([surface.grid.width, surface.grid.height]).toEqual([reference.grid.width, reference.grid.height]);
    // Each cell is summed by one thread over the events in the same order: bit for bit the same.
    let differing = 0;
    for (let i = 0; i < reference.grid.values.length; i++) {
      if (!Object.is(surface.grid.values[i], reference.grid.values[i])) differing++;
    }
    expect(differing).toBe(0);
    expect(surface.params).toEqual(reference.params);
    expect(seen.at(-1)).toEqual([3 * 5000, 3 * 5000]);
    expect(seen.every(([done, total], k) => done <= total && (k === 0 || done >= seen[k - 1]![0]))).toBe(
      true,
    );
  });

  it('shares columns that already live in SharedArrayBuffers without copying them', async () => {
    const e = events(3000, 6);
    const x = new Float64Array(new SharedArrayBuffer(e.x.byteLength));
    const y = new Float64Array(new SharedArrayBuffer(e.y.byteLength));
    x.set(e.x);
    y.set(e.y);
    const options = { cellSizeM: 50, bandwidthM: 200 };
    const reference = kernelDensity({ x: e.x, y: e.y }, options);
    const { surface } = await runKdeOnPool(pool, { x, y }, options);
    expect(Array.from(surface.grid.values)).toEqual(Array.from(reference.grid.values));
  });

  it('returns the use mask when events outside the extent are left out', async () => {
    const e = events(2000, 5);
    const extent = { minX: 529_500, minY: 179_500, maxX: 530_500, maxY: 180_500 };
    const options = { cellSizeM: 25, bandwidthM: 100, extent, excludeOutside: true };
    const reference = kernelDensity(e, options);
    const { surface, use } = await runKdeOnPool(pool, e, options);
    expect(use?.reduce((a, b) => a + b, 0)).toBe(reference.counts.used);
    expect(surface.counts).toEqual(reference.counts);
    for (let i = 0; i < reference.grid.values.length; i++) {
      expectClose(surface.grid.values[i], reference.grid.values[i], 1e-12);
    }
  });

  it('turns a guard rail into ApiError refused with its message', async () => {
    const e = events(100, 6);
    const error = await runKdeOnPool(pool, e, { bandwidthM: 50, cellSizeM: 0.1 }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('refused');
    expect((error as ApiError).message).toMatch(/more than 25,000,000/);
  });

  it('rejects with cancelled when aborted mid-run (at its first progress report)', async () => {
    const e = events(300_000, 7);
    const controller = new AbortController();
    const run = runKdeOnPool(
      pool,
      e,
      { cellSizeM: 5, bandwidthM: 300 },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    const error = await run.catch((err: unknown) => err);
    expect((error as ApiError).code).toBe('cancelled');
  });
});
