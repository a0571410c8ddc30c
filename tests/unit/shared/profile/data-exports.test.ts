/**
 * The data exports opened the way a GIS colleague or a spreadsheet would (issue 12): CSVs through
 * papaparse with its default options, GeoJSON through readers written here (one geometry type per
 * file, ring orientation by a shoelace sum written here, WGS84 bounds), the data dictionary and the
 * sidecars as plain text. Expected values are written by hand, never taken from the writers.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ChainsRunResult, RiskZoneSummary } from '../../../../shared/api/analysis-api.js';
import {
  chainMembersGeoJson,
  chainsCsv,
  DATA_DICTIONARY,
  dataDictionaryText,
  type ExportProvenance,
  hotspotsCsv,
  hotspotsGeoJson,
  riskZonesGeoJson,
  sidecarText,
  withCaveats,
} from '../../../../shared/profile/data-exports.js';
import type { ChainEventRow } from '../../../../shared/profile/model.js';
import { chainSummary, chainsRun, hotspot, kdeRun, POLICE_UK_CAVEAT } from './profile-fixtures.js';

const MARKING = 'OFFICIAL-SENSITIVE';
const provenance: ExportProvenance = {
  datasets: [{ name: 'Street crime', files: [{ fileName: 'street.csv', sha256: 'b'.repeat(64) }] }],
  filter: 'Street crime; categories: Burglary; 01/10/2025 to 31/12/2025',
  crs: 'EPSG:27700',
  parameters: { 'Kernel density: bandwidth': '300 m', 'Knox test: distance bands': [0, 200, null] },
  seed: 7,
  appVersion: '0.1.0',
  createdAt: '2026-01-05T10:00:00Z',
  caveats: [],
  marking: MARKING,
};

interface Feature {
  type: string;
  id: string | number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface Collection {
  type: string;
  crs?: unknown;
  protective_marking: string;
  provenance: { caveats: string[] };
  features: Feature[];
}

/** Twice the signed area of a ring by the shoelace sum: > 0 anticlockwise (x east, y north). */
function shoelace(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

function geometryTypes(fc: Collection): string[] {
  return [...new Set(fc.features.map((f) => f.geometry.type))];
}

/** papaparse with its default options: rows of strings, the first row the header. */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text);
  const data = parsed.data.filter((r) => !(r.length === 1 && r[0] === ''));
  return { header: data[0]!, rows: data.slice(1) };
}

describe('hotspotsCsv', () => {
  const text = hotspotsCsv(kdeRun([hotspot()]));

  it('starts with a UTF-8 BOM and has the header on its first line, with no comment lines', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^rank,class,area_km2,events,distinct_points,share,pai,/);
    expect(text).not.toMatch(/^#|\r\n#/);
  });

  it('parses with papaparse’s default options: one row per supported hotspot, values as written', () => {
    const { header, rows } = parseCsv(text);
    expect(header[0]).toBe('rank');
    expect(rows).toHaveLength(1);
    const cell = (name: string) => rows[0]![header.indexOf(name)];
    expect(cell('events')).toBe('30');
    expect(cell('class')).toBe('2 × mean');
    expect(cell('p_csr')).toBe('0.01');
    expect(cell('places')).toBe('Castle (Wards)');
    expect(cell('crs_project')).toBe('EPSG:27700');
    expect(cell('wkt')).toBe('POLYGON ((1000 1000, 1400 1000, 1400 1400, 1000 1400, 1000 1000))');
  });

  it('is read as comma-separated by papaparse’s delimiter guess although cells hold "; " lists', () => {
    const places = [
      { layer: 'Wards', name: 'Castle' },
      { layer: 'Police beats', name: 'C1' },
      { layer: 'Postcode districts', name: 'AS3' },
    ];
    const many = [1, 2, 3].map((rank) => hotspot({ rank, places }));
    const parsed = Papa.parse<string[]>(hotspotsCsv(kdeRun(many)));
    expect(parsed.meta.delimiter).toBe(',');
    expect(parsed.data).toHaveLength(4);
  });

  it('leaves out hotspots the data do not support', () => {
    const thin = hotspot({ rank: 2, events: 3 });
    expect(parseCsv(hotspotsCsv(kdeRun([hotspot(), thin]))).rows).toHaveLength(1);
  });

  it('keeps a location that looks like a formula as text', () => {
    const h = hotspot({ topLocations: [{ name: '=cmd|calc', count: 2 }] });
    const { header, rows } = parseCsv(hotspotsCsv(kdeRun([h])));
    expect(rows[0]![header.indexOf('top_locations')]).toBe("'=cmd|calc (2)");
  });
});

