/**
 * The town's map from its seed: the layout, the named streets and the water. generateTown builds
 * everything else on it; the bundled basemap's reference layers in static maps come from it alone
 * (no events, so it is quick). Each part draws from its own random stream (seed + part name).
 */
import { Random, seedFromString } from '../util/random.js';
import { planLayout, type TownLayout } from './layout.js';
import { CENTRE_STREET_NAMES, MAIN_ROAD_NAMES, RING_ROAD_NAME, StreetNamer } from './names.js';
import { buildStreets, type Street } from './streets.js';
import { buildWater, type WaterBody } from './water.js';

export interface TownMap {
  layout: TownLayout;
  streets: Street[];
  water: WaterBody[];
}

export function townStream(seed: number, part: string): Random {
  return new Random(seedFromString(`${seed}/${part}`));
}

export function townMap(seed: number): TownMap {
  const layout = planLayout(townStream(seed, 'layout'));
  const namer = new StreetNamer(townStream(seed, 'names'), [
    ...CENTRE_STREET_NAMES,
    ...MAIN_ROAD_NAMES,
    RING_ROAD_NAME,
  ]);
  const streets = buildStreets(townStream(seed, 'streets'), layout, namer);
  return { layout, streets, water: buildWater(townStream(seed, 'water'), layout) };
}
