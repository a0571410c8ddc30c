import { describe, expect, it } from 'vitest';
import { countKnoxTable, createScratch } from '../../../../../shared/analysis/knox/count-table.js';
import { buildKnoxPlan, MAX_DAY_SPAN } from '../../../../../shared/analysis/knox/knox-plan.js';
import { knoxTest, resolveKnoxOptions } from '../../../../../shared/analysis/knox/knox-test.js';
import { nrcPreset } from '../../../../../shared/analysis/knox/nrc-preset.js';
import { permutedDays } from '../../../../../shared/analysis/knox/permute-days.js';
import { simulateKnoxTables } from '../../../../../shared/analysis/knox/simulate.js';
import { Random } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';
import { bruteKnoxTable, integerEvents } from './brute-force.js';

/**
 * Five events, every pair listed (distance edges 0, 100, 200, ∞ m Euclidean; time edges 0, 7, 14 days):
 *   pair  distance        band        Δdays  band
 *   0–1   100             [100, 200)  3      [0, 7)
 *   0–2   200             ≥ 200       10     [7, 14)
 *   0–3   500             ≥ 200       7      [7, 14)   (on the edge: upper band)
 *   0–4   0               [0, 100)    14     none      (at the finite last edge: not counted)
 *   1–2   √50000 ≈ 223.6  ≥ 200       7      [7, 14)
 *   1–3   √200000 ≈ 447.2 ≥ 200       4      [0, 7)
 *   1–4   100             [100, 200)  11     [7, 14)
 *   2–3   √130000 ≈ 360.6 ≥ 200       3      [0, 7)
 *   2–4   200             ≥ 200       4      [0, 7)
 *   3–4   500             ≥ 200       7      [7, 14)
 */
const five = {
  x: Float64Array.from([0, 100, 0, 300, 0]),
  y: Float64Array.from([0, 0, 200, 400, 0]),
  day: Int32Array.from([0, 3, 10, 7, 14]),
};

describe('knoxTest observed table', () => {
  it('counts the hand-listed pairs of five events (Euclidean)', () => {
    const result = knoxTest(five, {
      distanceEdgesM: [0, 100, 200, Infinity],
      timeEdgesDays: [0, 7, 14],
      iterations: 9,
      seed: 1,
    });
    expect(result.rows).toBe(3);
    expect(result.columns).toBe(2);
    expect(Array.from(result.observed)).toEqual([0, 0, 1, 1, 3, 4]);
  });

  it('leaves out pairs closer than the first distance edge and at the last time edge', () => {
    // Edges [50, 150) m × [0, 7), [7, 14), ≥ 14 days: only pairs 0–1 (Δ 3) and 1–4 (Δ 11) are 50–150 m apart.
    const result = knoxTest(five, {
      distanceEdgesM: [50, 150],
      timeEdgesDays: [0, 7, 14, Infinity],
      iterations: 1,
      seed: 1,
    });
    expect(Array.from(result.observed)).toEqual([1, 1, 0]);
  });

  it('uses Manhattan distance when asked: pair 1–2 is 300 m, pair 2–3 is 500 m', () => {
    const result = knoxTest(five, {
      distanceEdgesM: [0, 300, 301, Infinity],
      timeEdgesDays: [0, 7, Infinity],
      metric: 'manhattan',
      iterations: 1,
      seed: 1,
    });
    // [0, 300): 0–1 (Δ3), 0–2 (200, Δ10), 1–4 (Δ11), 2–4 (200, Δ4), 0–4 (0, Δ14).
    // [300, 301): 1–2 (Δ7). ≥ 301: 0–3 (700, Δ7), 1–3 (600, Δ4), 2–3 (500, Δ3), 3–4 (700, Δ7).
    expect(Array.from(result.observed)).toEqual([2, 3, 0, 1, 2, 2]);
  });
});

describe('countKnoxTable (fast pass with the open-row and open-column shortcuts)', () => {
  it('equals an O(n²) count on random integer data for many edge sets and both metrics', () => {
    const random = new Random(99);
    const distanceSets = [
      [0, 100, Infinity],
      [0, 1, 40, 80, 120, Infinity],
      [0, 50, 100],
      [20, 60, Infinity],
      [0, Infinity],
      [15, 16, 17],
    ];
    const timeSets = [
      [0, 7, Infinity],
      [0, 7, 14, 21, Infinity],
      [0, 3, 10],
      [2, 5, Infinity],
      [0, Infinity],
      [0, 1],
      // More than PACKED_BANDS (4) time bands: the pass with a store per pair.
      [0, 2, 4, 6, 8, 10, Infinity],
      [1, 3, 5, 7, 9, 11, 13],
    ];
    for (const metric of ['euclidean', 'manhattan'] as const) {
      for (const distanceEdgesM of distanceSets) {
        for (const timeEdgesDays of timeSets) {
          const events = integerEvents(120, 400, 40, () => random.next());
          const plan = buildKnoxPlan({ ...events, distanceEdgesM, timeEdgesDays, metric });
          const fast = new Float64Array((distanceEdgesM.length - 1) * (timeEdgesDays.length - 1));
          countKnoxTable(plan, events.day, createScratch(plan), fast);
          const brute = bruteKnoxTable(events.x, events.y, events.day, distanceEdgesM, timeEdgesDays, metric);
          expect(Array.from(fast), `${metric} ${distanceEdgesM} × ${timeEdgesDays}`).toEqual(
            Array.from(brute),
          );
        }
      }
    }
  });
});

