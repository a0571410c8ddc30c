/**
 * generateTown: the seeded synthetic town "Ashbridge" (DESIGN.md §6) — streets, wards, beats and
 * postcode districts, five partner extracts with planted hotspots and near-repeat burglary series,
 * and the ground truth of what was planted. Pure and deterministic: the same options give the same
 * objects, and townFiles() the same bytes.
 *
 * Each part draws from its own random stream (seed + part name), so changing how one part is made
 * leaves the others as they were.
 *
 *   const town = generateTown({ seed: 1 });
 *   town.tables.police_crimes.rows.length   // ≈ 8 700
 *   town.groundTruth.hotspots[0].centre     // { x, y } in BNG metres
 */
import { makeTransform } from '../crs/transform.js';
import type { ProgressFn } from '../jobs/progress.js';
import { MS_PER_DAY } from '../model/time.js';
import { type BoundaryLayer, buildBeats, buildPostcodeDistricts, buildWards } from './boundaries.js';
import {
  backgroundEvents,
  type EventContext,
  hotspotEvents,
  type LatentEvent,
  plantedHotspotList,
  spaceSamplers,
} from './events.js';
import { parseIsoDay } from './format.js';
import {
  boundaryGeoJson,
  type FeatureCollection,
  type LineStringGeometry,
  type PolygonGeometry,
  streetGeoJson,
  waterGeoJson,
} from './geojson.js';
import type { Point } from './geometry.js';
import type { GroundTruth } from './ground-truth.js';
import { buildGroundTruth } from './ground-truth-builder.js';
import { hospitalAdmissions } from './hospital.js';
import type { TownLayout } from './layout.js';
import { type Anchor, type DatasetId, LAST_QUARTER_DAYS, SERIES_BASE_COUNT } from './plan.js';
import { withPopulation } from './population.js';
import { plantSeries, SERIES_MAX_COUNT } from './series.js';
import { nearestStreetPoint, segmentTable } from './street-sampler.js';
import type { Street } from './streets.js';
import {
  ambulanceTable,
  asbTable,
  type CsvTable,
  fireTable,
  hospitalTable,
  policeTable,
  type ReferencedTable,
} from './tables.js';
import { townMap, townStream } from './town-map.js';

export interface GenerateOptions {
  /** Integer 0 … 2^32 − 1. Default 1 (the shipped sample). */
  seed?: number;
  /** Multiplies every count; > 0 and ≤ MAX_SIZE. Default 1 (about 19 500 records). */
  size?: number;
  /** Last day of the data, yyyy-mm-dd. Default 2025-12-31, so the sample is never in the future. */
  endDate?: string;
  /** Months of data ending on endDate, 12–36. Default 24. */
  months?: number;
  progress?: ProgressFn;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_SIZE = 1;
export const DEFAULT_END_DATE = '2025-12-31';
export const DEFAULT_MONTHS = 24;
export const MAX_SIZE = 50;

export interface BoundaryOutput {
  layer: BoundaryLayer;
  bng: FeatureCollection<PolygonGeometry>;
  wgs84: FeatureCollection<PolygonGeometry>;
}

export interface GeneratedTown {
  options: { seed: number; size: number; endDate: string; months: number };
  layout: TownLayout;
  tables: Record<DatasetId, CsvTable>;
  boundaries: { wards: BoundaryOutput; beats: BoundaryOutput; postcodeDistricts: BoundaryOutput };
  streets: {
    list: Street[];
    bng: FeatureCollection<LineStringGeometry>;
    wgs84: FeatureCollection<LineStringGeometry>;
  };
  /** The River Ash, for the bundled basemap only (no event depends on it). */
  water: { bng: FeatureCollection<PolygonGeometry>; wgs84: FeatureCollection<PolygonGeometry> };
  groundTruth: GroundTruth;
}

function checkOptions(options: GenerateOptions) {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  const endDate = options.endDate ?? DEFAULT_END_DATE;
  const months = options.months ?? DEFAULT_MONTHS;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  if (!(size > 0 && size <= MAX_SIZE))
    throw new RangeError(`size must be > 0 and <= ${MAX_SIZE}, got ${size}`);
  if (!Number.isInteger(months) || months < 12 || months > 36) {
    throw new RangeError(`months must be a whole number from 12 to 36, got ${months}`);
  }
  parseIsoDay(endDate, 'endDate');
  return { seed, size, endDate, months };
}

/** First and exclusive-last ms of `months` months of data ending on the day `endDate`. */
function periodOf(endDate: string, months: number) {
  const endDayMs = parseIsoDay(endDate, 'endDate');
  const end = new Date(endDayMs);
  const startMs = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, end.getUTCDate()) + MS_PER_DAY;
  return { startMs, endMs: endDayMs + MS_PER_DAY };
}

