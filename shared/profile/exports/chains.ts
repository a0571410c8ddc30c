/**
 * Near-repeat chains (DESIGN.md §4 "Near-repeat chains") for a GIS and a spreadsheet:
 *
 * - chains.geojson: Points only, one feature per member event of each chain, with the chain's id,
 *   the event's crime reference (never an internal database id), its date and the chain's
 *   hotspot-like flag; the risk zones are Polygons in their own file (risk-zones.ts);
 * - chains.csv: one row per chain, its members as crime references.
 *
 * A member's date is its time window's midpoint (the rule every count of the profile uses).
 */
import type { ChainSummary, ChainsRunResult } from '../../api/analysis-api.js';
import { makeTransform } from '../../crs/transform.js';
import { toSafeCsv } from '../csv.js';
import type { ChainEventRow } from '../model.js';
import { csvValue, type ExportField, propertiesOf, round } from './fields.js';
import { featureCollectionText, lonLat } from './geojson.js';
import { type ExportProvenance, withCaveats } from './provenance.js';

const NO_REFERENCE = 'blank where the source extract had no crime reference';

type ChainRow = { c: ChainSummary; crs: string };

const flagFields = <T>(chain: (item: T) => ChainSummary): ExportField<T>[] => [
  {
    name: 'flag',
    meaning:
      "'hotspot-like' when the chain looks like a hotspot's usual traffic rather than a series (never to be read as linked offending); blank for a series candidate",
    unit: '',
    value: (item) => chain(item).flag,
  },
  {
    name: 'flag_reason',
    meaning: 'Why the chain is flagged, in words',
    unit: '',
    value: (item) => chain(item).flagReason,
  },
  {
    name: 'live',
    meaning:
      'Whether the chain could still grow on the as-of date (its last event was fewer than the link days before)',
    unit: 'yes/no',
    value: (item) => chain(item).live,
  },
];

export const CHAIN_FIELDS: readonly ExportField<ChainRow>[] = [
  { name: 'chain', meaning: 'Chain number', unit: '', value: ({ c }) => c.id },
  { name: 'size', meaning: 'Events in the chain', unit: 'events', value: ({ c }) => c.size },
  {
    name: 'first_date',
    meaning: 'Date of the first event (window midpoint)',
    unit: 'yyyy-mm-dd',
    value: ({ c }) => c.firstDate,
  },
  {
    name: 'last_date',
    meaning: 'Date of the last event (window midpoint)',
    unit: 'yyyy-mm-dd',
    value: ({ c }) => c.lastDate,
  },
  {
    name: 'span_days',
    meaning: 'Days from the first to the last event',
    unit: 'days',
    value: ({ c }) => c.spanDays,
  },
  {
    name: 'links',
    meaning: 'Pairs of events within the link distance and days',
    unit: 'pairs',
    value: ({ c }) => c.links,
  },
  {
    name: 'area_m2',
    meaning: "Area of the chain's footprint (convex hull of its events)",
    unit: 'm²',
    value: ({ c }) => round(c.areaM2, 1),
  },
  {
    name: 'origin_reference',
    meaning: `Crime reference of the originating (earliest) event; ${NO_REFERENCE}`,
    unit: '',
    value: ({ c }) => c.originReference,
  },
  {
    name: 'member_references',
    meaning: `Crime references of the members in date order, separated by spaces; ${NO_REFERENCE}`,
    unit: '',
    value: ({ c }) => c.references.map((r) => r ?? '').join(' '),
  },
  ...flagFields<ChainRow>(({ c }) => c),
  {
    name: 'x_project',
    meaning: 'Easting of the centroid of the chain’s events, in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ c }) => round(c.centroidX, 2),
  },
  {
    name: 'y_project',
    meaning: 'Northing of the centroid of the chain’s events, in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ c }) => round(c.centroidY, 2),
  },
  {
    name: 'crs_project',
    meaning: 'The project CRS of x_project and y_project',
    unit: '',
    value: ({ crs }) => crs,
  },
];

type MemberRow = { c: ChainSummary; e: ChainEventRow; reference: string | null; crs: string };

export const CHAIN_MEMBER_FIELDS: readonly ExportField<MemberRow>[] = [
  { name: 'chain', meaning: 'Chain number (the same as in chains.csv)', unit: '', value: ({ c }) => c.id },
  {
    name: 'reference',
    meaning: `Crime reference of the event; ${NO_REFERENCE}`,
    unit: '',
    value: ({ reference }) => reference,
  },
  {
    name: 'date',
    meaning: 'Date of the event (its time window’s midpoint)',
    unit: 'yyyy-mm-dd',
    value: ({ e }) => e.date,
  },
  {
    name: 'origin',
    meaning: "Whether this is the chain's originating (earliest) event",
    unit: 'yes/no',
    value: ({ c, e }) => c.originRecordId === e.recordId,
  },
  { name: 'chain_size', meaning: 'Events in the chain', unit: 'events', value: ({ c }) => c.size },
  ...flagFields<MemberRow>(({ c }) => c),
  { name: 'category', meaning: 'Category of the event', unit: '', value: ({ e }) => e.category },
  { name: 'location', meaning: 'Location description of the event', unit: '', value: ({ e }) => e.location },
  {
    name: 'x_project',
    meaning: 'Easting of the event in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ e }) => round(e.x, 2),
  },
  {
    name: 'y_project',
    meaning: 'Northing of the event in the project CRS (crs_project)',
    unit: 'metres',
    value: ({ e }) => round(e.y, 2),
  },
  {
    name: 'crs_project',
    meaning: 'The project CRS of x_project and y_project',
    unit: '',
    value: ({ crs }) => crs,
  },
];

/** Member events in each chain's own order (by day, ties as for the origin). */
function memberRows(chains: ChainsRunResult, events: readonly ChainEventRow[], crs: string): MemberRow[] {
  const byKey = new Map(events.map((e) => [`${e.chainId}:${e.recordId}`, e]));
  return chains.chains.flatMap((c) =>
    c.memberRecordIds.flatMap((id, i) => {
      const e = byKey.get(`${c.id}:${id}`);
      return e ? [{ c, e, reference: c.references[i] ?? null, crs }] : [];
    }),
  );
}

export function chainMembersGeoJson(
  chains: ChainsRunResult,
  events: readonly ChainEventRow[],
  crs: string,
  base: ExportProvenance,
): string {
  const provenance = withCaveats(base, chains.provenance.caveats);
  const t = makeTransform(crs, crs);
  return featureCollectionText(
    provenance,
    memberRows(chains, events, crs).map((row, i) => ({
      id: i + 1,
      properties: propertiesOf(CHAIN_MEMBER_FIELDS, row),
      geometry: { type: 'Point' as const, coordinates: lonLat(t.projectToWgs84(row.e.x, row.e.y)) },
    })),
  );
}

export function chainsCsv(chains: ChainsRunResult, crs: string): string {
  return toSafeCsv(
    CHAIN_FIELDS.map((f) => f.name),
    chains.chains.map((c) => CHAIN_FIELDS.map((f) => csvValue(f.value({ c, crs })))),
  );
}
