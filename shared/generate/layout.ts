/**
 * The town's plan: where Ashbridge sits, its centre, its neighbourhoods and the population density
 * surface that spreads background events.
 *
 * The extent is 8 km × 6 km of British National Grid in the Forest of Bowland (Lancashire/Yorkshire
 * border), chosen because almost nobody lives there: an invented town on top of a real one would
 * confuse anyone who loads a real basemap under the sample. A BNG centre near (372 000, 455 000)
 * keeps every coordinate plainly British (six-figure eastings and northings).
 *
 * Density (relative, unitless), a sum of Gaussian bumps over a low rural floor:
 *   ρ(x, y) = RURAL_FLOOR + CENTRE_PEAK · exp(−d_c² / 2σ_c²) + Σ_n w_n · exp(−d_n² / 2σ_n²)
 * where d_c is the distance to the centre and d_n to neighbourhood n (σ_n = 0.6 · its radius).
 */
import type { Random } from '../util/random.js';
import { distance, type Extent, insideExtent, type Point } from './geometry.js';
import { NEIGHBOURHOOD_NAMES } from './names.js';

export const TOWN_EXTENT: Extent = { minX: 368_000, minY: 452_000, maxX: 376_000, maxY: 458_000 };
const CENTRE_NOMINAL: Point = { x: 372_000, y: 455_000 };
const CENTRE_JITTER_M = 250;
export const NEIGHBOURHOOD_COUNT = 7;
const NEIGHBOURHOOD_MIN_SPACING_M = 1_300;
const NEIGHBOURHOOD_MARGIN_M = 650;
const RURAL_FLOOR = 0.04;
const CENTRE_PEAK = 1.3;
const CENTRE_SIGMA_M = 550;

export type StreetStyle = 'grid' | 'curvy';

export interface Neighbourhood extends Point {
  name: string;
  radiusM: number;
  style: StreetStyle;
  angleRad: number;
  spacingM: number;
  /** Relative population weight of the neighbourhood's density bump. */
  weight: number;
}

export interface TownLayout {
  extent: Extent;
  centre: Point;
  neighbourhoods: Neighbourhood[];
}

export function planLayout(rng: Random): TownLayout {
  const centre = {
    x: Math.round(CENTRE_NOMINAL.x + rng.uniform(-CENTRE_JITTER_M, CENTRE_JITTER_M)),
    y: Math.round(CENTRE_NOMINAL.y + rng.uniform(-CENTRE_JITTER_M, CENTRE_JITTER_M)),
  };
  const names = rng.shuffle([...NEIGHBOURHOOD_NAMES]);
  const neighbourhoods: Neighbourhood[] = [];
  let attempts = 0;
  while (neighbourhoods.length < NEIGHBOURHOOD_COUNT) {
    if (++attempts > 100_000) throw new Error('could not place the neighbourhoods; the extent is too small');
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = rng.uniform(1_300, 3_100);
    const x = centre.x + r * Math.cos(angle);
    const y = centre.y + r * Math.sin(angle);
    if (!insideExtent(x, y, TOWN_EXTENT, NEIGHBOURHOOD_MARGIN_M)) continue;
    const tooClose = neighbourhoods.some((n) => distance(n.x, n.y, x, y) < NEIGHBOURHOOD_MIN_SPACING_M);
    if (tooClose) continue;
    neighbourhoods.push({
      name: names[neighbourhoods.length],
      x: Math.round(x),
      y: Math.round(y),
      radiusM: Math.round(rng.uniform(480, 700)),
      style: rng.bernoulli(0.5) ? 'grid' : 'curvy',
      angleRad: rng.uniform(0, Math.PI / 2),
      spacingM: Math.round(rng.uniform(85, 125)),
      weight: rng.uniform(0.6, 1.1),
    });
  }
  return { extent: TOWN_EXTENT, centre, neighbourhoods };
}

/** Relative population density ρ(x, y) (see the file comment). */
export function populationDensity(layout: TownLayout, x: number, y: number): number {
  let rho = RURAL_FLOOR;
  const dc2 = (x - layout.centre.x) ** 2 + (y - layout.centre.y) ** 2;
  rho += CENTRE_PEAK * Math.exp(-dc2 / (2 * CENTRE_SIGMA_M * CENTRE_SIGMA_M));
  for (const n of layout.neighbourhoods) {
    const sigma = 0.6 * n.radiusM;
    const d2 = (x - n.x) ** 2 + (y - n.y) ** 2;
    rho += n.weight * Math.exp(-d2 / (2 * sigma * sigma));
  }
  return rho;
}

/** How central a place is: 1 at the town centre falling to 0 (a Gaussian of σ = CENTRE_SIGMA_M). */
export function centrality(layout: TownLayout, x: number, y: number): number {
  const dc2 = (x - layout.centre.x) ** 2 + (y - layout.centre.y) ** 2;
  return Math.exp(-dc2 / (2 * CENTRE_SIGMA_M * CENTRE_SIGMA_M));
}
