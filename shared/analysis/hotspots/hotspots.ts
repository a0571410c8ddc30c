/**
 * Hotspots of a density surface with their key facts (DESIGN.md §4, "Hotspot classes").
 *
 * Classes: thresholds t₁ < t₂ < … (thresholds.ts) on the non-zero cells; class k is the contour region
 * value ≥ tₖ (contours.ts), so classes are nested and are drawn as bands.
 *
 * Hotspots: each connected part (one exterior ring with its holes) of the region ≥ t_c, where c is the
 * `hotspotClass` (default 1, the lowest threshold, so every class-k area lies inside some hotspot). A
 * hotspot's class is the highest k whose threshold its peak cell reaches. Hotspots are numbered
 * 1, 2, … by events inside, most first (ties: larger area first, then further north-west).
 *
 * For each hotspot and each class region:
 *   events n    events whose point lies inside (even–odd point in polygon, holes excluded)
 *   share       n / N, N = all events given (the events that made the surface)
 *   area a      planar area in km² (shoelace, holes subtracted)
 *   PAI         (n / N) / (a / A), the Predictive Accuracy Index (Chainey, Tompson & Uhlig 2008), A the
 *               study area: the clipping boundary's area when the surface was clipped, else the grid's
 *               area (width · height · cellSizeM²)
 * plus, per hotspot: the peak density and its cell centre, the top categories and location
 * descriptions with their counts, and the aoristic hour-of-day and weekday profile (hour-profile.ts)
 * with its peak hours.
 * Events are counted, not weighted; with weights `weight` gives the weighted sum beside the count.
 * Candidates are found with a k-d tree (kdbush) on the events, tested against y-binned edges.
 */
import KDBush from 'kdbush';
import { cellCentreX, cellCentreY, type Grid } from '../../model/grid.js';
import { contourPolygons } from './contours.js';
import { peakHours, type TimeProfile, timeProfile } from './hour-profile.js';
import {
  type MultiPolygonCoords,
  type PolygonCoords,
  polygonArea,
  preparedContains,
  preparePolygon,
} from './polygon.js';
import {
  type ClassThreshold,
  classThresholds,
  type NonZeroStats,
  nonZeroStats,
  type ThresholdSpec,
} from './thresholds.js';

/** Events for hotspot statistics; RecordColumns fits this shape. */
export interface HotspotEvents {
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
  categoryCode?: Int32Array;
  categories?: string[];
  locationCode?: Int32Array;
  locations?: string[];
  fromMs?: Float64Array;
  toMs?: Float64Array;
  /** PRECISION_CODE per event; without it every time counts as exact. */
  precision?: Uint8Array;
}

export interface HotspotOptions {
  thresholds: ThresholdSpec;
  /** Study area A for PAI, m². */
  studyAreaM2: number;
  /** Which class's region is cut into hotspots; default 1 (the lowest threshold). */
  hotspotClass?: number;
  /** How many categories, locations and hours to list; default 3. */
  top?: number;
}

export interface NamedCount {
  name: string;
  count: number;
}

export interface RegionFacts {
  areaKm2: number;
  events: number;
  weight: number;
  share: number;
  pai: number;
}

export interface HotspotClassRegion extends RegionFacts {
  classIndex: number;
  label: string;
  threshold: number;
  polygon: MultiPolygonCoords;
}

export interface Hotspot extends RegionFacts {
  /** 1 = most events. */
  rank: number;
  classIndex: number;
  classLabel: string;
  polygon: PolygonCoords;
  peakDensity: number;
  peakX: number;
  peakY: number;
  topCategories: NamedCount[];
  topLocations: NamedCount[];
  /** Hour-of-day and weekday profile (aoristic), with timed / untimed counts. */
  times: TimeProfile;
  peakHours: number[];
}

export interface HotspotResult {
  thresholds: ClassThreshold[];
  surfaceStats: NonZeroStats;
  classes: HotspotClassRegion[];
  hotspots: Hotspot[];
  totalEvents: number;
  studyAreaKm2: number;
}

