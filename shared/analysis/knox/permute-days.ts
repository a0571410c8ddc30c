/**
 * The Knox null model (DESIGN.md §4, "Near repeat"): event days shuffled among events, locations
 * fixed. Iteration i of a run with seed s shuffles the days (in input order) with a Fisher–Yates
 * shuffle (Durstenfeld's in-place form) driven by its own sfc32 generator (shared/util/random.ts)
 * seeded with iterationSeed(s, i).
 *
 * Fisher–Yates: for k = n−1 … 1, swap a[k] with a[j], j uniform in [0, k]. The uniform integer is
 * drawn with Lemire's multiply-shift method, which is exactly unbiased: with u a uniform 32-bit
 * word and r = k + 1, m = u·r, j = ⌊m / 2^32⌋ and the draw is rejected when m mod 2^32 < 2^32 mod r
 * (D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29, 2019). For r ≤ 2^21
 * the product u·r < 2^53 is exact in a double, and the common case needs no division, which
 * makes the shuffle about three times faster than a modulo per draw; larger r falls back to
 * Random.int (rejection + modulo, equally exact).
 *
 * One generator per iteration, rather than one stream for the whole run, makes iteration i's
 * permutation a function of (s, i) alone: a run split into chunks over any number of workers gives
 * exactly the same simulated tables as a single-threaded run.
 */
import { Random } from '../../util/random.js';

/**
 * A 32-bit seed for iteration `iteration` of a run seeded with `seed`: both words go through the
 * murmur3 finaliser (fmix32), so neighbouring seeds and iterations give unrelated streams.
 */
export function iterationSeed(seed: number, iteration: number): number {
  const s = fmix32((Math.trunc(seed) >>> 0) ^ 0x5bd1e995);
  return fmix32((s + Math.imul(iteration + 1, 0x9e3779b9)) | 0);
}

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
/** Largest range whose product with a 32-bit word is exact in a double (2^21 · 2^32 = 2^53). */
const MAX_EXACT_RANGE = 2 ** 21;

/** Writes a uniformly random permutation of `day` into `out` (same length) for iteration `iteration`. */
export function permutedDays(day: Int32Array, seed: number, iteration: number, out: Int32Array): Int32Array {
  out.set(day);
  return shuffleInPlace(new Random(iterationSeed(seed, iteration)), out);
}

/** Fisher–Yates shuffle of `items` in place with unbiased Lemire draws from `random`. */
export function shuffleInPlace<T extends Int32Array | Float64Array | number[]>(random: Random, items: T): T {
  for (let k = items.length - 1; k > 0; k--) {
    const range = k + 1;
    let j: number;
    if (range > MAX_EXACT_RANGE) {
      j = random.int(0, range);
    } else {
      let m = random.nextUint32() * range;
      j = Math.floor(m * TWO_POW_MINUS_32);
      let low = m - j * TWO_POW_32;
      if (low < range) {
        const threshold = (TWO_POW_32 - range) % range;
        while (low < threshold) {
          m = random.nextUint32() * range;
          j = Math.floor(m * TWO_POW_MINUS_32);
          low = m - j * TWO_POW_32;
        }
      }
    }
    const swap = items[k];
    items[k] = items[j];
    items[j] = swap;
  }
  return items;
}

function fmix32(h: number): number {
  let z = h | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