describe('knoxTest Monte Carlo', () => {
  const events = integerEvents(
    60,
    300,
    30,
    (() => {
      const random = new Random(5);
      return () => random.next();
    })(),
  );
  const options = {
    distanceEdgesM: [0, 50, 100, Infinity],
    timeEdgesDays: [0, 3, 7, Infinity],
    metric: 'euclidean' as const,
    iterations: 39,
    seed: 123,
  };

  it('follows the definitions of expectation, median, ratios and p-values (brute-force simulation)', () => {
    const result = knoxTest(events, options);
    const cells = 9;
    const observed = bruteKnoxTable(
      events.x,
      events.y,
      events.day,
      options.distanceEdgesM,
      options.timeEdgesDays,
      'euclidean',
    );
    expect(Array.from(result.observed)).toEqual(Array.from(observed));
    const sims: Float64Array[] = [];
    const shuffled = new Int32Array(events.day.length);
    for (let i = 0; i < options.iterations; i++) {
      permutedDays(events.day, options.seed, i, shuffled);
      sims.push(
        bruteKnoxTable(
          events.x,
          events.y,
          shuffled,
          options.distanceEdgesM,
          options.timeEdgesDays,
          'euclidean',
        ),
      );
    }
    for (let c = 0; c < cells; c++) {
      const values = sims.map((s) => s[c]).sort((a, b) => a - b);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const median = values[(values.length - 1) / 2];
      const atLeast = values.filter((v) => v >= observed[c]).length;
      expectClose(result.expectedMean[c], mean, 1e-12, `mean ${c}`);
      expect(result.expectedMedian[c]).toBe(median);
      expectClose(result.knoxRatio[c], observed[c] / mean, 1e-12, `ratio ${c}`);
      expectClose(result.knoxRatioMedian[c], observed[c] / median, 1e-12, `median ratio ${c}`);
      expectClose(result.pValue[c], (1 + atLeast) / (options.iterations + 1), 1e-12, `p ${c}`);
    }
  });

  it('reproduces a seeded run exactly and changes with the seed', () => {
    const a = knoxTest(events, options);
    const b = knoxTest(events, options);
    const c = knoxTest(events, { ...options, seed: 124 });
    expect(Array.from(a.expectedMean)).toEqual(Array.from(b.expectedMean));
    expect(Array.from(a.pValue)).toEqual(Array.from(b.pValue));
    expect(Array.from(a.expectedMean)).not.toEqual(Array.from(c.expectedMean));
  });

  it('gives the same simulated tables however the iterations are split into chunks', () => {
    const settings = resolveKnoxOptions(options);
    const plan = buildKnoxPlan({ ...events, ...settings });
    const whole = simulateKnoxTables(plan, events.day, settings.seed, 0, 39);
    for (const cuts of [
      [0, 13, 26, 39],
      [0, 1, 2, 38, 39],
      [0, 20, 39],
    ]) {
      const parts: number[] = [];
      for (let k = 0; k + 1 < cuts.length; k++) {
        parts.push(...simulateKnoxTables(plan, events.day, settings.seed, cuts[k], cuts[k + 1]));
      }
      expect(parts, String(cuts)).toEqual(Array.from(whole));
    }
  });

  it('keeps the open row and column of every simulated table consistent with the pair totals', () => {
    const settings = resolveKnoxOptions(options);
    const plan = buildKnoxPlan({ ...events, ...settings });
    const tables = simulateKnoxTables(plan, events.day, settings.seed, 0, 10);
    const allPairs = (events.x.length * (events.x.length - 1)) / 2;
    for (let s = 0; s < 10; s++) {
      let sum = 0;
      for (let c = 0; c < 9; c++) sum += tables[s * 9 + c];
      expect(sum).toBe(allPairs);
    }
  });

  it('reports progress up to the number of iterations', () => {
    const calls: [number, number][] = [];
    knoxTest(events, { ...options, iterations: 20 }, (done, total) => calls.push([done, total]));
    expect(calls.at(-1)).toEqual([20, 20]);
    expect(calls.every(([, total]) => total === 20)).toBe(true);
  });
});

