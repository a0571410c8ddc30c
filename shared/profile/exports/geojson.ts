/**
 * The FeatureCollection of every GeoJSON export (RFC 7946): WGS84 longitude/latitude, no `crs`
 * member (§4: not allowed), one geometry type per file (a GIS opens a file as one layer of one type),
 * and two foreign members (§6.1): `protective_marking` and `provenance`. Each feature also carries the
 * marking as a property, so it survives a GIS copying the layer to a format without foreign members.
 */
import type { CellValue } from './fields.js';
import { round } from './fields.js';
import type { ExportProvenance } from './provenance.js';

export interface ExportFeature<G extends 'Point' | 'Polygon'> {
  id: string | number;
  properties: Record<string, CellValue>;
  geometry: { type: G; coordinates: G extends 'Point' ? number[] : number[][][] };
}

/** lon/lat rounded to 7 decimals (about 1 cm): more would be false precision. */
export function lonLat([lon, lat]: readonly [number, number] | readonly number[]): number[] {
  return [round(lon!, 7), round(lat!, 7)];
}

export function featureCollectionText<G extends 'Point' | 'Polygon'>(
  provenance: ExportProvenance,
  features: readonly ExportFeature<G>[],
): string {
  const { marking, ...rest } = provenance;
  return `${JSON.stringify({
    type: 'FeatureCollection',
    protective_marking: marking,
    provenance: rest,
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: { ...f.properties, protective_marking: marking },
      geometry: f.geometry,
    })),
  })}\n`;
}

/** The dictionary entry of the per-feature marking (every GeoJSON export has it). */
export const MARKING_PROPERTY = {
  name: 'protective_marking',
  meaning:
    'The protective marking of the data (Government Security Classifications); handle the file as marked',
  unit: '',
} as const;
