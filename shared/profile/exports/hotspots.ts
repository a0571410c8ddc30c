/**
 * The profile's supported hotspots (DESIGN.md §4 "Hotspot classes": only those with enough events and
 * a significant CSR test) as GeoJSON Polygons (hotspots.geojson) and CSV (hotspots.csv, one row per
 * hotspot with its outline in project metres as WKT). Both take their columns from HOTSPOT_FIELDS.
 */
import type { KdeHotspot, KdeRunResult } from '../../api/analysis-api.js';
import { toSafeCsv } from '../csv.js';
import { supportedHotspots } from '../hotspot-words.js';
import { csvValue, type ExportField, propertiesOf, round } from './fields.js';
import { featureCollectionText, lonLat } from './geojson.js';
import { type ExportProvenance, withCaveats } from './provenance.js';
import { rightHandRule } from './rings.js';

type Row = { h: KdeHotspot; crs: string };

export const HOTSPOT_FIELDS: readonly ExportField<Row>[] = [
  { name: 'rank', meaning: 'Hotspot number, 1 = most events', unit: '', value: ({ h }) => h.rank },
  {
    name: 'class',
    meaning: 'Density class the hotspot was cut from (its threshold, e.g. 3 × the mean cell density)',
    unit: '',
    value: ({ h }) => h.classLabel,
  },
  {
    name: 'area_km2',
    meaning: 'Area of the hotspot outline',
    unit: 'km²',
    value: ({ h }) => round(h.areaKm2, 6),
  },
  {
    name: 'events',
    meaning: 'Events inside the outline in the period',
    unit: 'events',
    value: ({ h }) => h.events,
  },
  {
    name: 'distinct_points',
    meaning: 'Distinct map points of those events (police.uk data are snapped to shared points)',
    unit: 'points',
    value: ({ h }) => h.distinctPoints,
  },
  {
    name: 'share',
    meaning: "Share of the study area's events inside the hotspot (0.25 = 25%)",
    unit: 'fraction 0–1',
    value: ({ h }) => round(h.share, 6),
  },
  {
    name: 'pai',
    meaning: "Predictive Accuracy Index: share of events / share of the study area's area",
    unit: 'ratio',
    value: ({ h }) => round(h.pai, 4),
  },
  {
    name: 'peak_density_per_km2',
    meaning: 'Highest kernel density inside the hotspot',
    unit: 'events per km²',
    value: ({ h }) => round(h.peakDensity, 4),
  },
  {
    name: 'top_categories',
    meaning: 'Commonest categories inside, with their counts',
    unit: 'events',
    value: ({ h }) => h.topCategories.map((c) => `${c.name} (${c.count})`).join('; '),
  },
  {
    name: 'top_subcategories',
    meaning: 'Commonest sub-categories inside (e.g. residential or business burglary), with their counts',
    unit: 'events',
    value: ({ h }) => (h.topSubcategories ?? []).map((c) => `${c.name} (${c.count})`).join('; '),
  },
  {
    name: 'peak_hours',
    meaning: 'Busiest hours of the day (from enough timed events; blank otherwise, see peak_hours_note)',
    unit: 'hour of day 0–23, local time',
    value: ({ h }) => h.peakHours.join(' '),
  },
  {
    name: 'peak_hours_note',
    meaning: 'Why there are no peak hours (e.g. too few timed events), when there are none',
    unit: '',
    value: ({ h }) => h.peakHoursNote,
  },
  {
    name: 'p_csr',
    meaning:
      'Monte Carlo p-value of the hotspot against complete spatial randomness in the study area (blank: not tested)',
    unit: 'probability',
    value: ({ h }) => h.pValue,
  },
  {
    name: 'places',
    meaning: 'Boundary features (ward, neighbourhood, beat) holding the hotspot’s peak',
    unit: '',
    value: ({ h }) => h.places.map((p) => `${p.name} (${p.layer})`).join('; '),
  },
  {
    name: 'top_locations',
    meaning: 'Commonest location descriptions inside, with their counts',
    unit: 'events',
    value: ({ h }) => h.topLocations.map((l) => `${l.name} (${l.count})`).join('; '),
  },
  {
    name: 'x_project',
    meaning: 'Easting of the peak density cell, in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ h }) => round(h.peakX, 2),
  },
  {
    name: 'y_project',
    meaning: 'Northing of the peak density cell, in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ h }) => round(h.peakY, 2),
  },
  {
    name: 'crs_project',
    meaning: 'The project CRS of x_project, y_project and wkt',
    unit: '',
    value: ({ crs }) => crs,
  },
];

/** The CSV's own column: the outline in project metres, so the CSV loads as a layer in a GIS. */
export const HOTSPOT_WKT_FIELD: ExportField<Row> = {
  name: 'wkt',
  meaning: 'The hotspot outline as a WKT POLYGON in the project CRS (GDAL/QGIS read it as geometry)',
  unit: 'metres',
  value: ({ h }) => `POLYGON (${h.polygon.map(ringWkt).join(', ')})`,
};

function ringWkt(ring: number[][]): string {
  return `(${ring.map(([x, y]) => `${round(x!, 2)} ${round(y!, 2)}`).join(', ')})`;
}

function rows(kde: KdeRunResult): Row[] {
  return supportedHotspots(kde).map((h) => ({ h, crs: kde.provenance.crs }));
}

export function hotspotsGeoJson(kde: KdeRunResult, base: ExportProvenance): string {
  const provenance = withCaveats(base, kde.provenance.caveats);
  return featureCollectionText(
    provenance,
    rows(kde).map((row) => ({
      id: row.h.rank,
      properties: propertiesOf(HOTSPOT_FIELDS, row),
      geometry: {
        type: 'Polygon' as const,
        coordinates: rightHandRule(row.h.polygonWgs84.map((ring) => ring.map(lonLat))),
      },
    })),
  );
}

export function hotspotsCsv(kde: KdeRunResult): string {
  const fields = [...HOTSPOT_FIELDS, HOTSPOT_WKT_FIELD];
  return toSafeCsv(
    fields.map((f) => f.name),
    rows(kde).map((row) => fields.map((f) => csvValue(f.value(row)))),
  );
}
