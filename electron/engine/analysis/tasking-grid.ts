/**
 * The grid the tasking statistics (Gi*, emerging hot spots, concentration) count events on, chosen
 * once for all three: the analyst's extent and cell size, or by default the events' bounding box
 * laid from its lower-left corner with cells of a fiftieth of its shorter side (coarser than the
 * KDE's /150, so cells hold counts rather than single events), and the distance band by
 * shared/analysis/gistar/distance-band.ts. Events outside the extent are counted by the caller.
 */
import { type DistanceBand, suggestDistanceBand } from '../../../shared/analysis/gistar/distance-band.js';
import { boundingBox, type Extent } from '../../../shared/analysis/kde/extent.js';
import { ApiError } from '../../../shared/api/errors.js';

export const DEFAULT_CELLS_PER_SHORT_SIDE = 50;

export interface TaskingGrid {
  extent: Extent;
  cellSizeM: number;
  distanceM: number;
  distanceSuggested: boolean;
  suggestion: DistanceBand;
}

export function taskingGrid(
  x: Float64Array,
  y: Float64Array,
  request: { cellSizeM?: number | undefined; distanceM?: number | undefined; extent?: Extent | undefined },
): TaskingGrid {
  const box = request.extent ?? boundingBox(x, y);
  if (!box)
    throw new ApiError('refused', 'No point records match the filter: widen the filter or import point data');
  const shorter = Math.min(box.maxX - box.minX, box.maxY - box.minY);
  const cellSizeM = request.cellSizeM ?? (shorter > 0 ? shorter / DEFAULT_CELLS_PER_SHORT_SIDE : Number.NaN);
  if (!(cellSizeM > 0))
    throw new ApiError(
      'refused',
      'All the records are at one place or on one line: give a cell size and an extent',
    );
  // The default extent is the box grown to whole cells, so the last row and column are full cells.
  const extent = request.extent ?? {
    minX: box.minX,
    minY: box.minY,
    maxX: box.minX + Math.max(1, Math.ceil((box.maxX - box.minX) / cellSizeM)) * cellSizeM,
    maxY: box.minY + Math.max(1, Math.ceil((box.maxY - box.minY) / cellSizeM)) * cellSizeM,
  };
  const suggestion = suggestDistanceBand(x, y, cellSizeM);
  return {
    extent,
    cellSizeM,
    distanceM: request.distanceM ?? suggestion.distanceM,
    distanceSuggested: request.distanceM === undefined,
    suggestion,
  };
}

/** "120 events outside the grid's extent were left out." or nothing. */
export function outsideCaveat(outside: number): string[] {
  return outside > 0 ? [`${outside} events outside the grid's extent were left out and counted here.`] : [];
}
