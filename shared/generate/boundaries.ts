/**
 * Boundary layers tiling the extent: wards, police beats and outward postcode districts, each the
 * Voronoi diagram of a set of seeds clipped to the extent (d3-delaunay). A point's area is its
 * nearest seed, which is exactly the Voronoi cell it lies in, so records and polygons agree.
 *
 * Codes are invented and cannot collide with real ones: wards use E05999xxx (real E05 ward codes
 * stop far below 999 000), postcode districts use the unused postcode area "AS" (AS1 is the town
 * centre, as a district 1 usually is), beats use AB01…
 */
import { Delaunay } from 'd3';
import type { Random } from '../util/random.js';
import { closedCounterClockwise, distance, nearestSeed, type Point } from './geometry.js';
import { populationDensity, type TownLayout } from './layout.js';
import { TOWN_NAME } from './names.js';

export interface Area extends Point {
  code: string;
  name: string;
  /** Exterior ring in BNG metres, closed and counter-clockwise. */
  ring: number[][];
  /** Resident population, where the layer carries one (population.ts). */
  population?: number;
}

export interface BoundaryLayer {
  /** Layer id used in file names and the ground truth: 'wards', 'beats', 'postcode_districts'. */
  id: string;
  title: string;
  /** GeoJSON property names holding the code and the name (partners' layers use such names). */
  codeProperty: string;
  nameProperty: string;
  /** GeoJSON property holding each area's residents, when the layer has them. */
  populationProperty?: string;
  areas: Area[];
}

const BEAT_COUNT = 16;
const BEAT_MIN_SPACING_M = 900;
const POSTCODE_DISTRICT_COUNT = 8;
const POSTCODE_MIN_SPACING_M = 1_500;

function voronoiRings(seeds: readonly Point[], layout: TownLayout): number[][][] {
  const e = layout.extent;
  const delaunay = Delaunay.from(
    seeds,
    (p) => p.x,
    (p) => p.y,
  );
  const voronoi = delaunay.voronoi([e.minX, e.minY, e.maxX, e.maxY]);
  return seeds.map((_, i) => {
    const polygon = voronoi.cellPolygon(i);
    if (!polygon) throw new Error(`Voronoi cell ${i} is empty`);
    return closedCounterClockwise(
      polygon.map((p) => [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10]),
    );
  });
}

/** Seeds drawn with probability ∝ population density, at least minSpacingM apart. */
function densitySeeds(
  rng: Random,
  layout: TownLayout,
  count: number,
  minSpacingM: number,
  fixed: Point[],
): Point[] {
  const seeds = [...fixed];
  const e = layout.extent;
  let maxRho = 0;
  for (let x = e.minX; x <= e.maxX; x += 100) {
    for (let y = e.minY; y <= e.maxY; y += 100) maxRho = Math.max(maxRho, populationDensity(layout, x, y));
  }
  let spacing = minSpacingM;
  let attempts = 0;
  while (seeds.length < count) {
    // Relax the spacing if the extent is too crowded, so the loop always ends.
    if (++attempts % 20_000 === 0) spacing *= 0.9;
    const x = rng.uniform(e.minX + 200, e.maxX - 200);
    const y = rng.uniform(e.minY + 200, e.maxY - 200);
    if (rng.next() * maxRho > 0.3 * maxRho + populationDensity(layout, x, y)) continue;
    if (seeds.some((s) => distance(s.x, s.y, x, y) < spacing)) continue;
    seeds.push({ x: Math.round(x), y: Math.round(y) });
  }
  return seeds;
}

export function buildWards(layout: TownLayout): BoundaryLayer {
  const seeds: Point[] = [layout.centre, ...layout.neighbourhoods];
  const names = [`${TOWN_NAME} Central`, ...layout.neighbourhoods.map((n) => n.name)];
  const rings = voronoiRings(seeds, layout);
  return {
    id: 'wards',
    title: 'Wards',
    codeProperty: 'WD24CD',
    nameProperty: 'WD24NM',
    areas: seeds.map((s, i) => ({
      x: s.x,
      y: s.y,
      code: `E05999${String(i + 1).padStart(3, '0')}`,
      name: names[i],
      ring: rings[i],
    })),
  };
}

export function buildBeats(rng: Random, layout: TownLayout, wards: BoundaryLayer): BoundaryLayer {
  const seeds = densitySeeds(rng, layout, BEAT_COUNT, BEAT_MIN_SPACING_M, [layout.centre]);
  // Order beats west to east, then name each after the ward its seed lies in: "Moorside A", "Moorside B".
  seeds.sort((a, b) => a.x - b.x || a.y - b.y);
  const rings = voronoiRings(seeds, layout);
  const perWard = new Map<string, number>();
  return {
    id: 'beats',
    title: 'Police beats',
    codeProperty: 'BEAT_CODE',
    nameProperty: 'BEAT_NAME',
    areas: seeds.map((s, i) => {
      const ward = wards.areas[nearestSeed(wards.areas, s.x, s.y)].name;
      const n = perWard.get(ward) ?? 0;
      perWard.set(ward, n + 1);
      return {
        x: s.x,
        y: s.y,
        code: `AB${String(i + 1).padStart(2, '0')}`,
        name: `${ward} ${String.fromCharCode(65 + n)}`,
        ring: rings[i],
      };
    }),
  };
}

export function buildPostcodeDistricts(rng: Random, layout: TownLayout): BoundaryLayer {
  const seeds = densitySeeds(rng, layout, POSTCODE_DISTRICT_COUNT, POSTCODE_MIN_SPACING_M, [layout.centre]);
  // AS1 is the centre; the others are numbered clockwise from north.
  const c = layout.centre;
  const bearing = (p: Point) => (Math.atan2(p.x - c.x, p.y - c.y) + 2 * Math.PI) % (2 * Math.PI);
  const ordered = [seeds[0], ...seeds.slice(1).sort((a, b) => bearing(a) - bearing(b))];
  const rings = voronoiRings(ordered, layout);
  return {
    id: 'postcode_districts',
    title: 'Postcode districts',
    codeProperty: 'PostDist',
    nameProperty: 'PostDist',
    areas: ordered.map((s, i) => ({
      x: s.x,
      y: s.y,
      code: `AS${i + 1}`,
      name: `AS${i + 1}`,
      ring: rings[i],
    })),
  };
}

/** The area of a layer containing (x, y). */
export function areaAt(layer: BoundaryLayer, x: number, y: number): Area {
  return layer.areas[nearestSeed(layer.areas, x, y)];
}
