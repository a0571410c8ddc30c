/**
 * Background and planted-hotspot events as latent records (a point, a time or window, a category)
 * before they are written out in each partner's format (tables.ts).
 */
import type { Random } from '../util/random.js';
import type { Point } from './geometry.js';
import { centrality, populationDensity, type TownLayout } from './layout.js';
import { BACKGROUND, type DatasetId, HOTSPOTS, type HotspotSpec, type Space } from './plan.js';
import { onlyBetween, PROFILES } from './profiles.js';
import {
  DiscSampler,
  type PlacedPoint,
  type SegmentSampler,
  type SegmentTable,
  weightedSampler,
} from './street-sampler.js';
import type { Street, StreetKind } from './streets.js';
import { type Period, TimeSampler } from './time-sampling.js';

export interface LatentEvent {
  dataset: DatasetId;
  category: string;
  subcategory: string;
  x: number;
  y: number;
  /** "On or near …", as police.uk and partner systems describe a place without a house number. */
  location: string;
  fromMs: number;
  toMs: number;
  /** Planted hotspot or series id ('H1', 'S3'), or null for background. */
  planted: string | null;
}

export interface EventContext {
  layout: TownLayout;
  streets: readonly Street[];
  table: SegmentTable;
  period: Period;
  samplers: Record<Space, SegmentSampler>;
}

export const PARKING_AREA = 'Parking Area';

const RESIDENTIAL_FACTOR: Record<StreetKind, number> = {
  residential: 1.6,
  centre: 0.4,
  main: 0.8,
  ring: 0.8,
};
const ROAD_FACTOR: Record<StreetKind, number> = { residential: 1, centre: 1, main: 2.5, ring: 2.5 };

export function spaceSamplers(
  layout: TownLayout,
  streets: readonly Street[],
  table: SegmentTable,
): Record<Space, SegmentSampler> {
  const rho = (x: number, y: number) => populationDensity(layout, x, y);
  return {
    population: weightedSampler(table, streets, (x, y) => rho(x, y)),
    residential: weightedSampler(table, streets, (x, y, kind) => rho(x, y) * RESIDENTIAL_FACTOR[kind]),
    roads: weightedSampler(table, streets, (x, y, kind) => rho(x, y) * ROAD_FACTOR[kind]),
    central: weightedSampler(table, streets, (x, y) => rho(x, y) + 3 * centrality(layout, x, y)),
    mixed: weightedSampler(table, streets, (x, y) => rho(x, y) + centrality(layout, x, y)),
  };
}

export function locationText(streets: readonly Street[], p: PlacedPoint): string {
  return `On or near ${streets[p.street].name}`;
}

export function backgroundEvents(rng: Random, ctx: EventContext, size: number): LatentEvent[] {
  const events: LatentEvent[] = [];
  for (const spec of BACKGROUND) {
    const n = rng.poisson(spec.baseCount * size);
    const times = new TimeSampler(ctx.period, PROFILES[spec.profile]);
    const places = ctx.samplers[spec.space];
    for (let i = 0; i < n; i++) {
      const p = places.point(rng);
      const t = times.sample(rng);
      events.push({
        dataset: spec.dataset,
        category: spec.category,
        subcategory: spec.subcategory,
        x: p.x,
        y: p.y,
        location: locationText(ctx.streets, p),
        fromMs: t.fromMs,
        toMs: t.toMs,
        planted: null,
      });
    }
  }
  return events;
}

export interface PlantedHotspot {
  spec: HotspotSpec;
  centre: Point;
  count: number;
  fromMs: number;
  toMs: number;
}

/** The events of one planted hotspot; a car park's events fill its disc uniformly, off-street. */
export function hotspotEvents(rng: Random, ctx: EventContext, hotspot: PlantedHotspot): LatentEvent[] {
  const { spec, centre } = hotspot;
  const base = PROFILES[spec.profile];
  const profile = spec.emerging ? onlyBetween(base, hotspot.fromMs, hotspot.toMs) : base;
  const times = new TimeSampler(ctx.period, profile);
  const disc = spec.anchor === 'carPark' ? null : new DiscSampler(ctx.table, centre, spec.radiusM);
  const events: LatentEvent[] = [];
  for (let i = 0; i < hotspot.count; i++) {
    let x: number;
    let y: number;
    let location: string;
    if (disc) {
      const p = disc.point(rng);
      x = p.x;
      y = p.y;
      location = locationText(ctx.streets, p);
    } else {
      do {
        const r = spec.radiusM * Math.sqrt(rng.next());
        const theta = rng.uniform(0, 2 * Math.PI);
        x = Math.round(centre.x + r * Math.cos(theta));
        y = Math.round(centre.y + r * Math.sin(theta));
      } while (Math.hypot(x - centre.x, y - centre.y) > spec.radiusM);
      location = `On or near ${PARKING_AREA}`;
    }
    const t = times.sample(rng);
    events.push({
      dataset: spec.dataset,
      category: spec.category,
      subcategory: spec.subcategory,
      x,
      y,
      location,
      fromMs: t.fromMs,
      toMs: t.toMs,
      planted: spec.id,
    });
  }
  return events;
}

export function plantedHotspotList(
  anchors: Record<HotspotSpec['anchor'], Point>,
  size: number,
  period: Period,
  lastQuarterStartMs: number,
): PlantedHotspot[] {
  return HOTSPOTS.map((spec) => ({
    spec,
    centre: anchors[spec.anchor],
    count: Math.round(spec.baseCount * size),
    fromMs: spec.emerging ? lastQuarterStartMs : period.startMs,
    toMs: period.endMs,
  }));
}
