import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobManager, PROGRESS_EVENT_MS } from '../../../../../electron/engine/jobs/job-manager.js';
import { WorkerPool } from '../../../../../electron/engine/jobs/worker-pool.js';
import type { ApiEvent, JobStatus } from '../../../../../shared/api/jobs.js';

function keys(n: number): Float64Array {
  return new Float64Array(n).map((_, i) => (i * 2654435761) % 1000003);
}

interface Recorder {
  states: () => JobStatus[];
  /** Resolves at the first event whose job has made progress (no polling, no timer). */
  progressed: Promise<void>;
  stop: () => void;
}

function recorder(manager: JobManager, jobId: string): Recorder {
  const seen: JobStatus[] = [];
  let onProgress: () => void = () => {};
  const progressed = new Promise<void>((resolve) => {
    onProgress = resolve;
  });
  const stop = manager.onEvent((event: ApiEvent) => {
    if (event.type !== 'job' || event.job.id !== jobId) return;
    seen.push(event.job);
    if (event.job.done > 0) onProgress();
  });
  return { states: () => seen, progressed, stop };
}

let manager: JobManager;
beforeAll(async () => {
  manager = new JobManager(new WorkerPool({ size: 1 }));
  await manager.pool.run('sortOrder', { keys: keys(4) }); // start the thread before timing anything
});
afterAll(() => manager.close());

describe('JobManager.run', () => {
  it('announces queued, running, progress and done, and returns the worker result', async () => {
    const events = recorder(manager, 'sort-job-1');
    const { order } = await manager.run(
      'sort-job-1',
      'sortOrder',
      { keys: keys(1_000_000) },
      { label: 'Sort events' },
    );
    events.stop();
    expect(order.length).toBe(1_000_000);
    const states = events.states();
    expect(states[0]).toMatchObject({
      id: 'sort-job-1',
      kind: 'sortOrder',
      label: 'Sort events',
      state: 'queued',
    });
    expect(states[1]).toMatchObject({ state: 'running' });
    expect(states.some((s) => s.state === 'running' && s.done > 0)).toBe(true);
    const last = states.at(-1)!;
    expect(last).toMatchObject({ state: 'done', total: 20 * 1_000_000, done: 20 * 1_000_000 });
    expect(manager.list()[0]).toMatchObject({ id: 'sort-job-1', state: 'done' });
    expect(manager.activeCount()).toBe(0);
  });

  it('refuses a second live job with the same id', async () => {
    const first = manager.run('dup-job-01', 'sortOrder', { keys: keys(300_000) }, { label: 'a' });
    await expect(
      manager.run('dup-job-01', 'sortOrder', { keys: keys(5) }, { label: 'b' }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'A job with id dup-job-01 is already running; job ids must be unique',
    });
    await first;
    // Once finished, the id may be used again, and the list shows it once.
    await manager.run('dup-job-01', 'sortOrder', { keys: keys(5) }, { label: 'c' });
    expect(manager.list().filter((s) => s.id === 'dup-job-01')).toEqual([
      expect.objectContaining({ label: 'c' }),
    ]);
  });

  it('cancels a running worker job: the call rejects with cancelled and the last event says cancelled', async () => {
    const events = recorder(manager, 'cancel-job-1');
    const job = manager.run('cancel-job-1', 'sortOrder', { keys: keys(4_000_000) }, { label: 'Long sort' });
    await events.progressed;
    expect(manager.cancel('cancel-job-1')).toBe(true);
    await expect(job).rejects.toMatchObject({ code: 'cancelled', name: 'AbortError' });
    events.stop();
    expect(events.states().at(-1)).toMatchObject({ state: 'cancelled' });
    expect(manager.cancel('cancel-job-1')).toBe(false);
    expect(manager.cancel('never-existed')).toBe(false);
  });

  it('reports a worker error as failed with its message', async () => {
    const events = recorder(manager, 'fail-job-01');
    await expect(
      manager.run(
        'fail-job-01',
        'sortOrder',
        { keys: new Float64Array([Number.NaN]) },
        { label: 'Bad keys' },
      ),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'keys[0] is NaN; every key must be a number',
    });
    events.stop();
    expect(events.states().at(-1)).toMatchObject({
      state: 'failed',
      error: 'keys[0] is NaN; every key must be a number',
    });
  });
});

describe('JobManager.track', () => {
  it('throttles progress events from main-thread work and always sends the final state', async () => {
    const events = recorder(manager, 'track-job-1');
    const result = await manager.track('track-job-1', 'import', 'Import crimes.csv', async (progress) => {
      for (let i = 1; i <= 1000; i++) progress(i, 1000, 'Reading rows');
      await new Promise((r) => setTimeout(r, PROGRESS_EVENT_MS * 2));
      return 'imported';
    });
    events.stop();
    expect(result).toBe('imported');
    const states = events.states();
    // running (start), the first progress, the last progress after the interval, done.
    expect(states.length).toBeLessThanOrEqual(4);
    expect(states.some((s) => s.state === 'running' && s.done === 1000 && s.message === 'Reading rows')).toBe(
      true,
    );
    expect(states.at(-1)).toMatchObject({ state: 'done', done: 1000, total: 1000 });
  });

  it('hands the signal on: cancel stops pool sub-jobs and the call rejects with cancelled', async () => {
    const events = recorder(manager, 'track-job-2');
    let subJobError: unknown = null;
    const job = manager.track('track-job-2', 'knox', 'Knox test', async (progress, signal) => {
      try {
        return await manager.pool.run(
          'sortOrder',
          { keys: keys(4_000_000) },
          { signal, onProgress: progress },
        );
      } catch (error) {
        subJobError = error;
        throw error;
      }
    });
    await events.progressed;
    manager.cancel('track-job-2');
    await expect(job).rejects.toMatchObject({ code: 'cancelled' });
    expect(subJobError).toMatchObject({ code: 'cancelled' });
    events.stop();
    expect(events.states().at(-1)).toMatchObject({ state: 'cancelled' });
  });

  it('reports a thrown error as failed and rethrows it', async () => {
    await expect(
      manager.track('track-job-3', 'import', 'Import', async () => {
        throw new Error('Column "Date" not found');
      }),
    ).rejects.toThrow('Column "Date" not found');
    expect(manager.list().find((s) => s.id === 'track-job-3')).toMatchObject({
      state: 'failed',
      error: 'Column "Date" not found',
    });
  });

  it('keeps delivering events to other listeners when one throws', async () => {
    const bad = manager.onEvent(() => {
      throw new Error('window closed');
    });
    const events = recorder(manager, 'track-job-4');
    await manager.track('track-job-4', 'x', 'x', async () => 1);
    bad();
    events.stop();
    expect(events.states().map((s) => s.state)).toEqual(['running', 'done']);
  });
});
