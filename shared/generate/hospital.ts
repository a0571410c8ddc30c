/**
 * Hospital (A&E) assault admissions, area-only: the hospital shares the outward postcode district
 * of the patient's home, never a point (DESIGN.md §2). A latent home is drawn on the streets (70%
 * by population, 30% weighted to the centre, where the night-time economy's victims live and drink)
 * and only its district is written.
 */
import type { Random } from '../util/random.js';
import { areaAt, type BoundaryLayer } from './boundaries.js';
import type { EventContext } from './events.js';
import { HOSPITAL_BASE_COUNT } from './plan.js';
import { PROFILES } from './profiles.js';
import { TimeSampler } from './time-sampling.js';

export interface Admission {
  dayMs: number;
  district: string;
  injuryType: string;
  ageBand: string;
}

const INJURY_TYPES = [
  'Assault - bodily force',
  'Assault - blunt object',
  'Assault - sharp object',
  'Assault - other',
];
const INJURY_WEIGHTS = [0.62, 0.17, 0.09, 0.12];
const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55+'];
const AGE_WEIGHTS = [0.09, 0.31, 0.27, 0.16, 0.1, 0.07];
const CENTRAL_SHARE = 0.3;

export function hospitalAdmissions(
  rng: Random,
  ctx: EventContext,
  districts: BoundaryLayer,
  size: number,
): Admission[] {
  const n = rng.poisson(HOSPITAL_BASE_COUNT * size);
  const days = new TimeSampler(ctx.period, PROFILES.admission);
  const out: Admission[] = [];
  for (let i = 0; i < n; i++) {
    const sampler = rng.next() < CENTRAL_SHARE ? ctx.samplers.central : ctx.samplers.population;
    const home = sampler.point(rng);
    out.push({
      dayMs: days.day(rng),
      district: areaAt(districts, home.x, home.y).code,
      injuryType: INJURY_TYPES[rng.weightedIndex(INJURY_WEIGHTS)],
      ageBand: AGE_BANDS[rng.weightedIndex(AGE_WEIGHTS)],
    });
  }
  return out.sort((a, b) => a.dayMs - b.dayMs);
}
