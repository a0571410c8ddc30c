/**
 * A procedural street network for the town, as named polylines in BNG metres:
 *   main   — radial roads from the centre to the edge of the extent, gently curving (a heading
 *            random walk pulled back towards its bearing);
 *   ring   — a wobbly ring road about 1.65 km out;
 *   centre — a slightly rotated grid of town-centre streets 110 m apart;
 *   residential — one grid per neighbourhood ("grid" style straight, "curvy" style with a
 *            sinusoidal sideways wobble), clipped to the neighbourhood's disc.
 * Every vertex is at most STEP_M from the next and at least STREET_MARGIN_M inside the extent, so
 * an event offset a few metres from a street is still inside the extent.
 */
import type { Random } from '../util/random.js';
import { distance, insideExtent } from './geometry.js';
import type { Neighbourhood, TownLayout } from './layout.js';
import { CENTRE_STREET_NAMES, MAIN_ROAD_NAMES, RING_ROAD_NAME, type StreetNamer } from './names.js';

export type StreetKind = 'main' | 'ring' | 'centre' | 'residential';

export interface Street {
  name: string;
  kind: StreetKind;
  /** Vertices [x, y] in BNG metres. */
  line: number[][];
}

export const STEP_M = 25;
export const STREET_MARGIN_M = 40;
const CENTRE_SPACING_M = 110;
const CENTRE_HALF_LINES = 3;
const CENTRE_HALF_LENGTH_M = 380;
const RADIAL_COUNT = 6;
const RING_RADIUS_M = 1_650;
const MIN_PIECE_POINTS = 3;

export function buildStreets(rng: Random, layout: TownLayout, namer: StreetNamer): Street[] {
  return [
    ...centreGrid(rng, layout),
    ...radialRoads(rng, layout),
    ...ringRoad(rng, layout),
    ...layout.neighbourhoods.flatMap((n) => neighbourhoodStreets(rng, layout, n, namer)),
  ];
}

/** Splits a polyline into the runs of vertices that satisfy `keep`, dropping runs that are too short. */
function clipRuns(points: number[][], keep: (p: number[]) => boolean): number[][][] {
  const runs: number[][][] = [];
  let run: number[][] = [];
  for (const p of points) {
    if (keep(p)) run.push(p);
    else {
      if (run.length >= MIN_PIECE_POINTS) runs.push(run);
      run = [];
    }
  }
  if (run.length >= MIN_PIECE_POINTS) runs.push(run);
  return runs;
}

function round1(p: number[]): number[] {
  return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
}

function centreGrid(rng: Random, layout: TownLayout): Street[] {
  const angle = rng.uniform(-0.3, 0.3);
  const dirs = [
    [Math.cos(angle), Math.sin(angle)],
    [-Math.sin(angle), Math.cos(angle)],
  ];
  const names = [...CENTRE_STREET_NAMES];
  // High Street and Market Street are the two central lines; the rest take the other names in turn.
  let nextName = 2;
  const streets: Street[] = [];
  for (let d = 0; d < 2; d++) {
    const along = dirs[d];
    const across = dirs[1 - d];
    for (let k = -CENTRE_HALF_LINES; k <= CENTRE_HALF_LINES; k++) {
      const name = k === 0 ? names[d] : names[nextName++];
      const line: number[][] = [];
      for (let s = -CENTRE_HALF_LENGTH_M; s <= CENTRE_HALF_LENGTH_M; s += STEP_M) {
        const c = k * CENTRE_SPACING_M;
        line.push(
          round1([
            layout.centre.x + s * along[0] + c * across[0],
            layout.centre.y + s * along[1] + c * across[1],
          ]),
        );
      }
      streets.push({ name, kind: 'centre', line });
    }
  }
  return streets;
}

function radialRoads(rng: Random, layout: TownLayout): Street[] {
  const streets: Street[] = [];
  const offset = rng.uniform(0, (2 * Math.PI) / RADIAL_COUNT);
  for (let k = 0; k < RADIAL_COUNT; k++) {
    const bearing = offset + (2 * Math.PI * k) / RADIAL_COUNT + rng.uniform(-0.2, 0.2);
    let heading = bearing;
    let x = layout.centre.x + CENTRE_HALF_LENGTH_M * 0.4 * Math.cos(bearing);
    let y = layout.centre.y + CENTRE_HALF_LENGTH_M * 0.4 * Math.sin(bearing);
    const line: number[][] = [];
    while (insideExtent(x, y, layout.extent, STREET_MARGIN_M)) {
      line.push(round1([x, y]));
      heading += 0.08 * (bearing - heading) + rng.normal(0, 0.04);
      x += STEP_M * Math.cos(heading);
      y += STEP_M * Math.sin(heading);
    }
    if (line.length >= MIN_PIECE_POINTS) streets.push({ name: MAIN_ROAD_NAMES[k], kind: 'main', line });
  }
  return streets;
}

function ringRoad(rng: Random, layout: TownLayout): Street[] {
  const phase1 = rng.uniform(0, 2 * Math.PI);
  const phase2 = rng.uniform(0, 2 * Math.PI);
  const circumference = 2 * Math.PI * RING_RADIUS_M;
  const steps = Math.ceil(circumference / STEP_M);
  const points: number[][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = (2 * Math.PI * i) / steps;
    const r = RING_RADIUS_M * (1 + 0.08 * Math.sin(2 * t + phase1) + 0.05 * Math.sin(3 * t + phase2));
    points.push(round1([layout.centre.x + r * Math.cos(t), layout.centre.y + r * Math.sin(t)]));
  }
  return clipRuns(points, (p) => insideExtent(p[0], p[1], layout.extent, STREET_MARGIN_M)).map((line) => ({
    name: RING_ROAD_NAME,
    kind: 'ring' as const,
    line,
  }));
}

function neighbourhoodStreets(
  rng: Random,
  layout: TownLayout,
  n: Neighbourhood,
  namer: StreetNamer,
): Street[] {
  const streets: Street[] = [];
  const dirs = [
    [Math.cos(n.angleRad), Math.sin(n.angleRad)],
    [-Math.sin(n.angleRad), Math.cos(n.angleRad)],
  ];
  const half = Math.floor(n.radiusM / n.spacingM);
  for (let d = 0; d < 2; d++) {
    const along = dirs[d];
    const across = dirs[1 - d];
    for (let k = -half; k <= half; k++) {
      const amplitude = n.style === 'curvy' ? rng.uniform(15, 35) : 0;
      const wavelength = rng.uniform(250, 500);
      const phase = rng.uniform(0, 2 * Math.PI);
      const points: number[][] = [];
      for (let s = -n.radiusM; s <= n.radiusM; s += STEP_M) {
        const c = k * n.spacingM + amplitude * Math.sin((2 * Math.PI * s) / wavelength + phase);
        points.push(round1([n.x + s * along[0] + c * across[0], n.y + s * along[1] + c * across[1]]));
      }
      const keep = (p: number[]) =>
        distance(p[0], p[1], n.x, n.y) <= n.radiusM &&
        insideExtent(p[0], p[1], layout.extent, STREET_MARGIN_M);
      const runs = clipRuns(points, keep);
      if (runs.length === 0) continue;
      const name = namer.name();
      for (const line of runs) streets.push({ name, kind: 'residential', line });
    }
  }
  return streets;
}
