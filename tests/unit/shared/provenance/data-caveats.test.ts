import { describe, expect, it } from 'vitest';
import { type CaveatSource, dataCaveats } from '../../../../shared/provenance/data-caveats.js';

const policeUk: CaveatSource = {
  name: 'Street crime',
  presetCaveats: ['police.uk data: month only, and points are snapped to anonymised map locations'],
  imports: [{ fileName: 'april.csv', rowsRead: 1000, rowsAccepted: 990, rowsRejected: 10 }],
  areaOnly: 0,
  monthOnly: 990,
  windows: 0,
};

describe('dataCaveats', () => {
  it('states police.uk snapping, month-only dates and rejected rows for a police.uk dataset', () => {
    const text = dataCaveats([policeUk], { windowBasis: null }).join(' ');
    expect(text).toContain('Street crime: police.uk data: month only, and points are snapped');
    expect(text).toContain('990 records are dated to the month only');
    expect(text).toContain('10 of 1,000 rows of april.csv were rejected');
  });

  it('says how windows were dated only for day-level outputs', () => {
    const burglary: CaveatSource = {
      ...policeUk,
      name: 'Burglary',
      presetCaveats: [],
      imports: [],
      monthOnly: 0,
      windows: 7,
    };
    expect(dataCaveats([burglary], { windowBasis: null })).toEqual([]);
    expect(dataCaveats([burglary], { windowBasis: 'midpoint' })).toEqual([
      "Burglary: 7 records have a from/to window (e.g. burglary while away) and are dated by the window's midpoint.",
    ]);
    expect(dataCaveats([burglary], { windowBasis: 'start' })[0]).toMatch(/dated by the window's start\.$/);
  });

  it('says area-only records are never mapped as points', () => {
    const hospital: CaveatSource = {
      ...policeUk,
      name: 'A&E',
      presetCaveats: [],
      imports: [],
      monthOnly: 0,
      areaOnly: 12,
    };
    expect(dataCaveats([hospital], { windowBasis: null })).toEqual([
      'A&E: 12 records carry an area code only (no point); they are counted per area and in totals, never mapped as points or used in point methods.',
    ]);
  });
});
