/**
 * Risk zones for prevention (DESIGN.md §4 "Near-repeat chains": a buffer of the link distance around
 * each event of the last link-days before the as-of date, valid until the event's date + the link
 * days) as GeoJSON Polygons in their own file, risk-zones.geojson: exterior rings counter-clockwise
 * in lon/lat (RFC 7946 right-hand rule).
 */
import type { ChainsRunResult, RiskZoneSummary } from '../../api/analysis-api.js';
import { makeTransform } from '../../crs/transform.js';
import { type ExportField, propertiesOf, round } from './fields.js';
import { featureCollectionText, lonLat } from './geojson.js';
import { type ExportProvenance, withCaveats } from './provenance.js';
import { rightHandRule } from './rings.js';

type ZoneRow = { z: RiskZoneSummary; crs: string };

export const RISK_ZONE_FIELDS: readonly ExportField<ZoneRow>[] = [
  {
    name: 'chain',
    meaning: 'Chain number of the event (as in chains.csv); blank for an event in no chain',
    unit: '',
    value: ({ z }) => z.chainId,
  },
  {
    name: 'reference',
    meaning: 'Crime reference of the event the zone surrounds; blank where the source extract had none',
    unit: '',
    value: ({ z }) => z.reference,
  },
  {
    name: 'radius_m',
    meaning: 'Radius of the zone: the link distance',
    unit: 'metres',
    value: ({ z }) => z.radiusM,
  },
  {
    name: 'event_date',
    meaning: 'Date of the event (window midpoint)',
    unit: 'yyyy-mm-dd',
    value: ({ z }) => z.eventDate,
  },
  {
    name: 'expires_date',
    meaning: 'First date the zone no longer applies (event date + link days)',
    unit: 'yyyy-mm-dd',
    value: ({ z }) => z.expiresDate,
  },
  {
    name: 'x_project',
    meaning: 'Easting of the event in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ z }) => round(z.x, 2),
  },
  {
    name: 'y_project',
    meaning: 'Northing of the event in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ z }) => round(z.y, 2),
  },
  {
    name: 'crs_project',
    meaning: 'The project CRS of x_project and y_project',
    unit: '',
    value: ({ crs }) => crs,
  },
];

export function riskZonesGeoJson(chains: ChainsRunResult, crs: string, base: ExportProvenance): string {
  const provenance = withCaveats(base, chains.provenance.caveats);
  const t = makeTransform(crs, crs);
  return featureCollectionText(
    provenance,
    chains.zones.map((z, i) => ({
      id: i + 1,
      properties: propertiesOf(RISK_ZONE_FIELDS, { z, crs }),
      geometry: {
        type: 'Polygon' as const,
        coordinates: rightHandRule([z.ring.map(([x, y]) => lonLat(t.projectToWgs84(x, y)))]),
      },
    })),
  );
}
