import { describe, expect, it } from 'vitest';
import {
  cellAt,
  legendRows,
  patternColour,
  workingLines,
} from '../../../../renderer/src/panels/emerging-view.js';
import type { EmergingCell } from '../../../../shared/api/tasking-api.js';

describe('patternColour and legendRows', () => {
  it('colours hot and cold patterns apart and leaves no pattern clear', () => {
    expect(patternColour(0)).toBeNull();
    expect(patternColour(99)).toBeNull();
    const hot = patternColour(4);
    const cold = patternColour(-4);
    expect(hot).toMatch(/^#[0-9a-f]{6}$/);
    expect(cold).toMatch(/^#[0-9a-f]{6}$/);
    expect(hot).not.toBe(cold);
  });

  it('lists the patterns present, hot before cold, with their cell counts', () => {
    const rows = legendRows({ 'persistent cold spot': 2, 'new hot spot': 3, 'persistent hot spot': 5 });
    expect(rows.map((r) => `${r.label} ${r.cells}`)).toEqual([
      'new hot spot 3',
      'persistent hot spot 5',
      'persistent cold spot 2',
    ]);
  });
});

describe('cellAt', () => {
  // 3 columns × 2 rows of 100 m from (1000, 2000): row 0 is the north row (y 2100–2200).
  const grid = { width: 3, height: 2, originX: 1000, originY: 2000, cellSizeM: 100 };
  it('finds the cell with rows north to south', () => {
    expect(cellAt(grid, 1050, 2150)).toBe(0);
    expect(cellAt(grid, 1250, 2150)).toBe(2);
    expect(cellAt(grid, 1050, 2050)).toBe(3);
    expect(cellAt(grid, 1299, 2001)).toBe(5);
  });
  it('gives null outside the grid', () => {
    expect(cellAt(grid, 999, 2050)).toBeNull();
    expect(cellAt(grid, 1300, 2050)).toBeNull();
    expect(cellAt(grid, 1050, 2200)).toBeNull();
  });
});

describe('workingLines', () => {
  const cell: EmergingCell = {
    cell: 4,
    x: 1150,
    y: 2050,
    pattern: 'intensifying hot spot',
    rise: true,
    zSeries: [null, 1.5, 3.25],
    counts: [0, 3, 9],
    trendZ: 2.1,
    trendP: 0.036,
    checkPattern: 'consecutive hot spot',
  };
  const slices = [
    { from: '2025-01-01', to: '2025-03-31' },
    { from: '2025-04-01', to: '2025-06-30' },
    { from: '2025-07-01', to: '2025-09-30' },
  ];
  it('gives each slice its events and z in dd/mm/yyyy, then the trend and the check', () => {
    const lines = workingLines(cell, slices, '1 month');
    expect(lines).toEqual([
      '01/01/2025 to 31/03/2025: 0 events, Gi* z not defined',
      '01/04/2025 to 30/06/2025: 3 events, Gi* z 1.50',
      '01/07/2025 to 30/09/2025: 9 events, Gi* z 3.25',
      'Rising: its count in the last slice is significantly above the earlier slices (exact Poisson test, BH), whatever its class.',
      'Mann–Kendall trend of the z series: z 2.10, p 0.036 (a significant rising trend).',
      'With slices of 1 month the cell is classed consecutive hot spot instead: read its class with care.',
    ]);
  });
  it('says when the class holds with the other slice length', () => {
    const lines = workingLines(
      { ...cell, checkPattern: cell.pattern, trendP: 0.2, rise: false },
      slices,
      '1 month',
    );
    expect(lines[3]).toContain('(no significant trend)');
    expect(lines[4]).toBe('With slices of 1 month the cell is classed the same (intensifying hot spot).');
  });
});