export function findHotspots(grid: Grid, events: HotspotEvents, options: HotspotOptions): HotspotResult {
  if (!(Number.isFinite(options.studyAreaM2) && options.studyAreaM2 > 0)) {
    throw new RangeError(`studyAreaM2 must be a finite number > 0, got ${options.studyAreaM2}`);
  }
  const top = options.top ?? 3;
  const thresholds = classThresholds(grid.values, options.thresholds);
  const hotspotClass = options.hotspotClass ?? 1;
  if (!(Number.isInteger(hotspotClass) && hotspotClass >= 1 && hotspotClass <= thresholds.length)) {
    throw new RangeError(
      `hotspotClass must be an integer from 1 to ${thresholds.length}, got ${hotspotClass}`,
    );
  }
  const N = events.x.length;
  const index = new KDBush(Math.max(1, N));
  for (let i = 0; i < N; i++) index.add(events.x[i], events.y[i]);
  if (N === 0) index.add(Number.NaN, Number.NaN);
  index.finish();

  const facts = (polygons: PolygonCoords[], visit?: (i: number) => void): RegionFacts => {
    let n = 0;
    let weight = 0;
    let areaM2 = 0;
    for (const polygon of polygons) {
      areaM2 += polygonArea(polygon);
      const prepared = preparePolygon(polygon);
      for (const i of index.range(prepared.minX, prepared.minY, prepared.maxX, prepared.maxY)) {
        if (!preparedContains(prepared, events.x[i], events.y[i])) continue;
        n++;
        weight += events.weight ? events.weight[i] : 1;
        visit?.(i);
      }
    }
    const share = N > 0 ? n / N : 0;
    return {
      areaKm2: areaM2 / 1e6,
      events: n,
      weight,
      share,
      pai: areaM2 > 0 ? share / (areaM2 / options.studyAreaM2) : 0,
    };
  };

  const classes: HotspotClassRegion[] = thresholds.map((t) => {
    const polygon = contourPolygons(grid, t.value);
    return { classIndex: t.classIndex, label: t.label, threshold: t.value, polygon, ...facts(polygon) };
  });

  const parts = classes[hotspotClass - 1].polygon;
  const hotspots: Hotspot[] = parts.map((polygon) => {
    const categoryCounts = new Map<number, number>();
    const locationCounts = new Map<number, number>();
    const inside: number[] = [];
    const regionFacts = facts([polygon], (i) => {
      if (events.categoryCode) bump(categoryCounts, events.categoryCode[i]);
      if (events.locationCode) bump(locationCounts, events.locationCode[i]);
      inside.push(i);
    });
    const times = events.fromMs
      ? timeProfile(events.fromMs, events.toMs ?? events.fromMs, events.precision, inside)
      : {
          hours: new Array<number>(24).fill(0),
          weekdays: new Array<number>(7).fill(0),
          timed: 0,
          untimed: inside.length,
        };
    const peak = peakCell(grid, polygon);
    let classIndex = hotspotClass;
    for (const t of thresholds)
      if (peak.value >= t.value && t.classIndex > classIndex) classIndex = t.classIndex;
    const peakDensity = Number.isNaN(peak.value) ? thresholds[hotspotClass - 1].value : peak.value;
    return {
      rank: 0,
      classIndex,
      classLabel: thresholds[classIndex - 1].label,
      polygon,
      ...regionFacts,
      peakDensity,
      peakX: peak.x,
      peakY: peak.y,
      topCategories: topNames(categoryCounts, events.categories ?? [], top),
      topLocations: topNames(locationCounts, events.locations ?? [], top),
      times,
      peakHours: peakHours(times, top),
    };
  });
  hotspots.sort(
    (a, b) => b.events - a.events || b.areaKm2 - a.areaKm2 || b.peakY - a.peakY || a.peakX - b.peakX,
  );
  hotspots.forEach((h, k) => {
    h.rank = k + 1;
  });

  return {
    thresholds,
    surfaceStats: nonZeroStats(grid.values),
    classes,
    hotspots,
    totalEvents: N,
    studyAreaKm2: options.studyAreaM2 / 1e6,
  };
}

/** The highest cell whose centre lies inside the polygon (NaN cells skipped); value NaN if none. */
function peakCell(grid: Grid, polygon: PolygonCoords): { value: number; x: number; y: number } {
  const prepared = preparePolygon(polygon);
  const c = grid.cellSizeM;
  const colFrom = Math.max(0, Math.floor((prepared.minX - grid.originX) / c));
  const colTo = Math.min(grid.width - 1, Math.ceil((prepared.maxX - grid.originX) / c));
  const rowFrom = Math.max(0, Math.floor(grid.height - (prepared.maxY - grid.originY) / c) - 1);
  const rowTo = Math.min(grid.height - 1, Math.ceil(grid.height - (prepared.minY - grid.originY) / c));
  let best = { value: Number.NEGATIVE_INFINITY, x: Number.NaN, y: Number.NaN };
  for (let row = rowFrom; row <= rowTo; row++) {
    const y = cellCentreY(grid, row);
    for (let col = colFrom; col <= colTo; col++) {
      const v = grid.values[row * grid.width + col];
      if (!(v > best.value)) continue;
      const x = cellCentreX(grid, col);
      if (preparedContains(prepared, x, y)) best = { value: v, x, y };
    }
  }
  if (best.value === Number.NEGATIVE_INFINITY) {
    // Marching squares always encloses a sample ≥ the threshold; should a sliver ever hold no cell
    // centre, report its first vertex (and the caller the contour level) rather than −Infinity.
    const [x, y] = polygon[0][0];
    return { value: Number.NaN, x, y };
  }
  return best;
}

function bump(counts: Map<number, number>, code: number): void {
  if (code >= 0) counts.set(code, (counts.get(code) ?? 0) + 1);
}

/** The `top` most frequent names, most first (ties: alphabetical). */
function topNames(counts: Map<number, number>, names: string[], top: number): NamedCount[] {
  return [...counts.entries()]
    .map(([code, count]) => ({ name: names[code] ?? `#${code}`, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, top);
}
