/**
 * The Near Repeat Calculator preset (Ratcliffe's NRC; DESIGN.md §4, "Near repeat").
 *
 * The NRC takes a spatial bandwidth b with n bands and a temporal bandwidth t with m bands, always
 * uses Manhattan distance, and adds a "same location" row and a "more than" row and column. Its
 * table contents correspond to the half-open bands of the edges
 *
 *   distance: 0, 1, b, 2b, …, n·b, ∞        (rows: same location [0, 1), [1, b), [b, 2b), …, ≥ n·b)
 *   time:     0, t, 2t, …, m·t, ∞           (columns: [0, t), [t, 2t), …, ≥ m·t days)
 *
 * The NRC prints these rows as "0 to 1", "1 to 100", "101 to 200" and the columns as "0 to 7",
 * "8 to 14", labels that are off by one against the intervals it actually counts; we label the
 * intervals as they are ("[1, 100) m", "[7, 14) days") and mark the first row as the same location.
 */
import { bandLabels, intervalLabel } from './bands.js';

export interface NrcPresetOptions {
  /** Spatial bandwidth b in metres (> 1, since the same-location band is [0, 1) m). */
  bandwidthM: number;
  /** Number of spatial bands n (≥ 1). */
  distanceBands: number;
  /** Temporal bandwidth t in whole days (≥ 1). */
  timeBandDays: number;
  /** Number of temporal bands m (≥ 1). */
  timeBands: number;
}

export interface NrcPreset {
  distanceEdgesM: number[];
  timeEdgesDays: number[];
  metric: 'manhattan';
  distanceLabels: string[];
  timeLabels: string[];
}

/** Upper limit on the band counts, far beyond any useful table. */
const MAX_BANDS = 100;

export function nrcPreset(options: NrcPresetOptions): NrcPreset {
  const { bandwidthM, distanceBands, timeBandDays, timeBands } = options;
  if (!(Number.isFinite(bandwidthM) && bandwidthM > 1)) {
    throw new RangeError(`bandwidthM must be > 1 m (the same-location band is [0, 1) m), got ${bandwidthM}`);
  }
  checkCount('distanceBands', distanceBands);
  if (!(Number.isInteger(timeBandDays) && timeBandDays >= 1)) {
    throw new RangeError(`timeBandDays must be a whole number >= 1, got ${timeBandDays}`);
  }
  checkCount('timeBands', timeBands);

  const distanceEdgesM = [0, 1];
  for (let k = 1; k <= distanceBands; k++) distanceEdgesM.push(k * bandwidthM);
  distanceEdgesM.push(Infinity);
  const timeEdgesDays = [0];
  for (let k = 1; k <= timeBands; k++) timeEdgesDays.push(k * timeBandDays);
  timeEdgesDays.push(Infinity);

  const distanceLabels = bandLabels(distanceEdgesM, 'm');
  distanceLabels[0] = `${intervalLabel(0, 1, 'm')} (same location)`;
  return {
    distanceEdgesM,
    timeEdgesDays,
    metric: 'manhattan',
    distanceLabels,
    timeLabels: bandLabels(timeEdgesDays, 'days'),
  };
}

function checkCount(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1 && value <= MAX_BANDS)) {
    throw new RangeError(`${name} must be a whole number from 1 to ${MAX_BANDS}, got ${value}`);
  }
}
