/**
 * Data exports of a profile's analyses (issues 6 and 12), one module per file kind under exports/:
 * hotspots (GeoJSON Polygons, CSV), near-repeat chains (GeoJSON Points per member event, CSV per
 * chain), risk zones (GeoJSON Polygons), the density surface (ESRI ASCII grid + .prj), the
 * "<file>.provenance.txt" sidecar of each CSV and grid, and the data dictionary. GeoJSON is RFC 7946
 * (WGS84, right-hand rule, no crs member); CSV has its header on line 1, a BOM, formula-safe cells.
 * Only hotspots the data support are exported; chains carry crime references and their flag.
 */
export { chainMembersGeoJson, chainsCsv } from './exports/chains.js';
export { DATA_DICTIONARY, dataDictionaryText } from './exports/data-dictionary.js';
export { hotspotsCsv, hotspotsGeoJson } from './exports/hotspots.js';
export { withExportCsp } from './exports/html-csp.js';
export { type ExportProvenance, provenanceLines, withCaveats } from './exports/provenance.js';
export { riskZonesGeoJson } from './exports/risk-zones.js';
export { DATA_DICTIONARY_FILE, SIDECAR_SUFFIX, sidecarName, sidecarText } from './exports/sidecar.js';
export { surfaceAbout, surfaceAsc } from './exports/surface.js';
