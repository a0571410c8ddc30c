/**
 * Built-in mapping presets: extracts whose header is known exactly. A preset is recognised when
 * every one of its `signature` columns is in the file's header (case and spacing ignored); the
 * mapping then uses the file's own spelling of each column.
 *
 *   police-uk        data.police.uk street-level crime CSV: month only, WGS84 lon/lat snapped to
 *                    anonymised map points, "On or near …" locations, LSOA code as the area; ASB
 *                    rows have no Crime ID (allowed: the reference is optional)
 *   police-crimes    recorded crime with a Committed From/To window, BNG Easting/Northing
 *   asb              ASB incidents: Date + Time, BNG Easting/Northing
 *   fire             fire incidents: ISO Date + Time, BNG X/Y
 *   ambulance        assault call-outs: one date-time, WGS84 lon/lat
 *   hospital-postcode  A&E assault admissions: date only, outward postcode district (area-only)
 * The last five match the synthetic town's extracts (shared/generate/tables.ts).
 */
import type { CanonicalField } from '../model/records.js';
import type { ColumnMapping, DateFormat, TimeShape } from './mapping.js';

export interface MappingPreset {
  name: string;
  label: string;
  /** Columns that must all be present for the preset to be recognised. */
  signature: readonly string[];
  fields: Partial<Record<CanonicalField, string>>;
  dateFormat: DateFormat;
  timeShape: TimeShape;
  sourceCrs: string | null;
  /** Said in outputs built from this data (e.g. police.uk's anonymised points). */
  caveat: string | null;
}

export const POLICE_UK_HEADERS = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

export const MAPPING_PRESETS: readonly MappingPreset[] = [
  {
    name: 'police-uk',
    label: 'police.uk street-level crime',
    signature: [
      'Crime ID',
      'Month',
      'Reported by',
      'Falls within',
      'Longitude',
      'Latitude',
      'Location',
      'LSOA code',
      'Crime type',
    ],
    fields: {
      reference: 'Crime ID',
      date: 'Month',
      lon: 'Longitude',
      lat: 'Latitude',
      location: 'Location',
      area: 'LSOA code',
      category: 'Crime type',
    },
    dateFormat: 'iso',
    timeShape: 'month',
    sourceCrs: 'EPSG:4326',
    caveat: 'police.uk data: month only, and points are snapped to anonymised map locations',
  },
  {
    name: 'police-crimes',
    label: 'Police recorded crime (Committed From/To, Easting/Northing)',
    signature: [
      'Crime Reference',
      'Offence Category',
      'Committed From',
      'Committed To',
      'Easting',
      'Northing',
    ],
    fields: {
      reference: 'Crime Reference',
      category: 'Offence Category',
      subcategory: 'Offence Subcategory',
      date_from: 'Committed From',
      date_to: 'Committed To',
      x: 'Easting',
      y: 'Northing',
      location: 'Location',
    },
    dateFormat: 'dmy',
    timeShape: 'window',
    sourceCrs: 'EPSG:27700',
    caveat: null,
  },
  {
    name: 'asb',
    label: 'Police ASB incidents (Date + Time, Easting/Northing)',
    signature: ['Ref', 'Category', 'Date', 'Time', 'Easting', 'Northing'],
    fields: {
      reference: 'Ref',
      category: 'Category',
      date: 'Date',
      time: 'Time',
      x: 'Easting',
      y: 'Northing',
      location: 'Location',
    },
    dateFormat: 'dmy',
    timeShape: 'date+time',
    sourceCrs: 'EPSG:27700',
    caveat: null,
  },
  {
    name: 'fire',
    label: 'Fire and rescue incidents (Date + Time, X/Y)',
    signature: ['Incident Number', 'Incident Type', 'Date', 'Time', 'X', 'Y'],
    fields: {
      reference: 'Incident Number',
      category: 'Incident Type',
      date: 'Date',
      time: 'Time',
      x: 'X',
      y: 'Y',
    },
    dateFormat: 'iso',
    timeShape: 'date+time',
    sourceCrs: 'EPSG:27700',
    caveat: null,
  },
  {
    name: 'ambulance',
    label: 'Ambulance call-outs (date-time, longitude/latitude)',
    signature: ['CAD Number', 'Call Category', 'Call Datetime', 'Longitude', 'Latitude'],
    fields: {
      reference: 'CAD Number',
      category: 'Call Category',
      date: 'Call Datetime',
      lon: 'Longitude',
      lat: 'Latitude',
    },
    dateFormat: 'dmy',
    timeShape: 'datetime',
    sourceCrs: 'EPSG:4326',
    caveat: null,
  },
  {
    name: 'hospital-postcode',
    label: 'Hospital A&E admissions by outward postcode',
    signature: ['Admission Date', 'Postcode District'],
    fields: { date: 'Admission Date', area: 'Postcode District', category: 'Injury Type' },
    dateFormat: 'dmy',
    timeShape: 'date',
    sourceCrs: null,
    caveat: 'area-only data (outward postcode district): counted per area, never drawn as points',
  },
];

function key(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function findPreset(name: string): MappingPreset | undefined {
  return MAPPING_PRESETS.find((p) => p.name === name);
}

/** The mapping a preset gives for these headers, using the file's own spelling; null if it does not fit. */
export function applyPreset(preset: MappingPreset, headers: readonly string[]): ColumnMapping | null {
  const byKey = new Map(headers.map((h) => [key(h), h]));
  if (!preset.signature.every((column) => byKey.has(key(column)))) return null;
  const fields: Partial<Record<CanonicalField, string>> = {};
  for (const [field, column] of Object.entries(preset.fields) as [CanonicalField, string][]) {
    const actual = byKey.get(key(column));
    if (actual) fields[field] = actual;
  }
  return {
    fields,
    dateFormat: preset.dateFormat,
    timeShape: preset.timeShape,
    sourceCrs: preset.sourceCrs,
    excluded: [],
    swapSuspectedCoordinates: false,
    preset: preset.name,
  };
}

/** The first built-in preset whose signature the header carries, with its mapping. */
export function recognisePreset(
  headers: readonly string[],
): { preset: MappingPreset; mapping: ColumnMapping } | null {
  for (const preset of MAPPING_PRESETS) {
    const mapping = applyPreset(preset, headers);
    if (mapping) return { preset, mapping };
  }
  return null;
}
