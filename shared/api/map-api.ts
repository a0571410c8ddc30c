/**
 * Api methods of the map (issue 11): identify (records by id, read whole), the extent of a
 * selection (go to the data, "Zoom to" a dataset), area-only data as a choropleth on its matching
 * boundary layer, and the project's reference lines (streets, rail, rivers) in lon/lat.
 */
import { z } from 'zod';
import type { RecordRow } from '../model/records.js';
import { method } from './define.js';
import { type AreaCounts, recordFilterSchema } from './import-api.js';

/** Identify lists a handful of records, never a table. */
export const IDENTIFY_MAX_RECORDS = 500;

export interface AreaChoropleth {
  /** The boundary layer whose codes match the most selected area-only records. */
  layerId: number;
  layerName: string;
  /** The area-only datasets counted. */
  datasetIds: number[];
  counts: AreaCounts;
  /** The layer's resident population column and its value per feature, when the layer has one. */
  residents: { column: string; byFeature: Record<number, number> } | null;
}

/** A FeatureCollection in WGS84 lon/lat (RFC 7946), one feature per stored reference line. */
export interface ReferenceLinesGeoJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: number;
    properties: { layerId: number; name: string | null; major: boolean };
    geometry: { type: 'MultiLineString'; coordinates: number[][][] };
  }[];
}

export const mapMethods = {
  /** Stored records in full, in the order asked; ids not in the project are left out. */
  getRecords: method(
    z.object({ ids: z.array(z.number().int().positive()).min(1).max(IDENTIFY_MAX_RECORDS) }).strict(),
  )<RecordRow[]>(),
  /** [west, south, east, north] in lon/lat of the point records the filter selects, or null. */
  recordBounds: method(z.object({ filter: recordFilterSchema }).strict())<
    [number, number, number, number] | null
  >(),
  /** Area-only records under the filter counted per area of their matching boundary layer, or null. */
  areaChoropleth: method(z.object({ filter: recordFilterSchema }).strict())<AreaChoropleth | null>(),
  referenceLines: method(z.object({}).strict())<ReferenceLinesGeoJson>(),
  deleteReferenceLayer: method(z.object({ id: z.number().int().positive() }).strict())<boolean>(),
};
