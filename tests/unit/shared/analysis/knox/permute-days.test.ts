import { describe, expect, it } from 'vitest';
import {
  iterationSeed,
  permutedDays,
  shuffleInPlace,
} from '../../../../../shared/analysis/knox/permute-days.js';
import { Random } from '../../../../../shared/util/random.js';

describe('permutedDays', () => {
  const day = Int32Array.from({ length: 50 }, (_, i) => 100 + (i % 17));

  it('returns a permutation of the days (same multiset)', () => {
    const out = permutedDays(day, 42, 3, new Int32Array(day.length));
    expect(Array.from(out).sort((a, b) => a - b)).toEqual(Array.from(day).sort((a, b) => a - b));
    expect(Array.from(out)).not.toEqual(Array.from(day));
  });

  it('depends only on (seed, iteration)', () => {
    const a = permutedDays(day, 42, 7, new Int32Array(day.length));
    const b = permutedDays(day, 42, 7, new Int32Array(day.length));
    const c = permutedDays(day, 42, 8, new Int32Array(day.length));
    const d = permutedDays(day, 43, 7, new Int32Array(day.length));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect(Array.from(a)).not.toEqual(Array.from(d));
  });

  it('gives distinct seeds to neighbouring iterations and seeds', () => {
    const seeds = new Set<number>();
    for (let s = 0; s < 20; s++) for (let i = 0; i < 50; i++) seeds.add(iterationSeed(s, i));
    expect(seeds.size).toBe(1000);
  });
});

describe('shuffleInPlace', () => {
  it('draws each of the 24 orders of 4 items equally often (chi-square, 24 000 shuffles)', () => {
    const random = new Random(2024);
    const counts = new Map<string, number>();
    const draws = 24_000;
    for (let s = 0; s < draws; s++) {
      const key = shuffleInPlace(random, [0, 1, 2, 3]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const expected = draws / 24;
    let chiSquare = 0;
    for (const count of counts.values()) chiSquare += (count - expected) ** 2 / expected;
    // 23 degrees of freedom: the 99.9th percentile is 49.7.
    expect(chiSquare).toBeLessThan(49.7);
  });

  it('puts every item in every position equally often for a larger list', () => {
    const random = new Random(77);
    const n = 10;
    const positions = new Float64Array(n * n);
    const draws = 20_000;
    for (let s = 0; s < draws; s++) {
      const items = Array.from({ length: n }, (_, i) => i);
      shuffleInPlace(random, items);
      for (let p = 0; p < n; p++) positions[items[p] * n + p]++;
    }
    const expected = draws / n;
    let chiSquare = 0;
    for (const count of positions) chiSquare += (count - expected) ** 2 / expected;
    // (n − 1)² = 81 degrees of freedom: the 99.9th percentile is 126.3.
    expect(chiSquare).toBeLessThan(126.3);
  });
});
