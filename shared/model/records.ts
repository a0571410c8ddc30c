/**
 * The record model shared by import, query, analysis and export.
 *
 * Coordinates are metres in the project's projected CRS (EPSG:27700 by default); lon/lat are
 * WGS84 degrees kept for display and export only: no distance is ever computed on them.
 * Times follow shared/model/time.ts (wall-clock epoch ms).
 */

import type { TimePrecision } from './time.js';

/** Canonical mapping targets (DESIGN.md §2): what a source column can be mapped to. */
export const CANONICAL_FIELDS = [
  'x',
  'y',
  'lon',
  'lat',
  'area',
  'date',
  'time',
  'date_from',
  'date_to',
  'category',
  'subcategory',
  'weight',
  'location',
  'reference',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** One stored record, as read back for tables and exports (not for bulk analysis). */
export interface RecordRow {
  id: number;
  datasetId: number;
  x: number | null;
  y: number | null;
  lon: number | null;
  lat: number | null;
  areaCode: string | null;
  fromMs: number;
  toMs: number;
  precision: TimePrecision;
  category: string | null;
  subcategory: string | null;
  weight: number;
  location: string | null;
  reference: string | null;
  attrs: Record<string, string>;
}

/**
 * Filtered records as columns of typed arrays: what the query returns for the map and analyses.
 * Point records only (area-only records are counted per area, never drawn as fake points).
 * String columns are dictionary-encoded: `categories[categoryCode[i]]`; code -1 means none.
 */
export interface RecordColumns {
  count: number;
  id: Float64Array;
  datasetId: Int32Array;
  x: Float64Array;
  y: Float64Array;
  /** WGS84 degrees, for the map only. */
  lon: Float64Array;
  lat: Float64Array;
  fromMs: Float64Array;
  toMs: Float64Array;
  /** PRECISION_CODE of each record. */
  precision: Uint8Array;
  weight: Float64Array;
  categoryCode: Int32Array;
  categories: string[];
  /** Sub-category (e.g. "Burglary - Residential"), dictionary-encoded like categories; absent in older callers. */
  subcategoryCode?: Int32Array;
  subcategories?: string[];
  locationCode: Int32Array;
  locations: string[];
}

/** The input every point analysis takes (STYLE.md habit 2). `day` is a whole day number (dayOf). */
export interface EventColumns {
  x: Float64Array;
  y: Float64Array;
  day: Int32Array;
  weight?: Float64Array;
}

/** A filter over a project's records (DESIGN.md §1, workflow step 2). Every part is optional. */
export interface RecordFilter {
  datasetIds?: number[];
  categories?: string[];
  /** Inclusive start and exclusive end, wall-clock epoch ms; a record matches by `dateRule`. */
  fromMs?: number;
  toMs?: number;
  /**
   * How a record's window meets [fromMs, toMs): 'overlap' (default: the map's "anything that may
   * have happened then") or 'midpoint' (the window's midpoint lies inside: each record in exactly
   * one period, the counting rule of period comparisons, DESIGN.md §4).
   */
  dateRule?: 'overlap' | 'midpoint';
  /** Hours of day 0–23 to keep (matched on the window's start hour). */
  hours?: number[];
  /** Weekdays 0 = Monday … 6 = Sunday to keep. */
  weekdays?: number[];
  /** Area: a polygon in project CRS metres (GeoJSON Polygon/MultiPolygon coordinates), a boundary feature or a saved area. */
  area?: { polygon: number[][][] | number[][][][] } | { boundaryFeatureId: number } | { areaId: number };
}
