/**
 * Builds the ground truth (ground-truth.ts) from what generateTown made: references of planted
 * events looked up by their place in the written tables, series step statistics measured on the
 * written coordinates and window-midpoint days.
 */
import { MS_PER_DAY } from '../model/time.js';
import type { BoundaryLayer } from './boundaries.js';
import type { PlantedHotspot } from './events.js';
import { isoDay } from './format.js';
import { distance } from './geometry.js';
import { GROUND_TRUTH_FORMAT, GROUND_TRUTH_VERSION, type GroundTruth } from './ground-truth.js';
import type { Admission } from './hospital.js';
import type { TownLayout } from './layout.js';
import { TOWN_NAME } from './names.js';
import type { DatasetId } from './plan.js';
import { midpointDay, type PlantedSeries, SERIES_LINK_DAYS, SERIES_LINK_DISTANCE_M } from './series.js';
import type { Street } from './streets.js';
import type { ReferencedTable } from './tables.js';

export interface GroundTruthInput {
  options: GroundTruth['generator'];
  layout: TownLayout;
  period: { startMs: number; endMs: number; lastQuarterStartMs: number };
  referenced: Record<DatasetId, ReferencedTable>;
  boundaries: BoundaryLayer[];
  streets: Street[];
  hotspots: (PlantedHotspot & { place: string })[];
  series: PlantedSeries[];
  admissions: Admission[];
}

/** yyyy-mm-ddTHH:MM of a wall-clock ms. */
function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function buildGroundTruth(input: GroundTruthInput): GroundTruth {
  const { layout, period, referenced } = input;
  const referenceOf = new Map<object, string>();
  for (const r of Object.values(referenced)) {
    for (let i = 0; i < r.events.length; i++) referenceOf.set(r.events[i], r.references[i]);
  }
  const plantedRefs = (id: string, dataset: DatasetId) =>
    referenced[dataset].events.filter((e) => e.planted === id).map((e) => referenceOf.get(e)!);
  const categoryColumn: Record<DatasetId, number> = {
    police_crimes: 1,
    asb: 1,
    fire: 1,
    ambulance: 1,
    hospital_admissions: 2,
  };
  return {
    format: GROUND_TRUTH_FORMAT,
    version: GROUND_TRUTH_VERSION,
    generator: input.options,
    town: {
      name: TOWN_NAME,
      crs: 'EPSG:27700',
      extent: { ...layout.extent },
      centre: { ...layout.centre },
      neighbourhoods: layout.neighbourhoods.map((n) => ({
        name: n.name,
        x: n.x,
        y: n.y,
        radiusM: n.radiusM,
      })),
    },
    period: {
      startDate: isoDay(period.startMs),
      endDate: isoDay(period.endMs - MS_PER_DAY),
      lastQuarterStartDate: isoDay(period.lastQuarterStartMs),
    },
    datasets: Object.values(referenced).map(({ table }) => ({
      id: table.id,
      file: table.file,
      title: table.title,
      coordinates: table.coordinates,
      headers: table.headers,
      rows: table.rows.length,
      categories: countBy(table.rows.map((row) => row[categoryColumn[table.id]])),
    })),
    boundaries: input.boundaries.map((b) => ({
      id: b.id,
      file: `${b.id}.geojson`,
      title: b.title,
      codeProperty: b.codeProperty,
      nameProperty: b.nameProperty,
      areas: b.areas.map((a) => ({ code: a.code, name: a.name, seed: { x: a.x, y: a.y } })),
    })),
    streets: {
      file: 'streets.geojson',
      features: input.streets.length,
      names: new Set(input.streets.map((s) => s.name)).size,
    },
    hotspots: input.hotspots.map((h) => ({
      id: h.spec.id,
      name: h.spec.name,
      dataset: h.spec.dataset,
      category: h.spec.category,
      subcategory: h.spec.subcategory,
      place: h.place,
      centre: { ...h.centre },
      radiusM: h.spec.radiusM,
      count: h.count,
      startDate: isoDay(h.fromMs),
      endDate: isoDay(h.toMs - MS_PER_DAY),
      emerging: h.spec.emerging,
      references: plantedRefs(h.spec.id, h.spec.dataset),
    })),
    series: input.series.map((s) => {
      let maxStepDistanceM = 0;
      let maxStepDays = 0;
      for (let k = 1; k < s.events.length; k++) {
        const a = s.events[k - 1];
        const b = s.events[k];
        maxStepDistanceM = Math.max(maxStepDistanceM, distance(a.x, a.y, b.x, b.y));
        maxStepDays = Math.max(maxStepDays, midpointDay(b) - midpointDay(a));
      }
      const first = s.events[0];
      const last = s.events[s.events.length - 1];
      return {
        id: s.id,
        dataset: 'police_crimes' as const,
        category: first.category,
        subcategory: first.subcategory,
        linkDistanceM: SERIES_LINK_DISTANCE_M,
        linkDays: SERIES_LINK_DAYS,
        spanDays: midpointDay(last) - midpointDay(first),
        maxStepDistanceM: Math.round(maxStepDistanceM * 10) / 10,
        maxStepDays,
        events: s.events.map((e) => ({
          reference: referenceOf.get(e)!,
          x: e.x,
          y: e.y,
          from: isoMinute(e.fromMs),
          to: isoMinute(e.toMs),
          fromMs: e.fromMs,
          toMs: e.toMs,
        })),
      };
    }),
    hospitalByDistrict: countBy(input.admissions.map((a) => a.district)),
  };
}
