/**
 * Hotspots of a density surface with their key facts (DESIGN.md §4, "Hotspot classes").
 *
 * Classes: thresholds t₁ < t₂ < … (thresholds.ts) over the cells of the study area (or, named as such,
 * its non-zero cells); class k is the contour region value ≥ tₖ (contours.ts), so classes are nested
 * and are drawn as bands.
 *
 * Candidates: each connected part (one exterior ring with its holes) of the region ≥ t_c, where c is
 * the `hotspotClass` (default 1). A candidate is a hotspot only where the data support it
 * (support.ts): at least `minEvents` events and, when the Monte Carlo nulls are given (csr-test.ts),
 * p < alpha against complete spatial randomness. The others are counted by reason and not reported.
 * A hotspot's class is the highest k whose threshold its peak cell reaches. Hotspots are numbered
 * 1, 2, … by events inside, most first (ties: larger area first, then further north-west).
 *
 * For each hotspot and each class region:
 *   events n    events whose point lies inside (even–odd point in polygon, holes excluded)
 *   share       n / N, N = all events given: the caller gives the events inside the study area only
 *               (the events that made the surface), so N and A refer to the same area
 *   area a      planar area in km² (shoelace, holes subtracted)
 *   PAI         (n / N) / (a / A), the Predictive Accuracy Index (Chainey, Tompson & Uhlig 2008), A the
 *               study area: the clipping boundary's area when the surface was clipped, else the grid's
 *               area (width · height · cellSizeM²)
 * plus, per hotspot: the peak density and its cell centre, the top categories and location
 * descriptions with their counts, and the aoristic hour-of-day and weekday profile (hour-profile.ts)
 * with its peak hours (only from ≥ 20 timed events), and its p-value. `places` (the boundary features
 * holding the peak cell) is left empty here and filled by the engine, which has the boundary layers.
 * Events are counted, not weighted; with weights `weight` gives the weighted sum beside the count.
 * Events are placed in polygons through the contour regions' cell labels (event-polygons.ts), so each
 * is tested only against the polygons round its own cell; `progress` reports each class contoured and
 * each candidate described.
 */

import { noProgress, type ProgressFn } from '../../jobs/progress.js';
import { cellCentreX, cellCentreY, type Grid } from '../../model/grid.js';
import { contourRegions } from './contours.js';
import { type CsrBound, csrBoundPValue } from './csr-bound.js';
import { csrPValue, DEFAULT_ALPHA } from './csr-test.js';
import { eventPolygons } from './event-polygons.js';
import { supportedPeakHours, type TimeProfile, timeProfile } from './hour-profile.js';
import {
  type MultiPolygonCoords,
  type PolygonCoords,
  polygonArea,
  preparedContains,
  preparePolygon,
} from './polygon.js';
import {
  checkSupportRule,
  DEFAULT_MIN_EVENTS,
  type HotspotSupport,
  type SupportRule,
  supportRule,
  supportStatement,
  verdict,
} from './support.js';
import {
  type ClassThreshold,
  classThresholds,
  type SurfaceStats,
  surfaceStats,
  type ThresholdSpec,
} from './thresholds.js';

/** Events for hotspot statistics; RecordColumns fits this shape. */
export interface HotspotEvents {
  x: Float64Array;
  y: Float64Array;
  weight?: Float64Array;
  categoryCode?: Int32Array;
  categories?: string[];
  subcategoryCode?: Int32Array;
  subcategories?: string[];
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
  /** Fewest events a hotspot may hold; default 5. */
  minEvents?: number;
  /**
   * The significance test: simulated maxima under CSR (csr-test.ts), or the conservative closed-form
   * bound (csr-bound.ts) for runs too large to simulate; without either no test is made.
   */
  csr?: { maxima: Float64Array; seed: number; alpha?: number } | { bound: CsrBound; alpha?: number };
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
  /** Commonest sub-categories (e.g. "Burglary - Residential"); empty when the data carry none. */
  topSubcategories: NamedCount[];
  topLocations: NamedCount[];
  /** Hour-of-day and weekday profile (aoristic), with timed / untimed counts. */
  times: TimeProfile;
  /** Busiest hours, only from ≥ 20 timed events (else empty, and peakHoursNote says why). */
  peakHours: number[];
  peakHoursNote: string | null;
  /** Monte Carlo p of the peak density against CSR; null when no test was made. */
  pValue: number | null;
  /** Boundary features (neighbourhood, ward, beat …) holding the peak cell centre, one per layer. */
  places: { layer: string; name: string }[];
  /**
   * Distinct event locations inside (identical x, y count once). 1 means every event sits on one map
   * point (police.uk snaps crimes to anonymised points): a place, not an area, and its area and PAI
   * are only the kernel's footprint round that point.
   */
  distinctPoints: number;
}

export interface HotspotResult {
  thresholds: ClassThreshold[];
  surfaceStats: SurfaceStats;
  support: HotspotSupport;
  classes: HotspotClassRegion[];
  hotspots: Hotspot[];
  totalEvents: number;
  studyAreaKm2: number;
}