describe('hotspotsGeoJson', () => {
  const fc = JSON.parse(hotspotsGeoJson(kdeRun([hotspot()]), provenance)) as Collection;

  it('is RFC 7946: Polygons only, no crs member, the marking on the collection and every feature', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.crs).toBeUndefined();
    expect(geometryTypes(fc)).toEqual(['Polygon']);
    expect(fc.protective_marking).toBe(MARKING);
    for (const f of fc.features) expect(f.properties.protective_marking).toBe(MARKING);
  });

  it('keeps the analysis’s caveats in its provenance', () => {
    expect(fc.provenance.caveats).toEqual([POLICE_UK_CAVEAT]);
  });

  it('turns a clockwise outline anticlockwise and its anticlockwise hole clockwise (right-hand rule)', () => {
    const clockwise = [
      [-1, 52],
      [-1, 52.01],
      [-0.99, 52.01],
      [-0.99, 52],
      [-1, 52],
    ];
    const hole = [
      [-0.998, 52.002],
      [-0.992, 52.002],
      [-0.992, 52.008],
      [-0.998, 52.008],
      [-0.998, 52.002],
    ];
    expect(shoelace(clockwise)).toBeLessThan(0);
    expect(shoelace(hole)).toBeGreaterThan(0);
    const out = JSON.parse(
      hotspotsGeoJson(kdeRun([hotspot({ polygonWgs84: [clockwise, hole] })]), provenance),
    ) as Collection;
    const [outer, inner] = out.features[0]!.geometry.coordinates as number[][][];
    expect(shoelace(outer!)).toBeGreaterThan(0);
    expect(shoelace(inner!)).toBeLessThan(0);
    expect(outer).toEqual([...clockwise].reverse());
  });
});

// Three burglaries in a chain near Northampton (BNG metres), references as the force writes them.
const EVENTS: ChainEventRow[] = [
  {
    chainId: 1,
    recordId: 501,
    date: '2025-10-01',
    x: 475000,
    y: 260000,
    category: 'Burglary',
    location: 'On or near Mill Lane',
  },
  {
    chainId: 1,
    recordId: 502,
    date: '2025-10-03',
    x: 475100,
    y: 260050,
    category: 'Burglary',
    location: 'On or near Mill Lane',
  },
  {
    chainId: 1,
    recordId: 503,
    date: '2025-10-05',
    x: 475150,
    y: 260120,
    category: 'Burglary',
    location: null,
  },
];

function chains(): ChainsRunResult {
  const chain = {
    ...chainSummary(1, null),
    originRecordId: 501,
    originReference: 'NN/25/1001',
    memberRecordIds: [501, 502, 503],
    references: ['NN/25/1001', 'NN/25/1002', null],
    centroidX: 475083.33,
    centroidY: 260056.67,
  };
  // A 200 m zone as a 16-gon, drawn clockwise on purpose.
  const ring: [number, number][] = [];
  for (let k = 0; k <= 16; k++) {
    const a = (-2 * Math.PI * k) / 16;
    ring.push([475150 + 200 * Math.cos(a), 260120 + 200 * Math.sin(a)]);
  }
  const zone: RiskZoneSummary = {
    chainId: 1,
    recordId: 503,
    reference: null,
    x: 475150,
    y: 260120,
    radiusM: 200,
    eventDate: '2025-10-05',
    expiresDate: '2025-10-12',
    ring,
  };
  return { ...chainsRun([chain]), zones: [zone] };
}

describe('chainMembersGeoJson', () => {
  const fc = JSON.parse(chainMembersGeoJson(chains(), EVENTS, 'EPSG:27700', provenance)) as Collection;

  it('holds Points only, one per member event, in WGS84 near Northampton', () => {
    expect(geometryTypes(fc)).toEqual(['Point']);
    expect(fc.features).toHaveLength(3);
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates as number[];
      // Northampton is about 0.9° W, 52.24° N.
      expect(lon).toBeGreaterThan(-1.0);
      expect(lon).toBeLessThan(-0.8);
      expect(lat).toBeGreaterThan(52.15);
      expect(lat).toBeLessThan(52.35);
    }
  });

  it('names members by crime reference with date, origin and flag, never by internal record id', () => {
    expect(fc.features.map((f) => f.properties.reference)).toEqual(['NN/25/1001', 'NN/25/1002', null]);
    expect(fc.features.map((f) => f.properties.date)).toEqual(['2025-10-01', '2025-10-03', '2025-10-05']);
    expect(fc.features.map((f) => f.properties.origin)).toEqual([true, false, false]);
    expect(fc.features[0]!.properties).toMatchObject({ chain: 1, chain_size: 3, flag: null });
    expect(JSON.stringify(fc.features.map((f) => f.properties))).not.toMatch(/\b50[123]\b/);
  });
});

