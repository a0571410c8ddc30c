import { describe, expect, it } from 'vitest';
import { findChains } from '../../../../../shared/analysis/chains/chains.js';
import { Random } from '../../../../../shared/util/random.js';

/** Background events spread over 10 km × 10 km and a year, plus planted series (near in space and time). */
function plantedTown(seed: number) {
  const random = new Random(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  const days: number[] = [];
  for (let i = 0; i < 300; i++) {
    xs.push(400000 + random.uniform(0, 10000));
    ys.push(200000 + random.uniform(0, 10000));
    days.push(19000 + random.int(0, 365));
  }
  const series: number[][] = [];
  for (let s = 0; s < 6; s++) {
    const cx = 401000 + s * 1500;
    const cy = 201000 + s * 1400;
    let day = 19000 + random.int(0, 330);
    const members: number[] = [];
    const size = random.int(3, 9);
    for (let k = 0; k < size; k++) {
      members.push(xs.length);
      xs.push(cx + random.uniform(-40, 40));
      ys.push(cy + random.uniform(-40, 40));
      days.push(day);
      day += random.int(0, 4);
    }
    series.push(members);
  }
  return {
    events: { x: Float64Array.from(xs), y: Float64Array.from(ys), day: Int32Array.from(days) },
    series,
  };
}

/** Connected components of size ≥ 3 by breadth-first search over all pairs (O(n²) reference). */
function bruteComponents(
  x: Float64Array,
  y: Float64Array,
  day: Int32Array,
  distanceM: number,
  days: number,
): number[][] {
  const n = x.length;
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    const component = [s];
    for (let q = 0; q < component.length; q++) {
      const i = component[q];
      for (let j = 0; j < n; j++) {
        if (seen[j]) continue;
        if (Math.hypot(x[i] - x[j], y[i] - y[j]) < distanceM && Math.abs(day[i] - day[j]) < days) {
          seen[j] = 1;
          component.push(j);
        }
      }
    }
    if (component.length >= 3) out.push(component.sort((a, b) => a - b));
  }
  return out;
}

