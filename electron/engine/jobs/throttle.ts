/**
 * Worker-side throttling of a job's ProgressFn. Handlers may report millions of times (once per
 * loop iteration); the pool needs a message at least every 250 ms (DESIGN.md §3) and no more than
 * one per FORWARD_INTERVAL_MS. A report is forwarded when FORWARD_INTERVAL_MS has passed since the
 * last one; otherwise it is remembered. A heartbeat re-sends the latest state when nothing went out
 * for HEARTBEAT_MS, which covers handlers that await I/O between rare reports (a blocked event loop
 * cannot run timers, which is why the first rule, not the heartbeat, serves tight loops).
 */
import type { ProgressFn } from '../../../shared/jobs/progress.js';

// 50 ms leaves headroom under the 250 ms promise for a thread the OS does not schedule for a while.
export const FORWARD_INTERVAL_MS = 50;
export const HEARTBEAT_MS = 150;

export interface ThrottledProgress {
  progress: ProgressFn;
  stop(): void;
}

export function throttleProgress(
  forward: ProgressFn,
  now: () => number = () => performance.now(),
): ThrottledProgress {
  let done = 0;
  let total = 0;
  let message: string | undefined;
  let lastSentMs = Number.NEGATIVE_INFINITY;
  const send = () => {
    lastSentMs = now();
    forward(done, total, message);
  };
  const heartbeat = setInterval(() => {
    if (now() - lastSentMs >= HEARTBEAT_MS) send();
  }, HEARTBEAT_MS / 2);
  return {
    progress: (nextDone, nextTotal, nextMessage) => {
      done = nextDone;
      total = nextTotal;
      message = nextMessage;
      if (now() - lastSentMs >= FORWARD_INTERVAL_MS) send();
    },
    stop: () => clearInterval(heartbeat),
  };
}
