/**
 * Progress reporting for long work. Pure analyses call `progress(done, total)` as they go; the worker
 * throttles what it forwards (DESIGN.md §3: an event at least every 250 ms). Cancellation is the
 * runner's business (it terminates the worker), so analyses need no cancel checks of their own.
 */
export type ProgressFn = (done: number, total: number, message?: string) => void;

export const noProgress: ProgressFn = () => {};
