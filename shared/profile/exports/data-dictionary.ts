/**
 * data-dictionary.txt, written beside the data exports (by the demo and by every exportData with a
 * folder to write to): the conventions every file follows, then each file's columns or properties
 * with their meaning and unit, taken from the same field lists the files are written from
 * (fields.ts), so the dictionary names every column a file has.
 */
import { CHAIN_FIELDS, CHAIN_MEMBER_FIELDS } from './chains.js';
import type { ExportField } from './fields.js';
import { MARKING_PROPERTY } from './geojson.js';
import { HOTSPOT_FIELDS, HOTSPOT_WKT_FIELD } from './hotspots.js';
import { RISK_ZONE_FIELDS } from './risk-zones.js';
import { SIDECAR_SUFFIX } from './sidecar.js';

type Described = Pick<ExportField<unknown>, 'name' | 'meaning' | 'unit'>;

export interface DictionaryEntry {
  /** The file names the fields belong to, e.g. ["hotspots.csv"]. */
  files: string[];
  holds: string;
  fields: readonly Described[];
}

export const DATA_DICTIONARY: readonly DictionaryEntry[] = [
  {
    files: ['hotspots.csv'],
    holds:
      'one row per supported hotspot (at least the minimum events and significant against complete spatial randomness)',
    fields: [...HOTSPOT_FIELDS, HOTSPOT_WKT_FIELD],
  },
  {
    files: ['hotspots.geojson'],
    holds: 'one Polygon feature per supported hotspot, its outline',
    fields: [...HOTSPOT_FIELDS, MARKING_PROPERTY],
  },
  {
    files: ['chains.csv'],
    holds: 'one row per near-repeat chain of three or more events',
    fields: CHAIN_FIELDS,
  },
  {
    files: ['chains.geojson'],
    holds: 'one Point feature per event of each near-repeat chain',
    fields: [...CHAIN_MEMBER_FIELDS, MARKING_PROPERTY],
  },
  {
    files: ['risk-zones.geojson'],
    holds: 'one Polygon feature per risk zone: a circle of the link distance around each recent event',
    fields: [...RISK_ZONE_FIELDS, MARKING_PROPERTY],
  },
];

const CONVENTIONS = [
  'CSV files: UTF-8 with a byte-order mark, the header on the first line, comma separated, CRLF line ends; a text cell that would start with = + - or @ is prefixed with an apostrophe so a spreadsheet shows it as text. Empty cells are blank values.',
  'GeoJSON files (RFC 7946): WGS84 longitude/latitude (EPSG:4326), one geometry type per file, outer rings anticlockwise and holes clockwise; the provenance and protective_marking are members of the FeatureCollection, and every feature has a protective_marking property.',
  `Provenance (datasets and their SHA-256, records selected, parameters, caveats) and the protective marking of each CSV and grid: the file of the same name ending ${SIDECAR_SUFFIX}.`,
  'x_project, y_project and wkt are in the project CRS named in crs_project (metres); lon/lat are in the geometry.',
];

const SURFACE = [
  'surface.asc: ESRI ASCII grid of kernel density, each cell the density at its centre in events per km²; header ncols, nrows, xllcorner, yllcorner (lower-left corner, metres), cellsize (metres), NODATA_value (cells outside the study area); rows run north to south.',
  "surface.prj: the grid's CRS in ESRI WKT (read by GDAL, QGIS and ArcGIS); absent when the project CRS has no EPSG code, in which case its definition is in the grid's provenance note.",
];

function fieldLine(f: Described): string {
  return `  ${f.name}${f.unit ? ` (${f.unit})` : ''}: ${f.meaning}`;
}

export function dataDictionaryText(marking: string): string {
  const lines = [
    'Hotspot Workbench data dictionary',
    `Protective marking of the files described: ${marking}`,
    '',
    ...CONVENTIONS,
    '',
    ...DATA_DICTIONARY.flatMap((d) => [`${d.files.join(', ')}: ${d.holds}`, ...d.fields.map(fieldLine), '']),
    ...SURFACE,
  ];
  return `${lines.join('\r\n')}\r\n`;
}