export function generateTown(options: GenerateOptions = {}): GeneratedTown {
  const opts = checkOptions(options);
  const progress = options.progress ?? (() => {});
  const stream = (part: string) => townStream(opts.seed, part);
  const steps = 8;
  progress(0, steps, 'laying out the town');

  const { layout, streets, water: waterBodies } = townMap(opts.seed);
  const table = segmentTable(streets);
  const period = periodOf(opts.endDate, opts.months);
  const lastQuarterStartMs = period.endMs - LAST_QUARTER_DAYS * MS_PER_DAY;
  const ctx: EventContext = {
    layout,
    streets,
    table,
    period,
    samplers: spaceSamplers(layout, streets, table),
  };
  progress(1, steps, 'drawing boundaries');

  const wards = withPopulation(layout, buildWards(layout));
  const beats = buildBeats(stream('beats'), layout, wards);
  const districts = withPopulation(layout, buildPostcodeDistricts(stream('postcode-districts'), layout));
  progress(2, steps, 'background events');

  const events: LatentEvent[] = backgroundEvents(stream('background'), ctx, opts.size);
  progress(3, steps, 'planted hotspots');

  const anchors = hotspotAnchors(layout, streets, table);
  const hotspots = plantedHotspotList(anchors.points, opts.size, period, lastQuarterStartMs);
  const hotspotRng = stream('hotspots');
  for (const h of hotspots) events.push(...hotspotEvents(hotspotRng, ctx, h));
  progress(4, steps, 'near-repeat series');

  const seriesCount = Math.min(SERIES_MAX_COUNT, Math.max(1, Math.round(SERIES_BASE_COUNT * opts.size)));
  const series = plantSeries(stream('series'), ctx, seriesCount);
  for (const s of series) events.push(...s.events);
  // Call handlers log seconds; the other partners record minutes.
  const secondsRng = stream('seconds');
  for (const e of events) {
    if (e.dataset === 'ambulance') e.fromMs = e.toMs = e.fromMs + secondsRng.int(0, 60) * 1000;
  }
  progress(5, steps, 'hospital admissions');

  const admissions = hospitalAdmissions(stream('hospital'), ctx, districts, opts.size);
  progress(6, steps, 'writing tables');

  const toWgs84 = makeTransform('EPSG:27700', 'EPSG:27700').projectToWgs84;
  const referenced: Record<DatasetId, ReferencedTable> = {
    police_crimes: policeTable(events, wards, beats),
    asb: asbTable(events),
    fire: fireTable(events),
    ambulance: ambulanceTable(events, toWgs84),
    hospital_admissions: hospitalTable(admissions),
  };
  const boundaries = {
    wards: { layer: wards, ...boundaryGeoJson(wards, toWgs84) },
    beats: { layer: beats, ...boundaryGeoJson(beats, toWgs84) },
    postcodeDistricts: { layer: districts, ...boundaryGeoJson(districts, toWgs84) },
  };
  const streetsGeo = streetGeoJson(streets, toWgs84);
  const water = waterGeoJson(waterBodies, toWgs84);
  progress(7, steps, 'ground truth');

  const groundTruth = buildGroundTruth({
    options: opts,
    layout,
    period: { ...period, lastQuarterStartMs },
    referenced,
    boundaries: [wards, beats, districts],
    streets,
    hotspots: hotspots.map((h) => ({ ...h, place: anchors.places[h.spec.anchor] })),
    series,
    admissions,
  });
  progress(8, steps, 'done');
  return {
    options: opts,
    layout,
    tables: {
      police_crimes: referenced.police_crimes.table,
      asb: referenced.asb.table,
      fire: referenced.fire.table,
      ambulance: referenced.ambulance.table,
      hospital_admissions: referenced.hospital_admissions.table,
    },
    boundaries,
    streets: { list: streets, ...streetsGeo },
    water,
    groundTruth,
  };
}

/**
 * Where each planted hotspot sits: the town centre crossroads; a car park at the end of Station
 * Road; and three different neighbourhoods for the burglary estate, the park and the emerging
 * hotspot (snapped to their nearest street so the disc always holds streets).
 */
function hotspotAnchors(layout: TownLayout, streets: Street[], table: ReturnType<typeof segmentTable>) {
  const station = streets.find((s) => s.name === 'Station Road');
  if (!station) throw new Error('the town centre has no Station Road');
  const end = station.line[station.line.length - 1];
  const snap = (p: Point): Point => {
    const q = nearestStreetPoint(table, p.x, p.y);
    return { x: Math.round(q.x), y: Math.round(q.y) };
  };
  const [estate, park, emerging] = layout.neighbourhoods;
  const points: Record<Anchor, Point> = {
    centre: { ...layout.centre },
    carPark: { x: Math.round(end[0]), y: Math.round(end[1]) },
    estate: snap(estate),
    park: snap(park),
    emerging: snap(emerging),
  };
  const places: Record<Anchor, string> = {
    centre: 'Town centre',
    carPark: 'Station Road car park',
    estate: estate.name,
    park: `${park.name} park`,
    emerging: emerging.name,
  };
  return { points, places };
}
