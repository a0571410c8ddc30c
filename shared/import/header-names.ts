/**
 * Header names that suggest each canonical field (detect-mapping.ts), and how well a header matches:
 * an exact known name scores 0.9 (earlier names in a list slightly more), a known multi-word name or
 * a word of five letters or more inside a longer header 0.6, anything else 0.
 */
import type { CanonicalField } from '../model/records.js';

const NAMES: Record<CanonicalField, string[]> = {
  x: ['easting', 'eastings', 'x', 'x coord', 'x coordinate', 'grid x', 'map x', 'east'],
  y: ['northing', 'northings', 'y', 'y coord', 'y coordinate', 'grid y', 'map y', 'north'],
  lon: ['longitude', 'lon', 'long', 'lng', 'wgs84 longitude'],
  lat: ['latitude', 'lat', 'wgs84 latitude'],
  area: [
    'lsoa code',
    'lsoa',
    'postcode district',
    'outward postcode',
    'postcode sector',
    'ward code',
    'beat code',
    'area code',
    'msoa code',
    'oa code',
    'district',
  ],
  date: [
    'date',
    'month',
    'datetime',
    'date time',
    'occurred',
    'incident date',
    'call datetime',
    'admission date',
    'report date',
    'offence date',
    'date of incident',
    'reported date',
    'timestamp',
  ],
  time: ['time', 'incident time', 'call time', 'time of incident', 'offence time'],
  date_from: [
    'committed from',
    'date from',
    'from date',
    'start date',
    'first committed',
    'earliest date',
    'committed from date',
    'from',
    'date committed from',
  ],
  date_to: [
    'committed to',
    'date to',
    'to date',
    'end date',
    'last committed',
    'latest date',
    'committed to date',
    'to',
    'date committed to',
  ],
  category: [
    'crime type',
    'offence category',
    'category',
    'incident type',
    'call category',
    'offence type',
    'offence',
    'type',
    'injury type',
    'classification',
    'crime category',
    'major category',
    'offence group',
  ],
  subcategory: [
    'offence subcategory',
    'sub category',
    'subcategory',
    'subtype',
    'sub type',
    'minor category',
    'offence sub group',
    'offence subgroup',
  ],
  weight: ['weight', 'count', 'ksi', 'casualties', 'number of casualties', 'ksi count', 'victims'],
  location: ['location', 'location description', 'place', 'street', 'street name', 'location name'],
  reference: [
    'crime id',
    'crime reference',
    'crime ref',
    'crimeref',
    'reference',
    'ref',
    'urn',
    'incident number',
    'cad number',
    'incident id',
    'id',
    'occurrence number',
    'case number',
    'crime number',
    'incident ref',
  ],
};

function normalise(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function headerScore(field: CanonicalField, header: string): number {
  const h = normalise(header);
  const names = NAMES[field];
  if (names.includes(h)) return 0.9 - names.indexOf(h) * 0.002;
  const padded = ` ${h} `;
  // Multi-word names inside longer headers ("Committed From Date/Time"); single words only if long.
  return names.some((n) => (n.includes(' ') || n.length >= 5) && padded.includes(` ${n} `)) ? 0.6 : 0;
}
