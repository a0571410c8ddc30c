import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kdeOnPool } from '../../../../../electron/engine/analysis/kde-on-pool.js';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import { Random } from '../../../../../shared/util/random.js';

let pool: WorkerPool;
beforeAll(() => {
  pool = new WorkerPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

function events(n: number) {
  const random = new Random(5);
  return {
    x: Float64Array.from({ length: n }, () => 400_000 + random.uniform(0, 1000)),
    y: Float64Array.from({ length: n }, () => 300_000 + random.uniform(0, 1000)),
  };
}

describe('kdeOnPool', () => {
  it('passes on the start of the hotspot phase, and Cancel then stops it: the run rejects cancelled', async () => {
    const controller = new AbortController();
    const messages: string[] = [];
    const run = kdeOnPool(
      pool,
      {
        events: events(3000),
        weighted: false,
        // A 2 m grid: 550 × 550 cells of contours and statistics.
        options: { cellSizeM: 2, bandwidthM: 50 },
        hotspots: { thresholds: { method: 'mean-multiple', multiples: [1, 2, 3] } },
        iterations: 0,
        seed: 1,
      },
      {
        signal: controller.signal,
        onProgress: (_done, _total, message) => {
          if (message) messages.push(message);
          if (message === 'Drawing hotspot contours') controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(messages).toContain('Drawing hotspots');
    expect(messages.at(-1)).toBe('Drawing hotspot contours');
    await pool.stopped();
    expect(pool.stats().running).toBe(0);
  });
});
