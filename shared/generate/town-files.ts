/**
 * The bytes of a generated town as files (name → text), so the CLI only writes them and a test can
 * compare resources/sample/ with a fresh generation byte for byte. JSON is written with sorted
 * structure as built (deterministic key order), GeoJSON one feature per line.
 */
import { toCsv } from './format.js';
import type { GeneratedTown } from './generate-town.js';
import { featureCollectionText } from './geojson.js';
import { townReadme } from './readme.js';

export interface TownFile {
  name: string;
  text: string;
}

/** The file names in the order they are written. */
export const TOWN_FILE_NAMES = [
  'police_crimes.csv',
  'asb.csv',
  'fire.csv',
  'ambulance.csv',
  'hospital_admissions.csv',
  'wards.geojson',
  'beats.geojson',
  'postcode_districts.geojson',
  'streets.geojson',
  'water.geojson',
  'ground_truth.json',
  'README.txt',
] as const;

export function townFiles(town: GeneratedTown): TownFile[] {
  const t = town.tables;
  const b = town.boundaries;
  const files: TownFile[] = [
    { name: t.police_crimes.file, text: toCsv(t.police_crimes.headers, t.police_crimes.rows) },
    { name: t.asb.file, text: toCsv(t.asb.headers, t.asb.rows) },
    { name: t.fire.file, text: toCsv(t.fire.headers, t.fire.rows) },
    { name: t.ambulance.file, text: toCsv(t.ambulance.headers, t.ambulance.rows) },
    {
      name: t.hospital_admissions.file,
      text: toCsv(t.hospital_admissions.headers, t.hospital_admissions.rows),
    },
    { name: 'wards.geojson', text: featureCollectionText(b.wards.wgs84) },
    { name: 'beats.geojson', text: featureCollectionText(b.beats.wgs84) },
    { name: 'postcode_districts.geojson', text: featureCollectionText(b.postcodeDistricts.wgs84) },
    { name: 'streets.geojson', text: featureCollectionText(town.streets.wgs84) },
    { name: 'water.geojson', text: featureCollectionText(town.water.wgs84) },
    { name: 'ground_truth.json', text: `${JSON.stringify(town.groundTruth, null, 1)}\n` },
    { name: 'README.txt', text: townReadme(town) },
  ];
  const names = files.map((f) => f.name).join(',');
  if (names !== TOWN_FILE_NAMES.join(',')) throw new Error(`town file list out of step: ${names}`);
  return files;
}
