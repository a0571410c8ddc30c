import { describe, expect, it } from 'vitest';
import {
  type ExportProvenance,
  hotspotsCsv,
  hotspotsGeoJson,
} from '../../../../shared/profile/data-exports.js';
import { hotspot, kdeRun, POLICE_UK_CAVEAT } from './profile-fixtures.js';

const provenance: ExportProvenance = {
  datasets: [{ name: 'Street crime', files: [{ fileName: 'street.csv', sha256: 'b'.repeat(64) }] }],
  filter: 'Street crime; categories: Burglary; 01/10/2025 to 31/12/2025',
  crs: 'EPSG:27700',
  parameters: { 'Kernel density: bandwidth': '300 m', 'Knox test: distance bands': [0, 200, null] },
  seed: 7,
  appVersion: '0.1.0',
  createdAt: '2026-01-05T10:00:00Z',
  caveats: [],
};

describe('hotspotsCsv', () => {
  const csv = hotspotsCsv(kdeRun([hotspot()]), provenance);
  const comments = csv.split('\r\n').filter((l) => l.startsWith('#'));

  it('says the filter and the parameters in words in its comment lines, never as JSON', () => {
    expect(comments).toContain(
      '# Records selected: Street crime; categories: Burglary; 01/10/2025 to 31/12/2025',
    );
    expect(comments).toContain(
      '# Parameters: Kernel density: bandwidth = 300 m; Knox test: distance bands = 0, 200, none; seed 7',
    );
    expect(comments.join('\n')).not.toMatch(/[{[]"/);
  });

  it('carries the analysis’s own data caveats (police.uk snapping) with the profile’s', () => {
    expect(comments).toContain(`# Caveat: ${POLICE_UK_CAVEAT}`);
  });

  it('exports only hotspots the data support, with their CSR p and places', () => {
    const rows = csv.split('\r\n').filter((l) => l !== '' && !l.startsWith('#'));
    const thin = hotspot({ rank: 2, events: 3 });
    const two = hotspotsCsv(kdeRun([hotspot(), thin]), provenance)
      .split('\r\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(two).toHaveLength(rows.length);
    const header = rows[0]!.split(',');
    const first = rows[1]!.split(',');
    expect(first[header.indexOf('p_csr')]).toBe('0.01');
    expect(first[header.indexOf('places')]).toBe('Castle (Wards)');
  });
});

describe('hotspotsGeoJson', () => {
  it('keeps the provenance with the analysis’s caveats as a foreign member', () => {
    const json = JSON.parse(hotspotsGeoJson(kdeRun([hotspot()]), provenance)) as {
      provenance: ExportProvenance;
      features: { properties: { p_csr: number; places: string } }[];
    };
    expect(json.provenance.caveats).toEqual([POLICE_UK_CAVEAT]);
    expect(json.features[0]!.properties).toMatchObject({ p_csr: 0.01, places: 'Castle (Wards)' });
  });
});
