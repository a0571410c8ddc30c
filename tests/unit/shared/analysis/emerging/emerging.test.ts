import { describe, expect, it } from 'vitest';
import { classifyCell, PATTERNS, patternLabel } from '../../../../../shared/analysis/emerging/classify.js';
import { compareSliceLengths, emergingHotspots } from '../../../../../shared/analysis/emerging/emerging.js';
import { mannKendall } from '../../../../../shared/analysis/emerging/mann-kendall.js';
import { sliceIndex, timeSlices } from '../../../../../shared/analysis/emerging/time-slices.js';
import { createRandom } from '../../../../../shared/util/random.js';
import { expectClose } from '../../../expect-close.js';

const code = (name: (typeof PATTERNS)[number]) => PATTERNS.indexOf(name);

describe('mannKendall', () => {
  it('gives S = 4, Var(S) = 4·3·13/18 and Z = 3/√Var for 1, 3, 2, 5', () => {
    const r = mannKendall([1, 3, 2, 5]);
    expect(r.s).toBe(4);
    expectClose(r.varS, 156 / 18, 1e-12);
    expectClose(r.z, 3 / Math.sqrt(156 / 18), 1e-12);
  });

  it('takes ties out of the variance: 1, 2, 2, 3 gives S = 5, Var(S) = (156 − 2·1·9)/18', () => {
    const r = mannKendall([1, 2, 2, 3]);
    expect(r.s).toBe(5);
    expectClose(r.varS, 138 / 18, 1e-12);
    expectClose(r.z, 4 / Math.sqrt(138 / 18), 1e-12);
  });

  it('gives Z = 0 and p = 1 for a flat series', () => {
    const r = mannKendall([2, 2, 2]);
    expect([r.s, r.z, r.p]).toEqual([0, 0, 1]);
  });
});

describe('classifyCell', () => {
  const zeros = (n: number) => Array<number>(n).fill(0);
  const flat = { trendZ: 0, trendP: 1 };
  const cases: [string, number[], { trendZ: number; trendP: number }, number][] = [
    ['new', [...zeros(9), 1], flat, code('new')],
    ['consecutive', [...zeros(7), 1, 1, 1], flat, code('consecutive')],
    ['intensifying', Array(10).fill(1), { trendZ: 3, trendP: 0.001 }, code('intensifying')],
    ['persistent', Array(10).fill(1), { trendZ: 1, trendP: 0.3 }, code('persistent')],
    ['diminishing', Array(10).fill(1), { trendZ: -3, trendP: 0.001 }, code('diminishing')],
    ['sporadic', [1, 0, 1, 0, 0, 1, 0, 0, 0, 1], flat, code('sporadic')],
    ['oscillating', [-1, 0, 1, 0, 0, 0, 0, 0, 0, 1], flat, code('oscillating')],
    ['historical', [...Array(9).fill(1), 0], flat, code('historical')],
    ['new cold spot', [...zeros(9), -1], flat, -code('new')],
    [
      'intensifying cold spot (z falling)',
      Array(10).fill(-1),
      { trendZ: -3, trendP: 0.001 },
      -code('intensifying'),
    ],
    ['no pattern', zeros(10), flat, 0],
    ['hot once after a cold spot: oscillating, not new', [-1, ...zeros(8), 1], flat, code('oscillating')],
  ];
  for (const [name, state, trend, want] of cases) {
    it(`classes ${state.join(',')} as ${name}`, () => {
      expect(patternLabel(classifyCell({ state, ...trend }, 0.05))).toBe(patternLabel(want));
    });
  }
});

describe('timeSlices and sliceIndex', () => {
  it('lays quarters back from the end on the calendar, the last ending at the end', () => {
    const end = Date.UTC(2026, 0, 1);
    const s = timeSlices(end, { unit: 'months', length: 3 }, 4);
    expect(s.map((x) => new Date(x.fromMs).toISOString().slice(0, 10))).toEqual([
      '2025-01-01',
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
    ]);
    expect(s[3].toMs).toBe(end);
    expect(
      Array.from(
        sliceIndex([Date.UTC(2024, 11, 31), Date.UTC(2025, 0, 1), Date.UTC(2025, 6, 15), end - 1, end], s),
      ),
    ).toEqual([-1, 0, 2, 3, -1]);
  });
});

