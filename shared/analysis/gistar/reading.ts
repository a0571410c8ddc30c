/**
 * How far a Gi* result can be read (issue 17–20 of the JAG review): the words every Gi* output (CLI,
 * service caveats, panel) states beside the bin counts, so one run is not over-read.
 *
 * - Study area: x̄ and S are over every cell of the study area, empty ones included, so the same
 *   events over a larger, emptier extent give a lower mean and more hot cells.
 * - Cold spots: the most negative z a cell with W neighbours can reach is that of a neighbourhood of
 *   all zeros, z_min = (0 − x̄ W) / (S √((n W − W²)/(n − 1))). If z_min for the typical W (the median
 *   over the study area) is above −1.645 (two-sided p = 0.10 before any adjustment), no cold spot can
 *   reach 90 % and their absence says nothing.
 * - Distance band: whether the suggested band is the ANN distance or the 1.5-cell floor.
 * - Too many hot cells to task: more than 5 % of the study area's cells.
 */
import { formatCount, formatDecimal, formatMetres, formatShare } from '../../profile/format.js';
import type { DistanceBand } from './distance-band.js';

/** |z| of two-sided p = 0.10, the weakest class (90 %) before the BH adjustment. */
export const Z_90 = 1.6448536269514722;
/** Hot cells above this share of the study area are too many to task. */
export const HOT_SHARE_LIMIT = 0.05;

/** The Gi* z of a cell with `w` neighbours (itself included) that all hold 0 events. */
export function lowestPossibleZ(cells: number, mean: number, sd: number, w: number): number {
  const spread = sd * Math.sqrt((cells * w - w * w) / (cells - 1));
  return spread > 0 ? (-mean * w) / spread : Number.NaN;
}

/** The median neighbour count W_i over the study area's cells (those with W_i > 0). */
export function typicalNeighbours(neighbours: ArrayLike<number>): number {
  const inside: number[] = [];
  for (let i = 0; i < neighbours.length; i++) if (neighbours[i]! > 0) inside.push(neighbours[i]!);
  if (inside.length === 0) return 0;
  inside.sort((a, b) => a - b);
  return inside[Math.floor((inside.length - 1) / 2)]!;
}

export interface GiStarReadingInput {
  cells: number;
  mean: number;
  sd: number;
  /** W_i per cell (0 outside the study area). */
  neighbours: ArrayLike<number>;
  /** Cells per bin, keyed −3 … 3 (classes.ts binCounts). */
  bins: Record<string, number>;
}

const minus = (text: string) => text.replace('-', '−');

export function studyAreaCaveat(cells: number, mean: number, sd: number): string {
  return `Results depend on the study area: the mean (${formatDecimal(mean, 2)} events per cell) and SD (${formatDecimal(sd, 2)}) are over all ${formatCount(cells)} cells of the grid, empty ones included, so the same events over a larger, emptier area give more hot cells. Compare runs only over the same area.`;
}

/** Why there are (or can be) no cold spots; null when a cold spot can reach 90 %. */
export function coldSpotNote(
  input: Pick<GiStarReadingInput, 'cells' | 'mean' | 'sd' | 'neighbours'>,
): string | null {
  const w = typicalNeighbours(input.neighbours);
  const zMin = lowestPossibleZ(input.cells, input.mean, input.sd, w);
  if (!Number.isFinite(zMin) || zMin <= -Z_90) return null;
  return minus(
    `Cold spots cannot reach 90 % here: the lowest possible z is ${formatDecimal(zMin, 1)} (a typical cell and its ${w - 1} neighbours all empty), and 90 % needs z below −1.64 even before the adjustment for many cells. No cold spots says nothing about where crime is low.`,
  );
}

/** How the suggested band was reached: the ANN distance or the 1.5-cell floor. */
export function bandNote(suggestion: DistanceBand, cellSizeM: number): string {
  const floor = formatMetres(1.5 * cellSizeM);
  if (suggestion.annM === null)
    return `Suggested distance band ${formatMetres(suggestion.distanceM)}: fewer than 2 distinct event locations, so 1.5 cells (${floor}) used.`;
  if (suggestion.annM < 1.5 * cellSizeM)
    return `Suggested distance band ${formatMetres(suggestion.distanceM)}: the average nearest-neighbour distance (${formatMetres(suggestion.annM)}) is under 1.5 cells, so 1.5 cells (${floor}) used, the least that gives each cell its 8 touching neighbours.`;
  return `Suggested distance band ${formatMetres(suggestion.distanceM)}: the average nearest-neighbour distance of the distinct event locations.`;
}

/** A warning when hot cells are more than 5 % of the study area; null otherwise. */
export function hotShareNote(bins: Record<string, number>, cells: number): string | null {
  const hot = (bins['1'] ?? 0) + (bins['2'] ?? 0) + (bins['3'] ?? 0);
  if (cells <= 0 || hot / cells <= HOT_SHARE_LIMIT) return null;
  return `${formatCount(hot)} of ${formatCount(cells)} cells (${formatShare(hot / cells)}) are hot: too many to task. Try a narrower distance band or a smaller study area.`;
}

/** Exclusive classes, e.g. "99 %: 3, 95–99 %: 5, 90–95 %: 2" (a cell is in one class only). */
export function exclusiveBins(bins: Record<string, number>, sign: 1 | -1): string {
  const at = (b: number) => formatCount(bins[String(sign * b)] ?? 0);
  return `99 %: ${at(3)}, 95–99 %: ${at(2)}, 90–95 %: ${at(1)}`;
}

/** The notes of a run on the study area and the classes, for the caveats, the CLI and the panel. */
export function giStarReadingNotes(input: GiStarReadingInput): string[] {
  const notes = [studyAreaCaveat(input.cells, input.mean, input.sd)];
  const cold = coldSpotNote(input);
  if (cold) notes.push(cold);
  const hot = hotShareNote(input.bins, input.cells);
  if (hot) notes.push(hot);
  return notes;
}