export function findHotspots(
  grid: Grid,
  events: HotspotEvents,
  options: HotspotOptions,
  progress: ProgressFn = noProgress,
): HotspotResult {
  if (!(Number.isFinite(options.studyAreaM2) && options.studyAreaM2 > 0)) {
    throw new RangeError(`studyAreaM2 must be a finite number > 0, got ${options.studyAreaM2}`);
  }
  const top = options.top ?? 3;
  const stats = surfaceStats(grid.values, options.thresholds.cells ?? 'study-area');
  const thresholds = classThresholds(grid.values, options.thresholds, stats);
  const hotspotClass = options.hotspotClass ?? 1;
  if (!(Number.isInteger(hotspotClass) && hotspotClass >= 1 && hotspotClass <= thresholds.length)) {
    throw new RangeError(
      `hotspotClass must be an integer from 1 to ${thresholds.length}, got ${hotspotClass}`,
    );
  }
  const rule: SupportRule = {
    minEvents: options.minEvents ?? DEFAULT_MIN_EVENTS,
    method: !options.csr ? 'none' : 'maxima' in options.csr ? 'simulation' : 'bound',
    iterations: options.csr && 'maxima' in options.csr ? options.csr.maxima.length : 0,
    seed: options.csr && 'maxima' in options.csr ? options.csr.seed : null,
    alpha: options.csr?.alpha ?? DEFAULT_ALPHA,
  };
  checkSupportRule(rule);
  const N = events.x.length;
  const facts = (polygons: PolygonCoords[], members: number[]): RegionFacts => {
    let weight = 0;
    for (const i of members) weight += events.weight ? events.weight[i] : 1;
    let areaM2 = 0;
    for (const polygon of polygons) areaM2 += polygonArea(polygon);
    const n = members.length;
    const share = N > 0 ? n / N : 0;
    return {
      areaKm2: areaM2 / 1e6,
      events: n,
      weight,
      share,
      pai: areaM2 > 0 ? share / (areaM2 / options.studyAreaM2) : 0,
    };
  };

  // Steps for progress: one per class contoured, one per candidate described.
  const steps = thresholds.length + 1;
  let holdersOfHotspotClass: Int32Array = new Int32Array(0);
  const classes: HotspotClassRegion[] = thresholds.map((t, k) => {
    progress(k, steps, 'Drawing hotspot contours');
    const drawn = contourRegions(grid, t.value);
    const holders = eventPolygons(grid, drawn, events.x, events.y);
    if (t.classIndex === hotspotClass) holdersOfHotspotClass = holders;
    const members: number[] = [];
    holders.forEach((p, i) => {
      if (p >= 0) members.push(i);
    });
    const polygon = drawn.polygons;
    return {
      classIndex: t.classIndex,
      label: t.label,
      threshold: t.value,
      polygon,
      ...facts(polygon, members),
    };
  });

  const parts = classes[hotspotClass - 1].polygon;
  const insideOf: number[][] = parts.map(() => []);
  holdersOfHotspotClass.forEach((p, i) => {
    if (p >= 0) insideOf[p].push(i);
  });
  const dropped = { droppedFewEvents: 0, droppedNotSignificant: 0 };
  const hotspots: Hotspot[] = [];
  for (const [p, polygon] of parts.entries()) {
    progress(thresholds.length + p / parts.length, steps, 'Describing hotspots');
    const inside = insideOf[p];
    const regionFacts = facts([polygon], inside);
    const peak = peakCell(grid, polygon);
    const peakDensity = Number.isNaN(peak.value) ? thresholds[hotspotClass - 1].value : peak.value;
    const pValue = !options.csr
      ? null
      : 'maxima' in options.csr
        ? csrPValue(peakDensity, options.csr.maxima)
        : csrBoundPValue(peakDensity, options.csr.bound);
    const judged = verdict(regionFacts.events, pValue, rule);
    if (judged === 'few-events') dropped.droppedFewEvents++;
    if (judged === 'not-significant') dropped.droppedNotSignificant++;
    if (judged !== 'supported') continue;
    const categoryCounts = new Map<number, number>();
    const subcategoryCounts = new Map<number, number>();
    const locationCounts = new Map<number, number>();
    for (const i of inside) {
      if (events.categoryCode) bump(categoryCounts, events.categoryCode[i]);
      if (events.subcategoryCode) bump(subcategoryCounts, events.subcategoryCode[i]);
      if (events.locationCode) bump(locationCounts, events.locationCode[i]);
    }
    const times = events.fromMs
      ? timeProfile(events.fromMs, events.toMs ?? events.fromMs, events.precision, inside)
      : {
          hours: new Array<number>(24).fill(0),
          weekdays: new Array<number>(7).fill(0),
          timed: 0,
          untimed: inside.length,
        };
    let classIndex = hotspotClass;
    for (const t of thresholds)
      if (peakDensity >= t.value && t.classIndex > classIndex) classIndex = t.classIndex;
    hotspots.push({
      rank: 0,
      classIndex,
      classLabel: thresholds[classIndex - 1].label,
      polygon,
      ...regionFacts,
      peakDensity,
      peakX: peak.x,
      peakY: peak.y,
      topCategories: topNames(categoryCounts, events.categories ?? [], top),
      topSubcategories: topNames(subcategoryCounts, events.subcategories ?? [], top),
      topLocations: topNames(locationCounts, events.locations ?? [], top),
      times,
      ...supportedPeakHours(times, top),
      pValue,
      places: [],
      distinctPoints: new Set(inside.map((i) => `${events.x[i]},${events.y[i]}`)).size,
    });
  }
  hotspots.sort(
    (a, b) => b.events - a.events || b.areaKm2 - a.areaKm2 || b.peakY - a.peakY || a.peakX - b.peakX,
  );
  hotspots.forEach((h, k) => {
    h.rank = k + 1;
  });

  return {
    thresholds,
    surfaceStats: stats,
    support: {
      ...rule,
      candidates: parts.length,
      ...dropped,
      rule: supportRule(rule),
      statement: supportStatement(rule, { candidates: parts.length, ...dropped }),
    },
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
