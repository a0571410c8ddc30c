/**
 * Stable ascending sort order of Float64 keys: `order[i]` is the index of the i-th smallest key, ties
 * in index order. Events sorted by day let near-repeat and Knox counting sweep a time window instead
 * of testing all n² pairs.
 *
 * Bottom-up merge sort on a Uint32Array of indices: ⌈log2 n⌉ passes of n moves each, O(n log n) time,
 * 2n indices of memory, no comparator callbacks (Array.prototype.sort with a closure is ~5× slower).
 * Progress counts element moves (n per pass). NaN has no place in an order, so it is refused up front.
 */
import type { ProgressFn } from '../../../../shared/jobs/progress.js';
import type { SortOrderParams, SortOrderResult } from '../jobs.js';

const PROGRESS_EVERY = 1 << 16;

export function sortOrder({ keys }: SortOrderParams, progress: ProgressFn): SortOrderResult {
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(keys[i])) throw new RangeError(`keys[${i}] is NaN; every key must be a number`);
  }
  let from = new Uint32Array(n);
  let to = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const passes = n > 1 ? Math.ceil(Math.log2(n)) : 0;
  const total = passes * n;
  let moved = 0;
  progress(0, total, 'Sorting');
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        // `<=` takes from the left run on ties, which keeps the sort stable.
        if (a < mid && (b >= hi || keys[from[a]!]! <= keys[from[b]!]!)) to[k] = from[a++]!;
        else to[k] = from[b++]!;
        if (++moved % PROGRESS_EVERY === 0) progress(moved, total, 'Sorting');
      }
    }
    [from, to] = [to, from];
  }
  progress(total, total, 'Sorting');
  return { order: from };
}
