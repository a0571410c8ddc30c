/**
 * The Near Repeat Calculator preset (Ratcliffe's NRC; DESIGN.md §4, "Near repeat").
 *
 * The NRC takes a spatial bandwidth b with n bands and a temporal bandwidth t with m bands, always
 * uses Manhattan distance, and adds a "same location" row and a "more than" row and column. "Same
 * location" in the NRC means distance exactly 0, so its table contents correspond to the half-open
 * bands of the edges
 *
 *   distance: 0, ε, b, 2b, …, n·b, ∞        (rows: 0 m, (0, b), [b, 2b), …, ≥ n·b)
 *   time:     0, t, 2t, …, m·t, ∞           (columns: [0, t), [t, 2t), …, ≥ m·t days)
 *
 * with ε = SAME_LOCATION_EDGE_M, the smallest positive double: [0, ε) holds exactly distance 0 and
 * nothing else (a pair 0.56 m apart is in (0, b), as in the NRC), and [ε, b) holds every positive
 * distance below b, written (0, b) m. The NRC prints its rows as "0 to 1", "1 to 100", "101 to 200"
 * and its columns as "0 to 7", "8 to 14", labels that are off by one against the intervals it
 * counts; we label the intervals as they are ("[100, 200) m", "[7, 14) days").
 */
import { bandLabels } from './bands.js';

export interface NrcPresetOptions {
  /** Spatial bandwidth b in metres (> 0). */
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

/** Upper edge of the same-location row: the smallest positive double, so [0, ε) holds distance 0 only. */
export const SAME_LOCATION_EDGE_M = Number.MIN_VALUE;
/** Label of the same-location row. */
export const SAME_LOCATION_LABEL = '0 m (same location)';

/** Upper limit on the band counts, far beyond any useful table. */
const MAX_BANDS = 100;

export function nrcPreset(options: NrcPresetOptions): NrcPreset {
  const { bandwidthM, distanceBands, timeBandDays, timeBands } = options;
  if (!(Number.isFinite(bandwidthM) && bandwidthM > 0)) {
    throw new RangeError(`bandwidthM must be > 0 m, got ${bandwidthM}`);
  }
  checkCount('distanceBands', distanceBands);
  if (!(Number.isInteger(timeBandDays) && timeBandDays >= 1)) {
    throw new RangeError(`timeBandDays must be a whole number >= 1, got ${timeBandDays}`);
  }
  checkCount('timeBands', timeBands);

  const distanceEdgesM = [0, SAME_LOCATION_EDGE_M];
  for (let k = 1; k <= distanceBands; k++) distanceEdgesM.push(k * bandwidthM);
  distanceEdgesM.push(Infinity);
  const timeEdgesDays = [0];
  for (let k = 1; k <= timeBands; k++) timeEdgesDays.push(k * timeBandDays);
  timeEdgesDays.push(Infinity);

  const distanceLabels = bandLabels(distanceEdgesM, 'm');
  distanceLabels[0] = SAME_LOCATION_LABEL;
  distanceLabels[1] = `(0, ${formatMetres(bandwidthM)}) m`;
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

function formatMetres(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}
