/**
 * Api methods of the map (issue 11): identify (records by id, read whole), the extent of a
 * selection (go to the data, "Zoom to" a dataset), area-only data as a choropleth on its matching
 * boundary layer, and the project's reference lines (streets, rail, rivers) in lon/lat.
 */
import { z } from 'zod';
import type { HourWeek } from '../analysis/aoristic/hour-week.js';
import type { RecordColumns, RecordRow } from '../model/records.js';
import { method } from './define.js';
import { type AreaCounts, type RecordSummary, recordFilterSchema } from './import-api.js';

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

/** Every point record of the project (cache order), tagged with the records version it was read at. */
export interface RecordSnapshot {
  version: number;
  columns: RecordColumns;
}

/**
 * A filter's answer without its records: which of the snapshot's points it keeps (bit k & 7 of byte
 * k >> 3 for the k-th point), the counts of the whole selection (area-only records included) and the
 * category counts under the filter without its category part (the Filter tab's checkbox list), and
 * the points' hour × weekday table (the Filter tab's charts need no records).
 */
export interface RecordSelection {
  /** The records version the mask refers to (that of the snapshot to apply it to). */
  version: number;
  mask: Uint8Array;
  summary: RecordSummary;
  categories: { category: string | null; count: number }[];
  /** The selected points' hour × weekday aoristic table, or why there is none. */
  hourWeek: HourWeek | { error: string };
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
  /** The project's point records, read once per records version by the map workspace. */
  recordSnapshot: method(z.object({}).strict())<RecordSnapshot>(),
  /** A filter applied: its selection as a mask over the snapshot's points, with its counts. */
  filterRecords: method(z.object({ filter: recordFilterSchema }).strict())<RecordSelection>(),
  referenceLines: method(z.object({}).strict())<ReferenceLinesGeoJson>(),
  deleteReferenceLayer: method(z.object({ id: z.number().int().positive() }).strict())<boolean>(),
};
