/**
 * A seeded pseudo-random number generator and the few distributions the project needs.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's "small fast counting" generator from PractRand,
 * https://pracrand.sourceforge.net/), 128 bits of state, passes PractRand and BigCrush, period
 * at least 2^32 thanks to its counter word. The four state words are filled from the seed with
 * splitmix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix) so that nearby seeds (1, 2, 3 …)
 * give unrelated streams, and the first 12 outputs are discarded to mix the state further.
 *
 * Everything that must be reproducible (the synthetic town, Knox permutations, Monte Carlo) takes
 * a seed and draws from one `Random`; the same seed and the same sequence of calls give the same
 * numbers on every platform, because only 32-bit integer arithmetic (Math.imul, >>>, |) is used.
 *
 * Distributions:
 *   uniform(a, b)   a + (b − a)·U,  U = next() ∈ [0, 1) with 32 bits of resolution
 *   int(a, b)       integer in [a, b), unbiased (rejection on the 32-bit draw)
 *   normal(μ, σ)    Box–Muller: √(−2 ln U1)·cos(2π U2); the paired sine value is kept for the next call
 *   poisson(λ)      Knuth's product method for λ < 30; Hörmann's PTRS transformed rejection for λ ≥ 30
 *                   (W. Hörmann, "The transformed rejection method for generating Poisson random
 *                   variables", Insurance: Mathematics and Economics 12, 1993) — exact, O(1) expected
 *   choice, weightedIndex, shuffle (Fisher–Yates, Durstenfeld's in-place form)
 */

const TWO_POW_32 = 4294967296;

/** splitmix32: a fast, well-mixing 32-bit hash step used only to expand a seed into state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a hash of a string to a 32-bit seed, for seeds given as text (e.g. "wards"). */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Anything indexable with a length: arrays and typed arrays alike. */
export interface IndexedList<T> {
  readonly length: number;
  [index: number]: T;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  /** @param seed any finite number; its integer part modulo 2^32 is used. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    const state = { s: (Math.trunc(seed) % TWO_POW_32) | 0 };
    this.a = splitmix32(state) | 0;
    this.b = splitmix32(state) | 0;
    this.c = splitmix32(state) | 0;
    this.d = splitmix32(state) | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next raw 32-bit output of sfc32, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A uniform float in [min, max). */
  uniform(min = 0, max = 1): number {
    if (!(max >= min)) throw new RangeError(`uniform needs max >= min, got min ${min}, max ${max}`);
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max) (max exclusive), without modulo bias. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min) {
      throw new RangeError(`int needs integers min < max, got min ${min}, max ${max}`);
    }
    const range = max - min;
    if (range > TWO_POW_32) throw new RangeError(`int range must be <= 2^32, got ${range}`);
    // Reject draws from the incomplete last block so every value has the same number of preimages.
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let u = this.nextUint32();
    while (u >= limit) u = this.nextUint32();
    return min + (u % range);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli p must be in [0, 1], got ${p}`);
    return this.next() < p;
  }

  /** A normal deviate with the given mean and standard deviation (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    if (!(sd >= 0)) throw new RangeError(`normal sd must be >= 0, got ${sd}`);
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    // 1 − next() lies in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(theta);
    return mean + sd * r * Math.cos(theta);
  }

  /** An exponential deviate with the given rate (mean 1/rate). */
  exponential(rate = 1): number {
    if (!(rate > 0)) throw new RangeError(`exponential rate must be > 0, got ${rate}`);
    return -Math.log(1 - this.next()) / rate;
  }

  /** A Poisson deviate with mean lambda. */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) {
      throw new RangeError(`poisson lambda must be a finite number >= 0, got ${lambda}`);
    }
    if (lambda === 0) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let product = this.next();
      while (product > limit) {
        k++;
        product *= this.next();
      }
      return k;
    }
    return this.poissonPtrs(lambda);
  }

  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const logLam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
      const rhs = -lambda + k * logLam - logGamma(k + 1);
      if (lhs <= rhs) return k;
    }
  }

  /** A uniformly chosen element of a non-empty list. */
  choice<T>(items: IndexedList<T>): T {
    if (items.length === 0) throw new RangeError('choice needs a non-empty list');
    return items[this.int(0, items.length)];
  }

  /** An index i chosen with probability weights[i] / Σ weights (weights >= 0, sum > 0). O(n). */
  weightedIndex(weights: IndexedList<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0)) throw new RangeError(`weights must be >= 0, got ${w} at index ${i}`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weightedIndex needs weights with a positive sum');
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) return i;
    }
    // Floating-point rounding can leave target a hair above zero: return the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  /** Shuffles the list in place (Fisher–Yates) and returns it. */
  shuffle<L extends IndexedList<unknown>>(items: L): L {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

/** A new generator for the seed. */
export function createRandom(seed: number): Random {
  return new Random(seed);
}

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9; relative error about 1e-15),
 * with Euler's reflection formula for x < 0.5.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm = x - 1;
  let sum = LANCZOS[0];
  const t = xm + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (xm + i);
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(sum);
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
