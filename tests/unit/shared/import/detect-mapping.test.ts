import { describe, expect, it } from 'vitest';
import { HEADERS } from '../../../../shared/generate/tables.js';
import { detectMapping } from '../../../../shared/import/detect-mapping.js';
import { POLICE_UK_HEADERS } from '../../../../shared/import/presets.js';

describe('detectMapping — presets', () => {
  it('recognises the police.uk street-level header: month only, WGS84, Crime ID, LSOA code, Crime type', () => {
    const d = detectMapping([...POLICE_UK_HEADERS], []);
    expect(d.preset).toBe('police-uk');
    expect(d.mapping).toEqual({
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
      excluded: [],
      swapSuspectedCoordinates: false,
      preset: 'police-uk',
    });
    expect(d.problems).toEqual([]);
    expect(d.guesses.every((g) => g.confidence === 1)).toBe(true);
  });

  it('recognises police.uk whatever the case and spacing of the header, keeping the file’s spelling', () => {
    const headers = POLICE_UK_HEADERS.map((h) => h.toUpperCase().replace(' ', '_'));
    const d = detectMapping(headers, []);
    expect(d.preset).toBe('police-uk');
    expect(d.mapping.fields.reference).toBe('CRIME_ID');
  });

  it.each([
    ['police_crimes', 'police-crimes', 'window', 'EPSG:27700'],
    ['asb', 'asb', 'date+time', 'EPSG:27700'],
    ['fire', 'fire', 'date+time', 'EPSG:27700'],
    ['ambulance', 'ambulance', 'datetime', 'EPSG:4326'],
    ['hospital_admissions', 'hospital-postcode', 'date', null],
  ] as const)('recognises the synthetic town’s %s extract as preset %s', (id, preset, shape, crs) => {
    const d = detectMapping(HEADERS[id], []);
    expect(d.preset).toBe(preset);
    expect(d.mapping.timeShape).toBe(shape);
    expect(d.mapping.sourceCrs).toBe(crs);
    expect(d.problems).toEqual([]);
  });
});

describe('detectMapping — guesses from headers and content', () => {
  it('maps Easting/Northing, a Committed From/To window, a crime reference and offence type', () => {
    const headers = [
      'URN',
      'Offence',
      'Committed From Date',
      'Committed To Date',
      'Easting',
      'Northing',
      'Beat',
    ];
    const rows = [['1', 'Burglary', '01/03/2024 10:00', '02/03/2024 09:00', '430100', '433200', 'B1']];
    const d = detectMapping(headers, rows);
    expect(d.preset).toBeNull();
    expect(d.mapping.fields).toEqual({
      date_from: 'Committed From Date',
      date_to: 'Committed To Date',
      x: 'Easting',
      y: 'Northing',
      category: 'Offence',
      reference: 'URN',
    });
    expect(d.mapping.timeShape).toBe('window');
    expect(d.mapping.sourceCrs).toBe('EPSG:27700');
    expect(d.problems).toEqual([]);
  });

  it('treats X/Y columns holding degrees as lon/lat', () => {
    const d = detectMapping(['X', 'Y', 'Date'], [['-1.55', '53.80', '2024-03-01']]);
    expect(d.mapping.fields).toMatchObject({ lon: 'X', lat: 'Y', date: 'Date' });
    expect(d.mapping.sourceCrs).toBe('EPSG:4326');
    expect(d.mapping.dateFormat).toBe('iso');
    expect(d.mapping.timeShape).toBe('date');
  });

  it('finds coordinates by content under odd names', () => {
    const d = detectMapping(['a', 'b', 'Date'], [['430000', '433000', '01/02/2024']]);
    expect(d.mapping.fields).toMatchObject({ x: 'a', y: 'b' });
    expect(d.guesses.find((g) => g.field === 'x')!.confidence).toBe(0.5);
  });

  it('detects month-only values, date-times and US day order from the sample', () => {
    expect(detectMapping(['Month', 'Lat', 'Long'], [['2017-04', '53.8', '-1.5']]).mapping.timeShape).toBe(
      'month',
    );
    expect(
      detectMapping(['Date', 'Lat', 'Long'], [['01/03/2024 10:00', '53.8', '-1.5']]).mapping.timeShape,
    ).toBe('datetime');
    expect(detectMapping(['Date', 'Lat', 'Long'], [['04/25/2024', '53.8', '-1.5']]).mapping.dateFormat).toBe(
      'mdy',
    );
    expect(detectMapping(['Date', 'Lat', 'Long'], [['25/04/2024', '53.8', '-1.5']]).mapping.dateFormat).toBe(
      'dmy',
    );
  });

  it('vetoes a header guess whose values contradict it (a "Date" column of words)', () => {
    const d = detectMapping(['Date', 'Easting', 'Northing'], [['pending', '430000', '433000']]);
    expect(d.mapping.fields.date).toBeUndefined();
    expect(d.problems).toContain("time shape 'date' needs a date column");
  });

  it('maps an outward postcode district as an area', () => {
    const d = detectMapping(['Postcode District', 'Admitted'], [['LS6', '01/02/2024']]);
    expect(d.mapping.fields.area).toBe('Postcode District');
  });
});
