/**
 * Pure parts of the Emerging hot spots panel (issue 13 item 3): the colour of each pattern code
 * (classify.ts: +k hot PATTERNS[k], −k cold, 0 none), the legend rows, which grid cell holds a point,
 * and a cell's working in words (its Gi* series, counts and Mann–Kendall trend, and its class with the
 * other slice length).
 */
import { PATTERNS, patternLabel } from '../../../shared/analysis/emerging/classify.js';
import type { EmergingCell } from '../../../shared/api/tasking-api.js';
import type { Grid } from '../../../shared/model/grid.js';
import { formatDecimal, formatP } from '../../../shared/profile/format.js';
import { isoToUk } from './uk-date.js';

/** Hot patterns warm, cold ones cool; the more settled the pattern, the deeper the colour. */
const HOT: Record<string, string> = {
  new: '#fdd0a2',
  consecutive: '#fdae6b',
  intensifying: '#a50f15',
  persistent: '#de2d26',
  diminishing: '#fb6a4a',
  sporadic: '#fee391',
  oscillating: '#d9a3c7',
  historical: '#bdbdbd',
};
const COLD: Record<string, string> = {
  new: '#c6dbef',
  consecutive: '#9ecae1',
  intensifying: '#08519c',
  persistent: '#3182bd',
  diminishing: '#6baed6',
  sporadic: '#c7e9c0',
  oscillating: '#bcbddc',
  historical: '#d9d9d9',
};

/** "#rrggbb" of a pattern code, null for no pattern. */
export function patternColour(code: number): string | null {
  if (code === 0) return null;
  const name = PATTERNS[Math.abs(code)];
  if (name === undefined) return null;
  return (code > 0 ? HOT : COLD)[name] ?? null;
}

/** Legend rows for the patterns present, hot ones first in the order of PATTERNS, then cold. */
export function legendRows(
  counts: Record<string, number>,
): { label: string; colour: string; cells: number }[] {
  const rows: { label: string; colour: string; cells: number }[] = [];
  for (const sign of [1, -1])
    for (let k = 1; k < PATTERNS.length; k++) {
      const label = patternLabel(sign * k);
      const cells = counts[label] ?? 0;
      if (cells > 0) rows.push({ label, colour: patternColour(sign * k)!, cells });
    }
  return rows;
}

/** The grid index of the cell holding (x, y), rows north to south; null outside the grid. */
export function cellAt(grid: Omit<Grid, 'values'>, x: number, y: number): number | null {
  const col = Math.floor((x - grid.originX) / grid.cellSizeM);
  const rowFromSouth = Math.floor((y - grid.originY) / grid.cellSizeM);
  if (col < 0 || col >= grid.width || rowFromSouth < 0 || rowFromSouth >= grid.height) return null;
  return col + (grid.height - 1 - rowFromSouth) * grid.width;
}

/** One line per slice ("01/01/2025 to 31/03/2025: 4 events, Gi* z 2.31") and the trend and check. */
export function workingLines(
  cell: EmergingCell,
  slices: readonly { from: string; to: string }[],
  checkSliceLabel: string,
): string[] {
  const perSlice = slices.map((s, i) => {
    const z = cell.zSeries[i];
    return `${isoToUk(s.from)} to ${isoToUk(s.to)}: ${cell.counts[i] ?? 0} events, Gi* z ${z === null || z === undefined ? 'not defined' : formatDecimal(z, 2)}`;
  });
  const trend =
    cell.trendP <= 0.05
      ? `a significant ${cell.trendZ > 0 ? 'rising' : 'falling'} trend`
      : 'no significant trend';
  const same = cell.checkPattern === cell.pattern;
  return [
    ...perSlice,
    ...(cell.rise
      ? [
          'Rising: its count in the last slice is significantly above the earlier slices (exact Poisson test, BH), whatever its class.',
        ]
      : []),
    `Mann–Kendall trend of the z series: z ${formatDecimal(cell.trendZ, 2)}, p ${formatP(cell.trendP)} (${trend}).`,
    same
      ? `With slices of ${checkSliceLabel} the cell is classed the same (${cell.checkPattern}).`
      : `With slices of ${checkSliceLabel} the cell is classed ${cell.checkPattern} instead: read its class with care.`,
  ];
}
