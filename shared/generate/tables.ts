/**
 * The partner extracts as CSV tables, each in its partner's own shape (DESIGN.md §2):
 *
 *   police_crimes.csv  Crime Reference, Offence Category, Offence Subcategory, Committed From,
 *                      Committed To (dd/mm/yyyy HH:MM; equal for an exact time), Easting, Northing
 *                      (EPSG:27700 whole metres), Ward (name), Beat (code), Location
 *   asb.csv            Ref, Category, Date (dd/mm/yyyy), Time (HH:MM), Easting, Northing, Location
 *   fire.csv           Incident Number, Incident Type, Date (yyyy-mm-dd), Time (HH:MM), X, Y (EPSG:27700)
 *   ambulance.csv      CAD Number, Call Category, Call Datetime (dd/mm/yyyy HH:MM:SS),
 *                      Longitude, Latitude (WGS84, 6 decimals)
 *   hospital_admissions.csv  Admission Date (dd/mm/yyyy), Postcode District, Injury Type, Age Band
 *
 * Rows are in time order and references are numbered in that order within each year (ambulance CAD
 * numbers within each day), as the partners' systems issue them.
 */

import { ukDate } from '../model/time.js';
import { areaAt, type BoundaryLayer } from './boundaries.js';
import type { LatentEvent } from './events.js';
import { hhmm, isoDay, ukDateTime, ukDateTimeSeconds } from './format.js';
import type { Admission } from './hospital.js';
import type { DatasetId } from './plan.js';

export interface CsvTable {
  id: DatasetId;
  file: string;
  title: string;
  /** How a record is located: projected BNG metres, WGS84 degrees, or an area code only. */
  coordinates: 'EPSG:27700' | 'EPSG:4326' | 'area';
  headers: string[];
  rows: string[][];
}

export interface ReferencedTable {
  table: CsvTable;
  /** The events in row order (empty for the area-only hospital table). */
  events: LatentEvent[];
  /** The reference of each row, aligned with `events`. */
  references: string[];
}

export const DATASET_FILES: Record<DatasetId, { file: string; title: string }> = {
  police_crimes: { file: 'police_crimes.csv', title: 'Police recorded crime' },
  asb: { file: 'asb.csv', title: 'Police ASB incidents' },
  fire: { file: 'fire.csv', title: 'Fire and rescue deliberate fires and malicious false alarms' },
  ambulance: { file: 'ambulance.csv', title: 'Ambulance service assault call-outs' },
  hospital_admissions: { file: 'hospital_admissions.csv', title: 'Hospital A&E assault admissions' },
};

export const HEADERS: Record<DatasetId, string[]> = {
  police_crimes: [
    'Crime Reference',
    'Offence Category',
    'Offence Subcategory',
    'Committed From',
    'Committed To',
    'Easting',
    'Northing',
    'Ward',
    'Beat',
    'Location',
  ],
  asb: ['Ref', 'Category', 'Date', 'Time', 'Easting', 'Northing', 'Location'],
  fire: ['Incident Number', 'Incident Type', 'Date', 'Time', 'X', 'Y'],
  ambulance: ['CAD Number', 'Call Category', 'Call Datetime', 'Longitude', 'Latitude'],
  hospital_admissions: ['Admission Date', 'Postcode District', 'Injury Type', 'Age Band'],
};

function table(id: DatasetId, coordinates: CsvTable['coordinates'], rows: string[][]): CsvTable {
  return { id, ...DATASET_FILES[id], coordinates, headers: HEADERS[id], rows };
}

/** Numbers references within a key (a year, a day): the n-th event of that key gets n. */
function sequenceWithin(keys: string[]): number[] {
  const counters = new Map<string, number>();
  return keys.map((k) => {
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    return n;
  });
}

function inTimeOrder(events: LatentEvent[], dataset: DatasetId): LatentEvent[] {
  return events.filter((e) => e.dataset === dataset).sort((a, b) => a.fromMs - b.fromMs || a.toMs - b.toMs);
}

const yy = (ms: number) => isoDay(ms).slice(2, 4);

export function policeTable(all: LatentEvent[], wards: BoundaryLayer, beats: BoundaryLayer): ReferencedTable {
  const events = inTimeOrder(all, 'police_crimes');
  const seq = sequenceWithin(events.map((e) => yy(e.fromMs)));
  const references = events.map((e, i) => `AS/${String(seq[i]).padStart(5, '0')}/${yy(e.fromMs)}`);
  const rows = events.map((e, i) => [
    references[i],
    e.category,
    e.subcategory,
    ukDateTime(e.fromMs),
    ukDateTime(e.toMs),
    String(e.x),
    String(e.y),
    areaAt(wards, e.x, e.y).name,
    areaAt(beats, e.x, e.y).code,
    e.location,
  ]);
  return { table: table('police_crimes', 'EPSG:27700', rows), events, references };
}

export function asbTable(all: LatentEvent[]): ReferencedTable {
  const events = inTimeOrder(all, 'asb');
  const seq = sequenceWithin(events.map((e) => yy(e.fromMs)));
  const references = events.map((e, i) => `ASB/${yy(e.fromMs)}/${String(seq[i]).padStart(5, '0')}`);
  const rows = events.map((e, i) => [
    references[i],
    e.category,
    ukDate(e.fromMs),
    hhmm(e.fromMs),
    String(e.x),
    String(e.y),
    e.location,
  ]);
  return { table: table('asb', 'EPSG:27700', rows), events, references };
}

export function fireTable(all: LatentEvent[]): ReferencedTable {
  const events = inTimeOrder(all, 'fire');
  const seq = sequenceWithin(events.map((e) => yy(e.fromMs)));
  const references = events.map((e, i) => `${yy(e.fromMs)}${String(seq[i]).padStart(5, '0')}`);
  const rows = events.map((e, i) => [
    references[i],
    e.category,
    isoDay(e.fromMs),
    hhmm(e.fromMs),
    String(e.x),
    String(e.y),
  ]);
  return { table: table('fire', 'EPSG:27700', rows), events, references };
}

export function ambulanceTable(
  all: LatentEvent[],
  toWgs84: (x: number, y: number) => [number, number],
): ReferencedTable {
  const events = inTimeOrder(all, 'ambulance');
  const days = events.map((e) => isoDay(e.fromMs).replace(/-/g, ''));
  const seq = sequenceWithin(days);
  const references = events.map((_, i) => `${days[i]}-${String(seq[i]).padStart(4, '0')}`);
  const rows = events.map((e, i) => {
    const [lon, lat] = toWgs84(e.x, e.y);
    return [references[i], e.category, ukDateTimeSeconds(e.fromMs), lon.toFixed(6), lat.toFixed(6)];
  });
  return { table: table('ambulance', 'EPSG:4326', rows), events, references };
}

export function hospitalTable(admissions: Admission[]): ReferencedTable {
  const rows = admissions.map((a) => [ukDate(a.dayMs), a.district, a.injuryType, a.ageBand]);
  return { table: table('hospital_admissions', 'area', rows), events: [], references: [] };
}
