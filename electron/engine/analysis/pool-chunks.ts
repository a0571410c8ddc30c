/**
 * Cutting a run into worker-pool jobs: contiguous ranges of near-equal size, one per thread (as
 * knox-parallel.ts cuts its Monte Carlo iterations), and the inputs placed once in
 * SharedArrayBuffers so that every thread reads the same copy (knox-parallel.ts, kde-parallel.ts).
 */

/** [0, total) cut into `count` contiguous ranges of near-equal size (empty ranges dropped). */
export function chunkRanges(total: number, count: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const from = Math.floor((k * total) / count);
    const to = Math.floor(((k + 1) * total) / count);
    if (to > from) ranges.push([from, to]);
  }
  return ranges;
}

export type SharableArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A copy of `array` backed by a SharedArrayBuffer (posted to threads without copying). */
export function shareArray<T extends SharableArray>(array: T): T {
  const Type = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Type(new SharedArrayBuffer(array.byteLength));
  (copy as SharableArray).set(array as never);
  return copy;
}

/** `array` itself when it is already backed by a SharedArrayBuffer, else a shared copy. */
export function asShared<T extends SharableArray>(array: T): T {
  return array.buffer instanceof SharedArrayBuffer ? array : shareArray(array);
}
