/**
 * What the synthetic town contains at size 1: background counts per dataset and category, the
 * planted hotspots and the number of planted near-repeat burglary series. `size` multiplies every
 * count. Background counts are Poisson-distributed around size × baseCount (so totals vary a
 * little with the seed, as real quarters do); planted counts are exactly round(size × baseCount),
 * so the ground truth is crisp. About 19 500 records in all at size 1.
 */
import type { PROFILES } from './profiles.js';

export type DatasetId = 'police_crimes' | 'asb' | 'fire' | 'ambulance' | 'hospital_admissions';

/**
 * Where background events fall, as a weight on street segments (× segment length):
 *   population   ρ (the density surface, layout.ts)
 *   residential  ρ on residential streets, less on main roads and in the centre
 *   roads        ρ, more on main and ring roads
 *   central      ρ + 3 · centrality (violence and the town centre)
 *   mixed        ρ + centrality
 */
export type Space = 'population' | 'residential' | 'roads' | 'central' | 'mixed';

export type ProfileName = keyof typeof PROFILES;

export interface BackgroundSpec {
  dataset: DatasetId;
  category: string;
  subcategory: string;
  baseCount: number;
  space: Space;
  profile: ProfileName;
}

/** Where a planted hotspot sits: the town centre, a car park, or a neighbourhood by role. */
export type Anchor = 'centre' | 'carPark' | 'estate' | 'park' | 'emerging';

export interface HotspotSpec {
  id: string;
  name: string;
  dataset: DatasetId;
  category: string;
  subcategory: string;
  baseCount: number;
  radiusM: number;
  anchor: Anchor;
  profile: ProfileName;
  /** Only in the last quarter of the period (a "new hotspot" for the tactical assessment). */
  emerging: boolean;
}

export const SERIES_BASE_COUNT = 30;
export const HOSPITAL_BASE_COUNT = 1_100;
/** Days in the "last quarter" of the period, when the emerging hotspot appears. */
export const LAST_QUARTER_DAYS = 92;

const VAP = 'Violence Against the Person';
const CDA = 'Criminal Damage and Arson';

export const BACKGROUND: readonly BackgroundSpec[] = [
  bg('police_crimes', 'Burglary', 'Burglary - Residential', 1_100, 'residential', 'residentialBurglary'),
  bg('police_crimes', 'Burglary', 'Burglary - Business and Community', 150, 'mixed', 'businessBurglary'),
  bg('police_crimes', 'Vehicle Offences', 'Theft from a Motor Vehicle', 1_020, 'roads', 'vehicle'),
  bg(
    'police_crimes',
    'Vehicle Offences',
    'Theft or Unauthorised Taking of a Motor Vehicle',
    430,
    'roads',
    'vehicle',
  ),
  bg('police_crimes', 'Vehicle Offences', 'Interfering with a Motor Vehicle', 250, 'roads', 'vehicle'),
  bg('police_crimes', VAP, 'Violence with Injury', 1_170, 'central', 'violence'),
  bg('police_crimes', VAP, 'Violence without Injury', 1_430, 'central', 'violence'),
  bg('police_crimes', CDA, 'Criminal Damage to a Dwelling', 600, 'residential', 'damage'),
  bg('police_crimes', CDA, 'Criminal Damage to a Vehicle', 510, 'roads', 'damage'),
  bg('police_crimes', CDA, 'Other Criminal Damage', 500, 'mixed', 'damage'),
  bg('police_crimes', CDA, 'Arson', 90, 'population', 'damage'),
  bg('asb', 'Nuisance', '', 3_500, 'mixed', 'asb'),
  bg('asb', 'Personal', '', 1_000, 'population', 'asb'),
  bg('asb', 'Environmental', '', 500, 'population', 'asb'),
  bg('fire', 'Deliberate Primary Fire', '', 220, 'population', 'primaryFire'),
  bg('fire', 'Deliberate Secondary Fire', '', 800, 'population', 'secondaryFire'),
  bg('fire', 'Deliberate Vehicle Fire', '', 180, 'roads', 'vehicle'),
  bg('fire', 'False Alarm - Malicious', '', 140, 'mixed', 'maliciousAlarm'),
  bg('ambulance', 'Assault', '', 1_530, 'central', 'ambulanceAssault'),
  bg('ambulance', 'Stab/Penetrating Trauma', '', 90, 'central', 'ambulanceAssault'),
  bg('ambulance', 'Alcohol Intoxication', '', 180, 'central', 'ambulanceAssault'),
];

export const HOTSPOTS: readonly HotspotSpec[] = [
  {
    id: 'H1',
    name: 'Town centre night-time economy violence',
    dataset: 'police_crimes',
    category: VAP,
    subcategory: 'Violence with Injury',
    baseCount: 800,
    radiusM: 250,
    anchor: 'centre',
    profile: 'nightEconomy',
    emerging: false,
  },
  {
    id: 'H2',
    name: 'Station car park vehicle crime',
    dataset: 'police_crimes',
    category: 'Vehicle Offences',
    subcategory: 'Theft from a Motor Vehicle',
    baseCount: 300,
    radiusM: 90,
    anchor: 'carPark',
    profile: 'carPark',
    emerging: false,
  },
  {
    id: 'H3',
    name: 'Estate dwelling burglary',
    dataset: 'police_crimes',
    category: 'Burglary',
    subcategory: 'Burglary - Residential',
    baseCount: 220,
    radiusM: 400,
    anchor: 'estate',
    profile: 'residentialBurglary',
    emerging: false,
  },
  {
    id: 'H4',
    name: 'Park youth nuisance ASB',
    dataset: 'asb',
    category: 'Nuisance',
    subcategory: '',
    baseCount: 600,
    radiusM: 250,
    anchor: 'park',
    profile: 'asb',
    emerging: false,
  },
  {
    id: 'H5',
    name: 'Park deliberate secondary fires',
    dataset: 'fire',
    category: 'Deliberate Secondary Fire',
    subcategory: '',
    baseCount: 180,
    radiusM: 300,
    anchor: 'park',
    profile: 'secondaryFire',
    emerging: false,
  },
  {
    id: 'H6',
    name: 'Emerging criminal damage (last quarter only)',
    dataset: 'police_crimes',
    category: CDA,
    subcategory: 'Other Criminal Damage',
    baseCount: 120,
    radiusM: 200,
    anchor: 'emerging',
    profile: 'damage',
    emerging: true,
  },
  {
    id: 'H7',
    name: 'Town centre night-time economy assault call-outs',
    dataset: 'ambulance',
    category: 'Assault',
    subcategory: '',
    baseCount: 500,
    radiusM: 250,
    anchor: 'centre',
    profile: 'nightEconomy',
    emerging: false,
  },
];

function bg(
  dataset: DatasetId,
  category: string,
  subcategory: string,
  baseCount: number,
  space: Space,
  profile: ProfileName,
): BackgroundSpec {
  return { dataset, category, subcategory, baseCount, space, profile };
}
