import { describe, expect, it } from 'vitest';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import { permutedDays } from '../../../../../shared/analysis/knox/permute-days.js';
import { sequentialPValues, sequentialStop } from '../../../../../shared/analysis/knox/sequential-stop.js';
import { Random } from '../../../../../shared/util/random.js';
import { bruteKnoxTable } from './brute-force.js';

describe('sequentialStop (Besag & Clifford 1991)', () => {
  // Two cells, observed 5 and 10; four permutations, in iteration order.
  const observed = Float64Array.of(5, 10);
  const tables = Float64Array.of(6, 3, 4, 11, 5, 2, 7, 12);

  it('settles each cell at its h-th permutation ≥ observed and stops when all are settled', () => {
    // h = 2: cell 0 is ≥ 5 at permutations 1 and 3 → settled at 3; cell 1 is ≥ 10 at 2 and 4 → at 4.
    const stop = sequentialStop(observed, tables, 4, 2);
    expect(stop.settled).toBe(true);
    expect(stop.iterations).toBe(4);
    expect([...stop.settledAt]).toEqual([3, 4]);
    // p = h / l: 2/3 and 2/4.
    expect([...sequentialPValues(stop, 2, Float64Array.of(0.9, 0.9))]).toEqual([2 / 3, 2 / 4]);
  });

  it('stops at the first permutation that settles the last cell, not at the end of the tables', () => {
    // h = 1: cell 0 at permutation 1 (6 ≥ 5), cell 1 at permutation 2 (11 ≥ 10).
    const stop = sequentialStop(observed, tables, 4, 1);
    expect(stop).toMatchObject({ iterations: 2, settled: true });
    expect([...stop.settledAt]).toEqual([1, 2]);
  });

  it('does not stop while a cell has fewer than h, and keeps the usual p for that cell', () => {
    // h = 3: cell 0 reaches 3 (6, 5, 7) at permutation 4; cell 1 has only 2 (11, 12).
    const stop = sequentialStop(observed, tables, 4, 3);
    expect(stop).toMatchObject({ iterations: 4, settled: false });
    expect([...stop.settledAt]).toEqual([4, 0]);
    expect([...sequentialPValues(stop, 3, Float64Array.of(0.8, 0.6))]).toEqual([3 / 4, 0.6]);
  });

  it('refuses h below 1', () => {
    expect(() => sequentialStop(observed, tables, 4, 0)).toThrow(RangeError);
  });
});

describe('knoxTest with an early stop allowed', () => {
  // Uniform locations and days: no near repeat, so every cell soon has h permutations ≥ observed.
  const random = new Random(11);
  const n = 300;
  const events = {
    x: Float64Array.from({ length: n }, () => 400_000 + random.uniform(0, 2000)),
    y: Float64Array.from({ length: n }, () => 300_000 + random.uniform(0, 2000)),
    day: Int32Array.from({ length: n }, () => 19_000 + random.int(0, 120)),
  };
  const distanceEdgesM = [0, 300, Infinity];
  const timeEdgesDays = [0, 14, Infinity];
  const h = 5;
  const result = knoxTest(events, {
    distanceEdgesM,
    timeEdgesDays,
    iterations: 999,
    seed: 3,
    earlyStopExceedances: h,
  });

  it('stops before the iterations asked for, where the rule says, with p-values h / l from brute-force tables', () => {
    expect(result.iterationsUsed).toBeLessThan(999);
    // Independent reference: brute-force tables of the same permutations, the rule applied by hand.
    const cells = 4;
    const observed = bruteKnoxTable(
      events.x,
      events.y,
      events.day,
      distanceEdgesM,
      timeEdgesDays,
      'euclidean',
    );
    expect([...result.observed]).toEqual([...observed]);
    const seen = new Array(cells).fill(0);
    const settledAt = new Array(cells).fill(0);
    const shuffled = new Int32Array(n);
    let stoppedAt = 0;
    for (let i = 0; stoppedAt === 0; i++) {
      permutedDays(events.day, 3, i, shuffled);
      const table = bruteKnoxTable(events.x, events.y, shuffled, distanceEdgesM, timeEdgesDays, 'euclidean');
      for (let c = 0; c < cells; c++) {
        if (settledAt[c] === 0 && table[c] >= observed[c] && ++seen[c] === h) settledAt[c] = i + 1;
      }
      if (settledAt.every((l) => l > 0)) stoppedAt = i + 1;
    }
    expect(result.iterationsUsed).toBe(stoppedAt);
    expect([...result.pValue]).toEqual(settledAt.map((l) => h / l));
  });

  it('gives the same expectations as a full run over its first permutations', () => {
    const full = knoxTest(events, {
      distanceEdgesM,
      timeEdgesDays,
      iterations: result.iterationsUsed,
      seed: 3,
    });
    expect([...result.expectedMean]).toEqual([...full.expectedMean]);
    expect([...result.observed]).toEqual([...full.observed]);
  });

  it('is off unless asked for: all iterations and the usual p-values', () => {
    const off = knoxTest(events, { distanceEdgesM, timeEdgesDays, iterations: 99, seed: 3 });
    expect(off.iterationsUsed).toBe(99);
    expect(off.earlyStopExceedances).toBeNull();
  });
});
