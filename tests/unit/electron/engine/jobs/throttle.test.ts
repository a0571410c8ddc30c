import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FORWARD_INTERVAL_MS,
  HEARTBEAT_MS,
  throttleProgress,
} from '../../../../../electron/engine/jobs/throttle.js';

describe('throttleProgress', () => {
  let nowMs = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    nowMs = 1000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('forwards the first report at once and then at most one per FORWARD_INTERVAL_MS', () => {
    const sent: [number, number, string | undefined][] = [];
    const throttled = throttleProgress(
      (d, t, m) => sent.push([d, t, m]),
      () => nowMs,
    );
    throttled.progress(0, 100, 'start');
    for (let i = 1; i <= 30; i++) {
      nowMs += 10;
      throttled.progress(i, 100);
    }
    throttled.stop();
    // 300 ms of reports every 10 ms: the first, then one each time FORWARD_INTERVAL_MS has passed.
    expect(sent[0]).toEqual([0, 100, 'start']);
    expect(sent.map(([done]) => done)).toEqual(
      Array.from({ length: 300 / FORWARD_INTERVAL_MS + 1 }, (_, k) => (k * FORWARD_INTERVAL_MS) / 10),
    );
  });

  it('re-sends the latest state as a heartbeat when reports stop, and stops with stop()', () => {
    const sent: number[] = [];
    const throttled = throttleProgress(
      (done) => sent.push(done),
      () => nowMs,
    );
    throttled.progress(7, 10);
    expect(sent).toEqual([7]);
    throttled.progress(8, 10); // remembered, not sent: too soon
    nowMs += HEARTBEAT_MS;
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(sent).toEqual([7, 8]);
    throttled.stop();
    nowMs += 10 * HEARTBEAT_MS;
    vi.advanceTimersByTime(10 * HEARTBEAT_MS);
    expect(sent).toEqual([7, 8]);
  });
});
