import { describe, expect, it } from 'vitest';
import {
  checkCoordinatesAndWeights,
  checkGridSize,
  checkPositiveFinite,
  findStrayPoints,
  MAX_GRID_CELLS,
} from '../../../../../shared/analysis/kde/guard-rails.js';
import { kernelDensity } from '../../../../../shared/analysis/kde/kde.js';
import { Random } from '../../../../../shared/util/random.js';

function town(n: number, seed: number) {
  const random = new Random(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = random.uniform(525_000, 535_000);
    y[i] = random.uniform(175_000, 185_000);
  }
  return { x, y };
}

describe('checkPositiveFinite', () => {
  it('refuses bandwidthM -5, 0, NaN and Infinity with the parameter named', () => {
    expect(() => checkPositiveFinite('bandwidthM', -5)).toThrow(
      'bandwidthM must be a finite number > 0, got -5',
    );
    expect(() => checkPositiveFinite('cellSizeM', 0)).toThrow(RangeError);
    expect(() => checkPositiveFinite('cellSizeM', Number.NaN)).toThrow(/got NaN/);
    expect(() => checkPositiveFinite('cellSizeM', Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
    expect(() => checkPositiveFinite('cellSizeM', 0.5)).not.toThrow();
  });
});

describe('checkGridSize', () => {
  it('accepts exactly 25 million cells and refuses one row more, saying which cell size fits', () => {
    expect(() => checkGridSize(5000, 5000, 10)).not.toThrow();
    expect(() => checkGridSize(5000, 5001, 10)).toThrow(
      /more than 25,000,000: use a cellSizeM of at least 11 m/,
    );
    expect(MAX_GRID_CELLS).toBe(25_000_000);
  });

  it('refuses a KDE whose grid would be too big before doing any work', () => {
    const events = town(100, 1);
    expect(() => kernelDensity(events, { cellSizeM: 1, bandwidthM: 50 })).toThrow(
      /cells, more than 25,000,000/,
    );
  });
});

describe('checkCoordinatesAndWeights', () => {
  it('names the first non-finite coordinate and negative weight', () => {
    expect(() =>
      checkCoordinatesAndWeights(Float64Array.of(1, Number.NaN, 3), Float64Array.of(1, 2, 3)),
    ).toThrow('1 event(s) have no finite x/y, first at index 1');
    expect(() =>
      checkCoordinatesAndWeights(Float64Array.of(1, 2), Float64Array.of(1, 2), Float64Array.of(1, -2)),
    ).toThrow(/negative or non-finite weight, first at index 1 \(weight -2\)/);
  });
});

describe('findStrayPoints', () => {
  it('finds a point at 0,0 among British National Grid points, by index', () => {
    const { x, y } = town(500, 2);
    x[137] = 0;
    y[137] = 0;
    expect(findStrayPoints(x, y)).toEqual([137]);
  });

  it('does not flag outlying villages 15 km from a 10 km town', () => {
    const { x, y } = town(500, 3);
    x[10] = 550_000;
    y[11] = 160_000;
    expect(findStrayPoints(x, y)).toEqual([]);
  });

  it('makes the KDE refuse, naming the index, unless an explicit extent is given', () => {
    const { x, y } = town(200, 4);
    x[42] = 0;
    y[42] = 0;
    expect(() => kernelDensity({ x, y }, { cellSizeM: 100, bandwidthM: 300 })).toThrow(
      /1 event\(s\) lie far from the rest: #42 \(0, 0\)/,
    );
    const extent = { minX: 525_000, minY: 175_000, maxX: 535_000, maxY: 185_000 };
    const surface = kernelDensity(
      { x, y },
      { cellSizeM: 100, bandwidthM: 300, extent, excludeOutside: true },
    );
    expect(surface.counts.excludedOutside).toBe(1);
  });
});
