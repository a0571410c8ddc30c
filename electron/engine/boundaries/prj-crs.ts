/**
 * The CRS of a shapefile's .prj (ESRI WKT) or a GeoJSON `crs` member, as a code the bundled CRS list
 * (shared/crs/definitions.ts) knows. We map rather than hand the WKT to proj4 because ESRI's WKT for
 * British National Grid carries no datum shift: proj4 would then put OSGB36 points about 100 m off.
 * Unknown definitions return null, and the analyst is asked for the CRS.
 */
import { findCrs } from '../../../shared/crs/definitions.js';

export function crsFromPrj(wkt: string): string | null {
  const text = wkt.trim();
  if (text === '') return null;
  // The outermost AUTHORITY is the last one in the string (nested ones come first).
  const authorities = [...text.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = authorities.at(-1);
  if (last && findCrs(`EPSG:${last[1]}`)) return `EPSG:${last[1]}`;
  const projected = /^PROJCS\[/i.test(text);
  if (projected && /OSGB|British_National_Grid/i.test(text) && /Transverse_Mercator/i.test(text))
    return 'EPSG:27700';
  if (!projected && /^GEOGCS\[/i.test(text) && /WGS[_ ]?(19)?84/i.test(text)) return 'EPSG:4326';
  return null;
}

/** GeoJSON 2008 `crs` names: "urn:ogc:def:crs:EPSG::27700", "EPSG:27700", "urn:ogc:def:crs:OGC:1.3:CRS84". */
export function crsFromGeoJsonName(name: string): string | null {
  if (/CRS84$/i.test(name)) return 'EPSG:4326';
  const match = /EPSG:{1,2}(\d+)$/i.exec(name.trim());
  return match && findCrs(`EPSG:${match[1]}`) ? `EPSG:${match[1]}` : null;
}