/** Events on a 2 km square over `slices` 30-day slices: background, a steady cluster, an emerging one. */
function plantedRun(seed: number, slices: number, emerging: boolean) {
  const rng = createRandom(seed);
  const x: number[] = [];
  const y: number[] = [];
  const t: number[] = [];
  const day = 86_400_000;
  const end = slices * 30 * day;
  for (let s = 0; s < slices; s++) {
    const at = () => (s * 30 + rng.next() * 30) * day;
    for (let k = 0; k < 150; k++) {
      x.push(rng.next() * 2000);
      y.push(rng.next() * 2000);
      t.push(at());
    }
    for (let k = 0; k < 40; k++) {
      x.push(400 + rng.next() * 150);
      y.push(1400 + rng.next() * 150);
      t.push(at());
    }
    if (emerging && s === slices - 1) {
      for (let k = 0; k < 40; k++) {
        x.push(1500 + rng.next() * 150);
        y.push(400 + rng.next() * 150);
        t.push(at());
      }
    }
  }
  return { input: { x, y, timeMs: t }, end };
}

const cellAt = (x: number, y: number) => Math.floor(x / 100) + (19 - Math.floor(y / 100)) * 20;

describe('emergingHotspots', () => {
  const options = (end: number) => ({
    extent: { minX: 0, minY: 0, maxX: 2000, maxY: 2000 },
    cellSizeM: 100,
    distanceM: 150,
    endMs: end,
    slice: { unit: 'days' as const, length: 30 },
    slices: 8,
  });

  it('classes a cluster present in every slice persistent and one that appears in the last slice new', () => {
    const { input, end } = plantedRun(1, 8, true);
    const r = emergingHotspots(input, options(end));
    expect(patternLabel(r.pattern[cellAt(475, 1475)])).toBe('persistent hot spot');
    expect(patternLabel(r.pattern[cellAt(1575, 475)])).toBe('new hot spot');
    expect(r.rise[cellAt(1575, 475)]).toBe(1);
    expect(r.rise[cellAt(475, 1475)]).toBe(0);
    expect(r.z).toHaveLength(8);
    expect(r.eventsPerSlice[7]).toBe(230);
  });

  it('flags few false "new" hot spots or rises on stationary data: across seeds, ≤ 5 % of the cells hot in the last slice', () => {
    let falseNew = 0;
    let hotLast = 0;
    for (const seed of [2, 3, 4, 5, 6]) {
      const { input, end } = plantedRun(seed, 8, false);
      const r = emergingHotspots(input, options(end));
      for (let c = 0; c < r.pattern.length; c++) {
        if (r.pattern[c] === code('new') || r.rise[c] === 1) falseNew++;
        if (r.state[7][c] === 1) hotLast++;
      }
    }
    expect(hotLast).toBeGreaterThan(0);
    expect(falseNew).toBeLessThanOrEqual(0.05 * hotLast);
  });

  it('refuses day slices when some records are dated to the month only', () => {
    const { input, end } = plantedRun(1, 8, false);
    expect(() => emergingHotspots(input, { ...options(end), monthOnlyRecords: true })).toThrow(
      /whole months/,
    );
  });

  it('flags cells whose class changes with the slice length', () => {
    const { input, end } = plantedRun(1, 8, true);
    const a = emergingHotspots(input, options(end));
    const b = emergingHotspots(input, { ...options(end), slice: { unit: 'days', length: 60 }, slices: 4 });
    const check = compareSliceLengths(a, b);
    // The steady cluster stays persistent with either length; the emerging one is new in both.
    expect(Array.from(check.changed)).not.toContain(cellAt(475, 1475));
    expect(patternLabel(b.pattern[cellAt(1575, 475)])).toBe('new hot spot');
    for (const c of check.changed) expect(a.pattern[c]).not.toBe(b.pattern[c]);
  });
});
