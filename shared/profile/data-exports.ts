/**
 * Data exports of a profile's analyses (issue 6, exports): hotspots and near-repeat chains as GeoJSON
 * and CSV, the density surface as an ESRI ASCII grid (shared/analysis/grid-io/esri-ascii.ts).
 *
 * GeoJSON follows RFC 7946: coordinates are WGS84 longitude/latitude. The project-CRS coordinates are
 * kept as properties (`x_project`, `y_project` of the peak or centroid, with `crs_project`), so GIS
 * users can work in metres without reprojecting; hotspot outlines in metres are in the CSV's `wkt`.
 * Provenance travels as a foreign member `provenance` of the FeatureCollection (RFC 7946 §6.1), as
 * "# " comment lines at the top of a CSV (the filter and parameters in words, never JSON), and in a
 * sidecar JSON next to a grid; the data's caveats (the profile's and the analysis's provenance) go
 * with every file. Only hotspots the data support are exported; chains carry their crime references
 * and their hotspot-like flag.
 */

import { writeEsriAsciiGrid } from '../analysis/grid-io/esri-ascii.js';
import type { ChainsRunResult, KdeRunResult } from '../api/analysis-api.js';
import { makeTransform } from '../crs/transform.js';
import { toSafeCsv } from './csv.js';
import { supportedHotspots } from './hotspot-words.js';

export interface ExportProvenance {
  datasets: { name: string; files: { fileName: string; sha256: string }[] }[];
  /** The record filter in words (shared/provenance/filter-words.ts); a string `filter` is taken as such. */
  filterText?: string;
  /** The record filter (in words, or as data for machine readers); never printed as JSON for people. */
  filter?: unknown;
  crs: string;
  parameters: Record<string, unknown>;
  seed: number | null;
  appVersion: string;
  createdAt: string;
  caveats: string[];
}

/** A parameter value in words: strings as they are, numbers and lists plainly, never as JSON. */
function valueInWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.map(valueInWords).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k} ${valueInWords(v)}`)
      .join(', ');
  }
  return String(value);
}

/** The data's caveats of the export: the profile's and the analysis's own, each said once. */
function withCaveats(p: ExportProvenance, analysisCaveats: readonly string[]): ExportProvenance {
  return { ...p, caveats: [...new Set([...p.caveats, ...analysisCaveats])] };
}

export function provenanceComments(p: ExportProvenance): string[] {
  const parameters = Object.entries(p.parameters).map(([k, v]) => `${k} = ${valueInWords(v)}`);
  return [
    `Hotspot Workbench ${p.appVersion}, exported ${p.createdAt}`,
    `CRS of x_project/y_project and wkt: ${p.crs}; lon/lat: WGS84 (EPSG:4326)`,
    ...p.datasets.map(
      (d) => `Dataset ${d.name}: ${d.files.map((f) => `${f.fileName} sha256 ${f.sha256}`).join('; ')}`,
    ),
    `Records selected: ${p.filterText ?? (typeof p.filter === 'string' ? p.filter : 'as described in the profile')}`,
    `Parameters: ${parameters.join('; ') || 'none'}${p.seed === null ? '' : `; seed ${p.seed}`}`,
    ...p.caveats.map((c) => `Caveat: ${c}`),
  ];
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function hotspotsGeoJson(kde: KdeRunResult, base: ExportProvenance): string {
  const provenance = withCaveats(base, kde.provenance.caveats);
  const features = supportedHotspots(kde).map((h) => ({
    type: 'Feature' as const,
    id: h.rank,
    properties: {
      rank: h.rank,
      class: h.classLabel,
      area_km2: round(h.areaKm2, 6),
      events: h.events,
      distinct_points: h.distinctPoints,
      share: round(h.share, 6),
      pai: round(h.pai, 4),
      peak_density_per_km2: round(h.peakDensity, 4),
      top_categories: h.topCategories.map((c) => `${c.name} (${c.count})`).join('; '),
      peak_hours: h.peakHours.join(','),
      peak_hours_note: h.peakHoursNote,
      p_csr: h.pValue,
      places: h.places.map((p) => `${p.name} (${p.layer})`).join('; '),
      top_locations: h.topLocations.map((l) => `${l.name} (${l.count})`).join('; '),
      x_project: round(h.peakX, 2),
      y_project: round(h.peakY, 2),
      crs_project: kde.provenance.crs,
    },
    geometry: {
      type: 'Polygon' as const,
      coordinates: h.polygonWgs84.map((ring) => ring.map(([lon, lat]) => [round(lon!, 7), round(lat!, 7)])),
    },
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', provenance, features })}\n`;
}

