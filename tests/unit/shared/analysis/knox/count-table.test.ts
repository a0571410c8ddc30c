import { describe, expect, it } from 'vitest';
import { countKnoxTable, createScratch } from '../../../../../shared/analysis/knox/count-table.js';
import {
  buildKnoxPlan,
  LANES,
  MAX_PACKED_DAY_SPAN,
  MAX_RUN,
} from '../../../../../shared/analysis/knox/knox-plan.js';
import { permutedDays } from '../../../../../shared/analysis/knox/permute-days.js';
import { simulateKnoxTables } from '../../../../../shared/analysis/knox/simulate.js';
import { Random } from '../../../../../shared/util/random.js';
import { bruteKnoxTable, integerEvents } from './brute-force.js';

type Events = { x: Float64Array; y: Float64Array; day: Int32Array };

/** Iterations [from, to) by the O(n²) count of each iteration's permuted days. */
function bruteSimulated(
  events: Events,
  distanceEdgesM: number[],
  timeEdgesDays: number[],
  seed: number,
  from: number,
  to: number,
): number[] {
  const shuffled = new Int32Array(events.day.length);
  const tables: number[] = [];
  for (let i = from; i < to; i++) {
    permutedDays(events.day, seed, i, shuffled);
    tables.push(...bruteKnoxTable(events.x, events.y, shuffled, distanceEdgesM, timeEdgesDays, 'euclidean'));
  }
  return tables;
}

function randomEvents(count: number, seed: number, firstDay: number, lastDay: number): Events {
  const random = new Random(seed);
  const events = integerEvents(count, 300, 1, () => random.next());
  for (let i = 0; i < count; i++) events.day[i] = firstDay + random.int(0, lastDay - firstDay + 1);
  // The span is exactly lastDay − firstDay.
  events.day[0] = firstDay;
  events.day[count - 1] = lastDay;
  return events;
}

describe('simulateKnoxTables lanes (count-table.ts)', () => {
  it('counts a full pass of LANES permutations and a lone last lane as the O(n²) counts do', () => {
    const events = randomEvents(90, 3, 16_000, 16_060);
    const distanceEdgesM = [0, 60, 120, Infinity];
    // At most 4 time bands (the packed pass) and 6 (the general pass), each with an open last band.
    for (const timeEdgesDays of [
      [0, 3, 7, 14, Infinity],
      [0, 2, 4, 6, 8, 10, Infinity],
    ]) {
      const plan = buildKnoxPlan({ ...events, distanceEdgesM, timeEdgesDays, metric: 'euclidean' });
      expect(plan.packed).toBe(timeEdgesDays.length - 1 <= 4);
      const tables = simulateKnoxTables(plan, events.day, 11, 0, LANES + 1);
      expect(Array.from(tables), String(timeEdgesDays)).toEqual(
        bruteSimulated(events, distanceEdgesM, timeEdgesDays, 11, 0, LANES + 1),
      );
    }
  });
});

describe('packed days (two lanes to a word)', () => {
  const distanceEdgesM = [0, 100, 200, Infinity];
  const timeEdgesDays = [0, 7, 16_384, 32_000, Infinity];

  it(`packs a span of exactly MAX_PACKED_DAY_SPAN (${MAX_PACKED_DAY_SPAN}) days and counts as the O(n²) count does`, () => {
    // Both lanes' Δ + S reach 2·MAX_PACKED_DAY_SPAN = 2^16 − 2, and a day word plus the bias passes 2^31.
    const events = randomEvents(70, 5, 10_000, 10_000 + MAX_PACKED_DAY_SPAN);
    const plan = buildKnoxPlan({ ...events, distanceEdgesM, timeEdgesDays, metric: 'euclidean' });
    expect(plan.packed).toBe(true);
    const observed = new Float64Array(12);
    countKnoxTable(plan, events.day, createScratch(plan), observed);
    const brute = bruteKnoxTable(events.x, events.y, events.day, distanceEdgesM, timeEdgesDays, 'euclidean');
    expect(Array.from(observed)).toEqual(Array.from(brute));
    expect(observed[3] + observed[7] + observed[11]).toBeGreaterThan(0); // pairs ≥ 32,000 days apart
    expect(Array.from(simulateKnoxTables(plan, events.day, 2, 0, LANES))).toEqual(
      bruteSimulated(events, distanceEdgesM, timeEdgesDays, 2, 0, LANES),
    );
  });

  it('takes the general pass one day past MAX_PACKED_DAY_SPAN, with the same counts as the O(n²) count', () => {
    const events = randomEvents(70, 6, 10_000, 10_001 + MAX_PACKED_DAY_SPAN);
    const plan = buildKnoxPlan({ ...events, distanceEdgesM, timeEdgesDays, metric: 'euclidean' });
    expect(plan.packed).toBe(false);
    expect(Array.from(simulateKnoxTables(plan, events.day, 2, 0, LANES))).toEqual(
      bruteSimulated(events, distanceEdgesM, timeEdgesDays, 2, 0, LANES),
    );
  });
});

describe('runs of at most MAX_RUN pairs', () => {
  it(`counts ${MAX_RUN + 45} events on one spot and one day (a row of ${MAX_RUN + 44} pairs, one band) exactly`, () => {
    // Every pair lands in the first time band: one field of a run's sum would overflow past MAX_RUN.
    const n = MAX_RUN + 45;
    const events = {
      x: new Float64Array(n).fill(500_000),
      y: new Float64Array(n).fill(200_000),
      day: new Int32Array(n).fill(19_000),
    };
    const plan = buildKnoxPlan({
      ...events,
      distanceEdgesM: [0, 100],
      timeEdgesDays: [0, 7, 14, 21, 28],
      metric: 'euclidean',
    });
    expect(plan.packed).toBe(true);
    const table = new Float64Array(4);
    countKnoxTable(plan, events.day, createScratch(plan), table);
    expect(Array.from(table)).toEqual([(n * (n - 1)) / 2, 0, 0, 0]);
  });
});
