/**
 * The ground truth: what the generator planted, written as ground_truth.json beside the extracts
 * so tests (hotspot recovery, chain recovery, import counts) compare against known answers.
 * Dates are ISO wall-clock (yyyy-mm-dd or yyyy-mm-ddTHH:MM); coordinates are BNG metres.
 */
import type { Extent, Point } from './geometry.js';
import type { DatasetId } from './plan.js';

export const GROUND_TRUTH_FORMAT = 'hotspot-workbench-ground-truth';
export const GROUND_TRUTH_VERSION = 1;

export interface GroundTruth {
  format: typeof GROUND_TRUTH_FORMAT;
  version: typeof GROUND_TRUTH_VERSION;
  generator: { seed: number; size: number; endDate: string; months: number };
  town: {
    name: string;
    crs: 'EPSG:27700';
    extent: Extent;
    centre: Point;
    neighbourhoods: { name: string; x: number; y: number; radiusM: number }[];
  };
  /** Inclusive first and last day of the data; the last quarter is when the emerging hotspot appears. */
  period: { startDate: string; endDate: string; lastQuarterStartDate: string };
  datasets: {
    id: DatasetId;
    file: string;
    title: string;
    coordinates: 'EPSG:27700' | 'EPSG:4326' | 'area';
    headers: string[];
    rows: number;
    /** Rows per category (Offence Category, Category, Incident Type, Call Category, Injury Type). */
    categories: Record<string, number>;
  }[];
  boundaries: {
    id: string;
    file: string;
    title: string;
    codeProperty: string;
    nameProperty: string;
    areas: { code: string; name: string; seed: Point }[];
  }[];
  streets: { file: string; features: number; names: number };
  hotspots: {
    id: string;
    name: string;
    dataset: DatasetId;
    category: string;
    subcategory: string;
    /** The neighbourhood or place it sits in. */
    place: string;
    centre: Point;
    /** Every planted event lies within this distance of the centre (a Gaussian bump, σ = radius/2, cut here; a car park is uniform). */
    radiusM: number;
    count: number;
    startDate: string;
    endDate: string;
    emerging: boolean;
    references: string[];
  }[];
  series: {
    id: string;
    dataset: 'police_crimes';
    category: string;
    subcategory: string;
    /** Each event lies within linkDistanceM of the previous event and of the first. */
    linkDistanceM: number;
    /** Whole days between window-midpoint days of consecutive events are in [0, linkDays]. */
    linkDays: number;
    spanDays: number;
    maxStepDistanceM: number;
    maxStepDays: number;
    events: {
      reference: string;
      x: number;
      y: number;
      from: string;
      to: string;
      fromMs: number;
      toMs: number;
    }[];
  }[];
  /** Hospital admissions per outward postcode district (area-only data). */
  hospitalByDistrict: Record<string, number>;
}
