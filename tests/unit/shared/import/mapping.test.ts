import { describe, expect, it } from 'vitest';
import {
  type ColumnMapping,
  columnMappingSchema,
  locationShapeOf,
  mappingProblems,
  parseMapping,
  serializeMapping,
} from '../../../../shared/import/mapping.js';
import { applyPreset, findPreset, POLICE_UK_HEADERS } from '../../../../shared/import/presets.js';

const base: ColumnMapping = {
  fields: { x: 'E', y: 'N', date: 'When' },
  dateFormat: 'dmy',
  timeShape: 'datetime',
  sourceCrs: 'EPSG:27700',
  excluded: [],
  swapSuspectedCoordinates: false,
  preset: null,
};

describe('mappingProblems', () => {
  it('is empty for a complete mapping', () => {
    expect(mappingProblems(base, ['E', 'N', 'When'])).toEqual([]);
  });

  it('names a missing location, a missing CRS for x/y, missing time fields and unknown columns', () => {
    expect(mappingProblems({ ...base, fields: { date: 'When' } }, ['When'])).toEqual([
      'map a location: x and y, lon and lat, or an area code',
    ]);
    expect(mappingProblems({ ...base, sourceCrs: null }, ['E', 'N', 'When'])).toEqual([
      'x/y coordinates need a source CRS (e.g. EPSG:27700)',
    ]);
    expect(mappingProblems({ ...base, timeShape: 'window' }, ['E', 'N', 'When'])).toEqual([
      "time shape 'window' needs a date_from column",
      "time shape 'window' needs a date_to column",
    ]);
    expect(
      mappingProblems({ ...base, fields: { ...base.fields, category: 'Kind' } }, ['E', 'N', 'When']),
    ).toEqual(['category is mapped to "Kind", which is not a column of this file']);
  });

  it('refuses a column mapped twice, or both mapped and excluded', () => {
    expect(
      mappingProblems({ ...base, fields: { ...base.fields, location: 'E' } }, ['E', 'N', 'When']),
    ).toEqual(['"E" is mapped to both x and location']);
    expect(mappingProblems({ ...base, excluded: ['When'] }, ['E', 'N', 'When'])).toEqual([
      '"When" is both mapped to date and excluded',
    ]);
  });
});

describe('locationShapeOf', () => {
  it('prefers x/y, then lon/lat, then area', () => {
    expect(locationShapeOf({ fields: { x: 'a', y: 'b', area: 'c' } })).toBe('xy');
    expect(locationShapeOf({ fields: { lon: 'a', lat: 'b' } })).toBe('lonlat');
    expect(locationShapeOf({ fields: { area: 'c' } })).toBe('area');
    expect(locationShapeOf({ fields: { x: 'a' } })).toBeNull();
  });
});

describe('serializeMapping / parseMapping', () => {
  it('round-trips, with a stable key order', () => {
    const text = serializeMapping({ ...base, excluded: ['b', 'a'] });
    expect(parseMapping(text)).toEqual({ ...base, excluded: ['a', 'b'] });
    const reordered: ColumnMapping = { ...base, fields: { date: 'When', y: 'N', x: 'E' } };
    expect(serializeMapping(reordered)).toBe(serializeMapping(base));
  });

  it('refuses invalid JSON and invalid mappings with a RangeError naming the place', () => {
    expect(() => parseMapping('{')).toThrow(/not valid JSON/);
    expect(() => parseMapping(JSON.stringify({ ...base, timeShape: 'sometimes' }))).toThrow(/timeShape/);
    expect(() => parseMapping(JSON.stringify({ ...base, fields: { colour: 'x' } }))).toThrow(RangeError);
  });

  it('fills defaults in the Api schema (dmy, no exclusions)', () => {
    const parsed = columnMappingSchema.parse({ fields: { area: 'D', date: 'When' }, timeShape: 'date' });
    expect(parsed).toEqual({
      fields: { area: 'D', date: 'When' },
      dateFormat: 'dmy',
      timeShape: 'date',
      sourceCrs: null,
      excluded: [],
      swapSuspectedCoordinates: false,
      preset: null,
    });
  });
});

describe('applyPreset', () => {
  it('gives null when the header lacks the preset’s signature', () => {
    expect(applyPreset(findPreset('police-uk')!, ['Crime ID', 'Month'])).toBeNull();
  });

  it('gives a mapping without problems for the full police.uk header', () => {
    const m = applyPreset(findPreset('police-uk')!, [...POLICE_UK_HEADERS])!;
    expect(mappingProblems(m, [...POLICE_UK_HEADERS])).toEqual([]);
  });
});