function ringWkt(ring: number[][]): string {
  return `(${ring.map(([x, y]) => `${round(x!, 2)} ${round(y!, 2)}`).join(', ')})`;
}

export function hotspotsCsv(kde: KdeRunResult, base: ExportProvenance): string {
  const provenance = withCaveats(base, kde.provenance.caveats);
  return toSafeCsv(
    [
      'rank',
      'class',
      'area_km2',
      'events',
      'distinct_points',
      'share',
      'pai',
      'peak_density_per_km2',
      'top_categories',
      'peak_hours',
      'p_csr',
      'places',
      'top_locations',
      'x_project',
      'y_project',
      'wkt',
    ],
    supportedHotspots(kde).map((h) => [
      h.rank,
      h.classLabel,
      round(h.areaKm2, 6),
      h.events,
      h.distinctPoints,
      round(h.share, 6),
      round(h.pai, 4),
      round(h.peakDensity, 4),
      h.topCategories.map((c) => `${c.name} (${c.count})`).join('; '),
      h.peakHours.join(' '),
      h.pValue ?? '',
      h.places.map((p) => `${p.name} (${p.layer})`).join('; '),
      h.topLocations.map((l) => `${l.name} (${l.count})`).join('; '),
      round(h.peakX, 2),
      round(h.peakY, 2),
      `POLYGON (${h.polygon.map(ringWkt).join(', ')})`,
    ]),
    provenanceComments(provenance),
  );
}

export function chainsGeoJson(chains: ChainsRunResult, crs: string, base: ExportProvenance): string {
  const provenance = withCaveats(base, chains.provenance.caveats);
  const t = makeTransform(crs, crs);
  const point = (x: number, y: number) => {
    const [lon, lat] = t.projectToWgs84(x, y);
    return [round(lon, 7), round(lat, 7)];
  };
  const features: unknown[] = chains.chains.map((c) => ({
    type: 'Feature',
    id: `chain-${c.id}`,
    properties: {
      kind: 'chain',
      chain: c.id,
      size: c.size,
      first_date: c.firstDate,
      last_date: c.lastDate,
      span_days: c.spanDays,
      links: c.links,
      area_m2: round(c.areaM2, 1),
      origin_record: c.originRecordId,
      member_records: c.memberRecordIds.join(','),
      member_references: c.references.map((r) => r ?? '').join(','),
      live: c.live,
      flag: c.flag,
      flag_reason: c.flagReason,
      x_project: round(c.centroidX, 2),
      y_project: round(c.centroidY, 2),
      crs_project: crs,
    },
    geometry: { type: 'Point', coordinates: point(c.centroidX, c.centroidY) },
  }));
  for (const z of chains.zones) {
    features.push({
      type: 'Feature',
      id: `zone-${z.chainId}-${z.recordId}`,
      properties: {
        kind: 'risk-zone',
        chain: z.chainId,
        record: z.recordId,
        radius_m: z.radiusM,
        event_date: z.eventDate,
        expires_date: z.expiresDate,
        x_project: z.x,
        y_project: z.y,
        crs_project: crs,
      },
      geometry: { type: 'Polygon', coordinates: [z.ring.map(([x, y]) => point(x, y))] },
    });
  }
  return `${JSON.stringify({ type: 'FeatureCollection', provenance, features })}\n`;
}

export function chainsCsv(chains: ChainsRunResult, base: ExportProvenance): string {
  const provenance = withCaveats(base, chains.provenance.caveats);
  return toSafeCsv(
    [
      'chain',
      'size',
      'first_date',
      'last_date',
      'span_days',
      'links',
      'area_m2',
      'live',
      'origin_record',
      'member_records',
      'member_references',
      'flag',
      'x_project',
      'y_project',
    ],
    chains.chains.map((c) => [
      c.id,
      c.size,
      c.firstDate,
      c.lastDate,
      c.spanDays,
      c.links,
      round(c.areaM2, 1),
      c.live ? 'yes' : 'no',
      c.originRecordId,
      c.memberRecordIds.join(' '),
      c.references.map((r) => r ?? '').join(' '),
      c.flag ?? '',
      round(c.centroidX, 2),
      round(c.centroidY, 2),
    ]),
    provenanceComments(provenance),
  );
}

export function surfaceAsc(kde: KdeRunResult): string {
  return writeEsriAsciiGrid(kde.grid);
}