describe('chainsCsv', () => {
  it('lists members by crime reference, with no internal record id', () => {
    const { header, rows } = parseCsv(chainsCsv(chains(), 'EPSG:27700'));
    expect(rows).toHaveLength(1);
    expect(rows[0]![header.indexOf('member_references')]).toBe('NN/25/1001 NN/25/1002 ');
    expect(rows[0]![header.indexOf('origin_reference')]).toBe('NN/25/1001');
    expect(header.some((h) => /record/.test(h))).toBe(false);
  });
});

describe('riskZonesGeoJson', () => {
  const fc = JSON.parse(riskZonesGeoJson(chains(), 'EPSG:27700', provenance)) as Collection;

  it('holds Polygons only, exterior rings anticlockwise in lon/lat, closed', () => {
    expect(geometryTypes(fc)).toEqual(['Polygon']);
    const [ring] = fc.features[0]!.geometry.coordinates as number[][][];
    expect(shoelace(ring!)).toBeGreaterThan(0);
    expect(ring![0]).toEqual(ring!.at(-1));
    expect(fc.features[0]!.properties).toMatchObject({ radius_m: 200, expires_date: '2025-10-12' });
  });
});

describe('dataDictionaryText', () => {
  const text = dataDictionaryText(MARKING);
  /** The field names listed under a file's heading, read back from the text. */
  function fieldsOf(file: string): string[] {
    const lines = text.split('\r\n');
    const start = lines.findIndex((l) => l.split(':')[0]!.split(', ').includes(file));
    const names: string[] = [];
    for (const l of lines.slice(start + 1)) {
      const m = /^ {2}([a-z0-9_]+)[ :]/.exec(l);
      if (!m) break;
      names.push(m[1]!);
    }
    return names;
  }

  it('names every column of the hotspots and chains CSVs, in order', () => {
    expect(fieldsOf('hotspots.csv')).toEqual(parseCsv(hotspotsCsv(kdeRun([hotspot()]))).header);
    expect(fieldsOf('chains.csv')).toEqual(parseCsv(chainsCsv(chains(), 'EPSG:27700')).header);
  });

  it('names every property of each GeoJSON file', () => {
    const files: [string, string][] = [
      ['hotspots.geojson', hotspotsGeoJson(kdeRun([hotspot()]), provenance)],
      ['chains.geojson', chainMembersGeoJson(chains(), EVENTS, 'EPSG:27700', provenance)],
      ['risk-zones.geojson', riskZonesGeoJson(chains(), 'EPSG:27700', provenance)],
    ];
    for (const [file, json] of files) {
      const props = Object.keys((JSON.parse(json) as Collection).features[0]!.properties);
      expect(fieldsOf(file).sort(), file).toEqual(props.sort());
    }
  });

  it('gives every field a meaning, says the marking and describes the grid and its .prj', () => {
    for (const d of DATA_DICTIONARY)
      for (const f of d.fields) expect(f.meaning.length, f.name).toBeGreaterThan(10);
    expect(text).toContain(`Protective marking of the files described: ${MARKING}`);
    expect(text).toContain('area_km2 (km²)');
    expect(text).toMatch(/surface\.asc: .*events per km²/);
    expect(text).toMatch(/surface\.prj: /);
  });
});

describe('sidecarText', () => {
  const text = sidecarText(
    'hotspots.csv',
    ['Hotspots: two of three supported.'],
    withCaveats(provenance, [POLICE_UK_CAVEAT]),
  );
  const lines = text.split('\r\n').filter((l) => l !== '');

  it('carries the marking on its first and last lines and in words', () => {
    expect(lines[0]).toBe(MARKING);
    expect(lines.at(-1)).toBe(MARKING);
    expect(text).toContain(`Protective marking: ${MARKING}. hotspots.csv carries the same marking`);
  });

  it('says the filter and parameters in words, the caveats and the datasets’ hashes, never JSON', () => {
    expect(lines).toContain('Records selected: Street crime; categories: Burglary; 01/10/2025 to 31/12/2025');
    expect(lines).toContain(
      'Parameters: Kernel density: bandwidth = 300 m; Knox test: distance bands = 0, 200, none; seed 7',
    );
    expect(lines).toContain(`Caveat: ${POLICE_UK_CAVEAT}`);
    expect(lines).toContain(`Dataset Street crime: street.csv sha256 ${'b'.repeat(64)}`);
    expect(text).not.toMatch(/[{[]"/);
  });
});
