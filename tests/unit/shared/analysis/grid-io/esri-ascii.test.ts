import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEsriAsciiGrid, writeEsriAsciiGrid } from '../../../../../shared/analysis/grid-io/esri-ascii.js';
import type { Grid } from '../../../../../shared/model/grid.js';
import { Random } from '../../../../../shared/util/random.js';

const fixture = readFileSync(new URL('./fixtures/tiny.asc', import.meta.url), 'utf8');

/** Row 0 is north: the first data line of the file. */
const tiny: Grid = {
  width: 3,
  height: 2,
  originX: 530_000,
  originY: 180_000,
  cellSizeM: 50,
  values: Float64Array.of(1.5, 0, Number.NaN, 0.12345678912345, 12, 1e-7),
};

describe('writeEsriAsciiGrid', () => {
  it('writes the golden tiny grid: header, rows north to south, NaN as NODATA, 10 significant digits', () => {
    expect(writeEsriAsciiGrid(tiny)).toBe(fixture);
  });

  it('refuses a value equal to NODATA_value and a values array of the wrong length', () => {
    expect(() => writeEsriAsciiGrid({ ...tiny, values: Float64Array.of(-9999, 0, 0, 0, 0, 0) })).toThrow(
      /equals NODATA_value -9999/,
    );
    expect(() => writeEsriAsciiGrid({ ...tiny, values: new Float64Array(5) })).toThrow(/5 values for 3 × 2/);
  });

  it('writes a grid of several chunks byte for byte as rows of toPrecision text joined by spaces', () => {
    const random = new Random(5);
    const width = 700;
    const height = 300;
    const values = new Float64Array(width * height);
    for (let i = 0; i < values.length; i++) {
      const u = random.uniform(0, 1);
      values[i] = u < 0.5 ? 0 : u < 0.52 ? Number.NaN : random.uniform(0, 1) * 10 ** random.int(-3, 7);
    }
    const grid: Grid = { width, height, originX: 0, originY: 0, cellSizeM: 10, values };
    const rows: string[] = [];
    for (let r = 0; r < height; r++) {
      const cells = Array.from(values.subarray(r * width, (r + 1) * width), (v) =>
        Number.isNaN(v) ? '-9999' : String(Number(v.toPrecision(10))),
      );
      rows.push(`${cells.join(' ')}\n`);
    }
    const header = 'ncols 700\nnrows 300\nxllcorner 0\nyllcorner 0\ncellsize 10\nNODATA_value -9999\n';
    expect(writeEsriAsciiGrid(grid) === header + rows.join('')).toBe(true);
  });

  it('round-trips doubles exactly with 17 significant digits', () => {
    const grid = { ...tiny, values: Float64Array.of(Math.PI, 1 / 3, Number.NaN, 2e-300, 123456.789, 0) };
    const back = readEsriAsciiGrid(writeEsriAsciiGrid(grid, { significantDigits: 17 }));
    expect(Array.from(back.values)).toEqual(Array.from(grid.values));
  });
});

describe('readEsriAsciiGrid', () => {
  it('reads the golden fixture back into the grid layout, NODATA as NaN', () => {
    const grid = readEsriAsciiGrid(fixture);
    expect([grid.width, grid.height, grid.originX, grid.originY, grid.cellSizeM, grid.nodata]).toEqual([
      3, 2, 530_000, 180_000, 50, -9999,
    ]);
    expect(Array.from(grid.values)).toEqual([1.5, 0, Number.NaN, 0.1234567891, 12, 1e-7]);
  });

  it('accepts xllcenter/yllcenter and lower-case keys', () => {
    const grid = readEsriAsciiGrid('NCOLS 1\nnrows 1\nxllcenter 25\nyllcenter 75\ncellsize 50\n3\n');
    expect([grid.originX, grid.originY, grid.values[0]]).toEqual([0, 50, 3]);
  });

  it('refuses a file whose value count does not match ncols × nrows', () => {
    expect(() =>
      readEsriAsciiGrid('ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n'),
    ).toThrow(/3 values for 2 × 2 cells/);
  });
});