describe('knoxTest with the NRC preset', () => {
  it('counts same-location pairs (distance exactly 0) in the first row', () => {
    const preset = nrcPreset({ bandwidthM: 100, distanceBands: 2, timeBandDays: 7, timeBands: 1 });
    const events = {
      x: Float64Array.from([1000, 1000, 1060, 1500]),
      y: Float64Array.from([2000, 2000, 2040, 2000]),
      day: Int32Array.from([10, 12, 20, 11]),
    };
    const result = knoxTest(events, { ...preset, iterations: 1, seed: 3 });
    // 0–1: 0 m, Δ2 → same location × [0,7). 0–2, 1–2: 100 m Manhattan, Δ10, Δ8 → [100,200) × ≥ 7.
    // 0–3, 1–3: 500 m → ≥ 200, Δ1 → [0, 7). 2–3: 480 m → ≥ 200, Δ9 → ≥ 7.
    expect(Array.from(result.observed)).toEqual([1, 0, 0, 0, 0, 2, 2, 1]);
    expect(result.distanceLabels[0]).toBe('0 m (same location)');
  });
});

describe('resolveKnoxOptions', () => {
  it('refuses bad iterations, seeds, metrics and edges before any work', () => {
    const base = { distanceEdgesM: [0, 100, Infinity], timeEdgesDays: [0, 7, Infinity] };
    expect(() => resolveKnoxOptions({ ...base, iterations: 0 })).toThrow(/iterations must be/);
    expect(() => resolveKnoxOptions({ ...base, seed: -1 })).toThrow(/seed must be/);
    expect(() => resolveKnoxOptions({ ...base, metric: 'chebyshev' as never })).toThrow(/metric/);
    expect(() => resolveKnoxOptions({ ...base, distanceEdgesM: [100, 0] })).toThrow(/increasing/);
  });

  it('draws and reports a seed when none is given', () => {
    const settings = resolveKnoxOptions({ distanceEdgesM: [0, 100], timeEdgesDays: [0, 7] });
    expect(Number.isInteger(settings.seed)).toBe(true);
    expect(settings.iterations).toBe(999);
    expect(settings.metric).toBe('euclidean');
  });
});

describe('knoxTest guard rails', () => {
  it('refuses longitude/latitude-looking coordinates, asking to project first', () => {
    const events = {
      x: Float64Array.from([-0.12, -0.13]),
      y: Float64Array.from([51.5, 51.51]),
      day: Int32Array.from([1, 2]),
    };
    expect(() => knoxTest(events, { distanceEdgesM: [0, 100], timeEdgesDays: [0, 7], seed: 1 })).toThrow(
      /project them to metres first/,
    );
  });
});

describe('knoxTest day look-up', () => {
  it('refuses events whose dates span more than MAX_DAY_SPAN days, naming a stray date', () => {
    const events = {
      x: Float64Array.from([500_000, 500_010, 500_020]),
      y: Float64Array.from([200_000, 200_000, 200_000]),
      day: Int32Array.from([19_000, 19_001, 19_000 + MAX_DAY_SPAN + 1]),
    };
    expect(() => knoxTest(events, { distanceEdgesM: [0, 100], timeEdgesDays: [0, 7], seed: 1 })).toThrow(
      /span 1000001 days.*stray date/,
    );
  });

  it('counts a pair exactly MAX_DAY_SPAN days apart in an open last time band', () => {
    // Pairs: 0–1 Δ 1 day ([0, 7)), 0–2 and 1–2 Δ MAX_DAY_SPAN and MAX_DAY_SPAN − 1 (≥ 7), all within 100 m.
    const events = {
      x: Float64Array.from([500_000, 500_010, 500_020]),
      y: Float64Array.from([200_000, 200_000, 200_000]),
      day: Int32Array.from([19_000, 19_001, 19_000 + MAX_DAY_SPAN]),
    };
    const result = knoxTest(events, { distanceEdgesM: [0, 100], timeEdgesDays: [0, 7, Infinity], seed: 1 });
    expect(Array.from(result.observed)).toEqual([1, 2]);
  });
});

describe('countKnoxTable rows longer than one run', () => {
  it('counts 8,300 events at one spot (rows of thousands of pairs, many runs each) as the O(n²) count does', () => {
    const random = new Random(7);
    const n = 8300;
    const events = {
      x: new Float64Array(n).fill(500_000),
      y: new Float64Array(n).fill(200_000),
      day: Int32Array.from({ length: n }, () => 19_000 + random.int(0, 30)),
    };
    const distanceEdgesM = [0, 100];
    const timeEdgesDays = [0, 7, 14, Infinity];
    const plan = buildKnoxPlan({ ...events, distanceEdgesM, timeEdgesDays, metric: 'euclidean' });
    const fast = new Float64Array(3);
    countKnoxTable(plan, events.day, createScratch(plan), fast);
    const brute = bruteKnoxTable(events.x, events.y, events.day, distanceEdgesM, timeEdgesDays, 'euclidean');
    expect(Array.from(fast)).toEqual(Array.from(brute));
    expect(fast[0] + fast[1] + fast[2]).toBe((n * (n - 1)) / 2);
  });
});
