/**
 * Names for the invented town: its neighbourhoods, main roads and streets. Street names are built
 * as "<stem> <suffix>" from lists typical of English towns and handed out without repeats, so a
 * location description "On or near Rowan Close" points at exactly one street.
 */
import type { Random } from '../util/random.js';

export const TOWN_NAME = 'Ashbridge';

export const NEIGHBOURHOOD_NAMES = [
  'Abbey Fields',
  'Moorside',
  'Millbrook',
  'Fellgate',
  'Riverside',
  'Thornhill',
  'Castlefields',
  'Kirkgate',
  'Hollins',
  'Brackenhurst',
];

export const CENTRE_STREET_NAMES = [
  'High Street',
  'Market Street',
  'Church Street',
  'Bridge Street',
  'King Street',
  'Queen Street',
  'Castle Street',
  'Station Road',
  'Chapel Street',
  'George Street',
  'Union Street',
  'Water Street',
  'Albion Street',
  'New Street',
  'Commercial Street',
  'Wellington Street',
];

export const MAIN_ROAD_NAMES = [
  'Kirkby Road',
  'Harrowfield Road',
  'Bramley Road',
  'Oldcastle Road',
  'Westwood Road',
  'Longridge Road',
  'Carrbridge Road',
  'Sowerby Road',
];

export const RING_ROAD_NAME = 'Queensway';

const STEMS = [
  'Oak',
  'Ash',
  'Beech',
  'Elm',
  'Willow',
  'Hawthorn',
  'Rowan',
  'Birch',
  'Larch',
  'Holly',
  'Chestnut',
  'Maple',
  'Cedar',
  'Alder',
  'Hazel',
  'Poplar',
  'Sycamore',
  'Laurel',
  'Heather',
  'Bracken',
  'Fern',
  'Primrose',
  'Bluebell',
  'Foxglove',
  'Clover',
  'Meadow',
  'Orchard',
  'Brook',
  'Park',
  'School',
  'Victoria',
  'Albert',
  'Windsor',
  'Stanley',
  'Grosvenor',
  'Princess',
  'Nelson',
  'Cromwell',
  'Milton',
  'Shelley',
  'Byron',
  'Keats',
  'Wordsworth',
  'Ruskin',
  'Dale',
  'Fell',
  'Moor',
  'Hill',
  'Grange',
  'Manor',
  'Priory',
  'Abbey',
  'Farm',
  'Mill',
  'Kiln',
  'Forge',
  'Wharf',
  'Canal',
  'Lime',
  'Spring',
  'Well',
  'Cross',
  'Green',
  'Field',
  'Acre',
  'Coppice',
  'Spinney',
  'Heath',
  'Common',
  'Lark',
  'Swallow',
  'Kestrel',
  'Heron',
  'Curlew',
  'Plover',
  'Wren',
  'Linnet',
  'Thrush',
  'Falcon',
  'Osprey',
];

const SUFFIXES = [
  'Road',
  'Street',
  'Avenue',
  'Close',
  'Drive',
  'Grove',
  'Lane',
  'Way',
  'Crescent',
  'Gardens',
  'Terrace',
  'Place',
  'Walk',
  'Rise',
  'View',
  'Court',
  'Mews',
  'Bank',
];

/** Hands out unique residential street names in a seeded order. */
export class StreetNamer {
  private readonly pool: string[];
  private next = 0;

  constructor(rng: Random, reserved: readonly string[]) {
    const taken = new Set(reserved);
    const all: string[] = [];
    for (const stem of STEMS) for (const suffix of SUFFIXES) all.push(`${stem} ${suffix}`);
    this.pool = rng.shuffle(all).filter((name) => !taken.has(name));
  }

  name(): string {
    if (this.next >= this.pool.length)
      throw new RangeError(`ran out of street names after ${this.pool.length}`);
    return this.pool[this.next++];
  }
}
