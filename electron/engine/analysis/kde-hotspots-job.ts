/**
 * Worker side of the kdeHotspots job kind (DESIGN.md §4 "Hotspot classes"): finished surface +
 * events (+ the simulated maxima of the test) → class thresholds, contours and the hotspots the data
 * support (shared/analysis/hotspots/hotspots.ts). Apart from kde-job.ts so that the threads that
 * splat a surface never load d3-contour and simple-statistics.
 */
import {
  findHotspots,
  type HotspotEvents,
  type HotspotOptions,
  type HotspotResult,
} from '../../../shared/analysis/hotspots/hotspots.js';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import type { Grid } from '../../../shared/model/grid.js';
import { refusing } from './kde-job.js';

export interface KdeHotspotsParams {
  grid: Grid;
  events: HotspotEvents;
  options: HotspotOptions;
}

export function kdeHotspots(params: KdeHotspotsParams, progress: ProgressFn): HotspotResult {
  const result = refusing(() => findHotspots(params.grid, params.events, params.options, progress));
  progress(1, 1);
  return result;
}
