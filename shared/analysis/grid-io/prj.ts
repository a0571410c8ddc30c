/**
 * The ".prj" beside an ESRI ASCII grid: GDAL's AAIGrid driver, QGIS and ArcGIS read the grid's CRS
 * from the file of the same name with the extension .prj (surface.asc → surface.prj), in ESRI WKT
 * (shared/crs/wkt.ts). Without it a GIS opens the grid with an unknown CRS (issue 12).
 */
import { esriWkt } from '../../crs/wkt.js';

/** surface.asc → surface.prj; a path without an extension gets ".prj" added. */
export function prjPathFor(gridPath: string): string {
  const match = /^(.*[^/\\])\.[^./\\]+$/.exec(gridPath);
  return `${match ? match[1] : gridPath}.prj`;
}

/** The .prj text of a project CRS, or why none can be written (a proj4 string, an unlisted code). */
export function prjFor(crs: string): { text: string } | { reason: string } {
  const wkt = esriWkt(crs);
  if (wkt !== null) return { text: `${wkt}\n` };
  return {
    reason: `No .prj written: the CRS ${crs} has no EPSG code with a known ESRI WKT; set the layer's CRS by hand in the GIS (its definition is in the grid's provenance note).`,
  };
}
