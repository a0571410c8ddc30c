import { describe, expect, it } from 'vitest';
import { createRandom, logGamma, Random, seedFromString } from '../../../../shared/util/random.js';
import { expectClose } from '../../expect-close.js';

/** An independent sfc32 + splitmix32 written with BigInt arithmetic modulo 2^32, as a reference. */
function referenceStream(seed: number, count: number): number[] {
  const M = 0xffffffffn;
  let s = BigInt.asUintN(32, BigInt(seed));
  const split = (): bigint => {
    s = (s + 0x9e3779b9n) & M;
    let z = s;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
    return (z ^ (z >> 16n)) & M;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const step = (): bigint => {
    const t = (a + b + d) & M;
    d = (d + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = ((c << 21n) | (c >> 11n)) & M;
    c = (c + t) & M;
    return t;
  };
  for (let i = 0; i < 12; i++) step();
  return Array.from({ length: count }, () => Number(step()));
}

describe('Random.nextUint32', () => {
  it('equals an independent BigInt sfc32 reference for several seeds', () => {
    for (const seed of [0, 1, 2, 42, 123456789, 4294967295]) {
      const rng = createRandom(seed);
      const got = Array.from({ length: 1000 }, () => rng.nextUint32());
      expect(got).toEqual(referenceStream(seed, 1000));
    }
  });

  it('gives the same stream for the same seed and different streams for neighbouring seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const sa = Array.from({ length: 100 }, () => a.nextUint32());
    const sb = Array.from({ length: 100 }, () => b.nextUint32());
    const sc = Array.from({ length: 100 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    const same = sa.filter((v, i) => v === sc[i]).length;
    expect(same).toBe(0);
  });

  it('refuses a non-finite seed', () => {
    expect(() => new Random(Number.NaN)).toThrow(RangeError);
  });
});

describe('Random.next and uniform', () => {
  it('stays in [0, 1) and has mean ≈ 1/2 and variance ≈ 1/12', () => {
    const rng = createRandom(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // Standard error of the mean is sqrt(1/12 / n) ≈ 0.00065; allow 5 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('uniform(min, max) maps into [min, max) and refuses max < min', () => {
    const rng = createRandom(2);
    for (let i = 0; i < 1000; i++) {
      const v = rng.uniform(-5, 3);
      expect(v >= -5 && v < 3).toBe(true);
    }
    expect(() => rng.uniform(3, 1)).toThrow(/max >= min/);
  });
});

describe('Random.int', () => {
  it('is uniform over [min, max) by a chi-square test with 9 degrees of freedom', () => {
    const rng = createRandom(3);
    const counts = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.int(5, 15) - 5]++;
    const expected = n / 10;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 99.9th percentile of chi-square with 9 df is 27.88.
    expect(chi2).toBeLessThan(27.88);
  });

  it('refuses empty or non-integer ranges', () => {
    const rng = createRandom(3);
    expect(() => rng.int(3, 3)).toThrow(RangeError);
    expect(() => rng.int(0, 2.5)).toThrow(RangeError);
  });
});

describe('Random.normal', () => {
  it('has mean ≈ μ and sd ≈ σ, and about 95.45% of draws within 2σ', () => {
    const rng = createRandom(4);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let within2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(10, 2);
      sum += z;
      sumSq += z * z;
      if (Math.abs(z - 10) < 4) within2++;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sumSq / n - mean * mean);
    expect(Math.abs(mean - 10)).toBeLessThan(0.02);
    expect(Math.abs(sd - 2)).toBeLessThan(0.02);
    expect(Math.abs(within2 / n - 0.9545)).toBeLessThan(0.003);
  });
});

describe('Random.poisson', () => {
  /** Exact Poisson pmf for a chi-square comparison. */
  const pmf = (k: number, lambda: number): number =>
    Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));

  for (const lambda of [0.7, 4, 29.5, 30, 75, 1000]) {
    it(`matches the Poisson(${lambda}) distribution by mean, variance and a chi-square test`, () => {
      const rng = createRandom(Math.round(lambda * 10));
      const n = 100_000;
      const draws = new Int32Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        draws[i] = rng.poisson(lambda);
        sum += draws[i];
      }
      const mean = sum / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (draws[i] - mean) ** 2;
      const variance = ss / (n - 1);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.03);
      // Chi-square over cells with expected count >= 20, tails pooled.
      const lo = Math.max(0, Math.floor(lambda - 4 * Math.sqrt(lambda)));
      const hi = Math.ceil(lambda + 4 * Math.sqrt(lambda));
      let chi2 = 0;
      let cells = 0;
      for (let k = lo; k <= hi; k++) {
        const expected = n * pmf(k, lambda);
        if (expected < 20) continue;
        let observed = 0;
        for (let i = 0; i < n; i++) if (draws[i] === k) observed++;
        chi2 += (observed - expected) ** 2 / expected;
        cells++;
      }
      // A generous bound: mean cells, sd sqrt(2·cells); 6 sd above the mean.
      expect(chi2).toBeLessThan(cells + 6 * Math.sqrt(2 * cells));
    });
  }

  it('returns 0 for lambda 0 and refuses negative or infinite lambda', () => {
    const rng = createRandom(5);
    expect(rng.poisson(0)).toBe(0);
    expect(() => rng.poisson(-1)).toThrow(RangeError);
    expect(() => rng.poisson(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('Random.choice, weightedIndex, shuffle', () => {
  it('choice picks every element of a list', () => {
    const rng = createRandom(6);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(rng.choice(['a', 'b', 'c', 'd']));
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(() => rng.choice([])).toThrow(RangeError);
  });

  it('weightedIndex follows the weights and never picks a zero weight', () => {
    const rng = createRandom(7);
    const weights = [1, 0, 3, 6];
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.weightedIndex(weights)]++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0] / n - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(counts[2] / n - 0.3)).toBeLessThan(0.007);
    expect(Math.abs(counts[3] / n - 0.6)).toBeLessThan(0.007);
    expect(() => rng.weightedIndex([0, 0])).toThrow(RangeError);
    expect(() => rng.weightedIndex([1, -1])).toThrow(RangeError);
  });

  it('shuffle returns a permutation of a typed array, reproducibly, with uniform positions', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    createRandom(8).shuffle(a);
    expect([...a].sort((p, q) => p - q)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const b = Int32Array.from({ length: 50 }, (_, i) => i);
    createRandom(8).shuffle(b);
    expect(b).toEqual(a);
    // Element 0 lands in each of 4 positions with probability 1/4.
    const rng = createRandom(9);
    const where = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) where[rng.shuffle([0, 1, 2, 3]).indexOf(0)]++;
    for (const c of where) expect(Math.abs(c / 40_000 - 0.25)).toBeLessThan(0.01);
  });
});

describe('seedFromString and logGamma', () => {
  it('hashes text to a stable 32-bit seed (FNV-1a test vectors)', () => {
    expect(seedFromString('')).toBe(0x811c9dc5);
    expect(seedFromString('a')).toBe(0xe40c292c);
    expect(seedFromString('foobar')).toBe(0xbf9cf968);
  });

  it('logGamma equals ln((n−1)!) for integers and ln √π at 1/2', () => {
    let logFact = 0;
    for (let n = 1; n <= 170; n++) {
      expectClose(logGamma(n), logFact, 1e-13, `logGamma(${n})`);
      logFact += Math.log(n);
    }
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13);
    expectClose(logGamma(0.25), Math.log(3.625609908221908), 1e-13);
  });
});
