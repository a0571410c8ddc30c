/**
 * The density surface as an ESRI ASCII grid (shared/analysis/grid-io/esri-ascii.ts), with its .prj
 * (grid-io/prj.ts) and what its sidecar says about it: the unit, the CRS, the cell layout and what
 * NODATA means. An ESRI grid has no room for metadata, so the sidecar carries the marking.
 */
import { DEFAULT_NODATA, writeEsriAsciiGrid } from '../../analysis/grid-io/esri-ascii.js';
import type { KdeRunResult } from '../../api/analysis-api.js';

export function surfaceAsc(kde: KdeRunResult): string {
  return writeEsriAsciiGrid(kde.grid);
}

/** Sentences for the grid's sidecar: what each cell holds and where the grid lies. */
export function surfaceAbout(kde: KdeRunResult, prjNote: string): string[] {
  const g = kde.grid;
  return [
    `Kernel density surface: each cell holds the density at its centre in ${kde.unit}.`,
    `Grid: ${g.width} columns × ${g.height} rows of ${g.cellSizeM} m cells, lower-left corner at (${g.originX}, ${g.originY}) in ${kde.provenance.crs}; rows run north to south.`,
    `Cells outside the study area are NODATA (${DEFAULT_NODATA}).`,
    prjNote,
  ];
}