describe('findChains', () => {
  it('recovers every planted series as one chain', () => {
    const { events, series } = plantedTown(11);
    const chains = findChains(events, { distanceM: 150, days: 7 });
    for (const members of series) {
      const holding = chains.filter((c) => members.some((m) => c.members.includes(m)));
      expect(holding.length).toBe(1);
      expect(members.every((m) => holding[0].members.includes(m))).toBe(true);
    }
  });

  it('equals the connected components of an O(n²) link search', () => {
    for (const seed of [1, 2, 3]) {
      const { events } = plantedTown(seed);
      for (const [distanceM, days] of [
        [150, 7],
        [400, 14],
        [1000, 30],
      ]) {
        const chains = findChains(events, { distanceM, days });
        const fast = chains.map((c) => [...c.members].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
        const brute = bruteComponents(events.x, events.y, events.day, distanceM, days).sort(
          (a, b) => a[0] - b[0],
        );
        expect(fast, `seed ${seed}, ${distanceM} m, ${days} days`).toEqual(brute);
      }
    }
  });

  it('links strictly: 100 m apart does not link at distanceM 100, and 7 days apart does not link at days 7', () => {
    // 0–1 are 100 m apart on one day; 1–2 are 50 m apart 7 days apart.
    const events = {
      x: Float64Array.from([0, 100, 100]).map((v) => v + 500000),
      y: Float64Array.from([0, 0, 50]).map((v) => v + 200000),
      day: Int32Array.from([10, 10, 17]),
    };
    expect(findChains(events, { distanceM: 100, days: 7 })).toEqual([]);
    expect(findChains(events, { distanceM: 100.001, days: 7 })).toEqual([]);
    expect(findChains(events, { distanceM: 100.001, days: 8 }).map((c) => c.members)).toEqual([[0, 1, 2]]);
  });

  it('leaves a lone linked pair out: a chain has three or more events', () => {
    const events = {
      x: Float64Array.from([500000, 500010, 600000, 600010, 600020]),
      y: Float64Array.from([200000, 200000, 200000, 200000, 200000]),
      day: Int32Array.from([1, 2, 1, 2, 3]),
    };
    expect(findChains(events, { distanceM: 100, days: 7 }).map((c) => c.members)).toEqual([[2, 3, 4]]);
  });

  it('reports size, days, span, centroid, hull area and links of a chain', () => {
    const events = {
      x: Float64Array.from([500000, 500100, 500100, 500000, 500050]),
      y: Float64Array.from([200000, 200000, 200100, 200100, 200050]),
      day: Int32Array.from([20, 22, 25, 27, 23]),
    };
    const [chain] = findChains(events, { distanceM: 150, days: 4 });
    expect(chain).toMatchObject({
      id: 1,
      size: 5,
      origin: 0,
      firstDay: 20,
      lastDay: 27,
      spanDays: 7,
      members: [0, 1, 4, 2, 3],
      areaM2: 10000,
      centroidX: 500050,
      centroidY: 200050,
    });
    // Links (d < 150, Δ < 4): 0–1, 0–4, 1–2, 1–4, 2–3, 2–4, 3–4? (Δ 4: no) → 6.
    expect(chain.links).toBe(6);
  });

  it('gives area 0 to a collinear chain', () => {
    const events = {
      x: Float64Array.from([500000, 500050, 500100]),
      y: Float64Array.from([200000, 200050, 200100]),
      day: Int32Array.from([1, 2, 3]),
    };
    expect(findChains(events, { distanceM: 100, days: 7 })[0].areaM2).toBe(0);
  });

  it('breaks a same-day tie for the origin by the natural order of references (CR/9 before CR/10)', () => {
    const events = {
      x: Float64Array.from([500030, 500000, 500060]),
      y: Float64Array.from([200000, 200000, 200000]),
      day: Int32Array.from([5, 5, 6]),
    };
    const [chain] = findChains(events, {
      distanceM: 100,
      days: 2,
      references: ['CR/10/26', 'CR/9/26', 'CR/1/26'],
    });
    expect(chain.origin).toBe(1);
    expect(chain.members).toEqual([1, 0, 2]);
  });

  it('breaks a same-day tie for the origin by reference, then by lower input index', () => {
    const events = {
      x: Float64Array.from([500030, 500000, 500060]),
      y: Float64Array.from([200000, 200000, 200000]),
      day: Int32Array.from([5, 5, 5]),
    };
    expect(findChains(events, { distanceM: 100, days: 1 })[0].origin).toBe(0);
    const references = ['CR/0042', 'CR/0007', null];
    const [chain] = findChains(events, { distanceM: 100, days: 1, references });
    expect(chain.origin).toBe(1);
    expect(chain.members).toEqual([1, 0, 2]);
  });

  it('numbers chains in the order of their origins', () => {
    const events = {
      x: Float64Array.from([600000, 600010, 600020, 500000, 500010, 500020]),
      y: Float64Array.from([200000, 200000, 200000, 200000, 200000, 200000]),
      day: Int32Array.from([50, 51, 52, 10, 11, 12]),
    };
    const chains = findChains(events, { distanceM: 100, days: 7 });
    expect(chains.map((c) => [c.id, c.origin])).toEqual([
      [1, 3],
      [2, 0],
    ]);
  });

  it('refuses degree coordinates and bad thresholds', () => {
    const events = {
      x: Float64Array.from([-1.2, -1.3]),
      y: Float64Array.from([52, 52]),
      day: Int32Array.from([1, 2]),
    };
    expect(() => findChains(events, { distanceM: 100, days: 7 })).toThrow(/project them to metres first/);
    const ok = { x: Float64Array.from([500000]), y: Float64Array.from([200000]), day: Int32Array.from([1]) };
    expect(() => findChains(ok, { distanceM: 0, days: 7 })).toThrow(/distanceM must be > 0/);
    expect(() => findChains(ok, { distanceM: 100, days: 0.5 })).toThrow(/days must be/);
  });
});
