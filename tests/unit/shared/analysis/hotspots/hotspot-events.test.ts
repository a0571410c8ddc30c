import { describe, expect, it } from 'vitest';
import { eventsInside, hotspotEventsOf } from '../../../../../shared/analysis/hotspots/hotspot-events.js';
import type { RecordColumns } from '../../../../../shared/model/records.js';

function columns(): RecordColumns {
  return {
    count: 3,
    id: Float64Array.of(1, 2, 3),
    datasetId: Int32Array.of(1, 1, 1),
    x: Float64Array.of(10, 20, 30),
    y: Float64Array.of(11, 21, 31),
    lon: new Float64Array(3),
    lat: new Float64Array(3),
    fromMs: Float64Array.of(100, 200, 300),
    toMs: Float64Array.of(150, 250, 350),
    precision: Uint8Array.of(0, 1, 2),
    weight: Float64Array.of(1, 2, 3),
    categoryCode: Int32Array.of(0, 1, 0),
    categories: ['Burglary', 'Robbery'],
    subcategoryCode: Int32Array.of(1, -1, 0),
    subcategories: ['Business', 'Residential'],
    locationCode: Int32Array.of(-1, 0, 0),
    locations: ['Mill Lane'],
  };
}

describe('hotspotEventsOf and eventsInside', () => {
  it('keeps every column, the weight only for a weighted surface', () => {
    expect(hotspotEventsOf(columns(), false).weight).toBeUndefined();
    const events = hotspotEventsOf(columns(), true);
    expect([...events.weight!]).toEqual([1, 2, 3]);
    expect(events.subcategories).toEqual(['Business', 'Residential']);
  });

  it('picks the used events of every column alike, and returns all without a mask', () => {
    const all = hotspotEventsOf(columns(), true);
    expect(eventsInside(all, undefined)).toBe(all);
    const inside = eventsInside(all, Uint8Array.of(1, 0, 1));
    expect([...inside.x]).toEqual([10, 30]);
    expect([...inside.y]).toEqual([11, 31]);
    expect([...inside.weight!]).toEqual([1, 3]);
    expect([...inside.categoryCode!]).toEqual([0, 0]);
    expect([...inside.subcategoryCode!]).toEqual([1, 0]);
    expect([...inside.locationCode!]).toEqual([-1, 0]);
    expect([...inside.fromMs!]).toEqual([100, 300]);
    expect([...inside.toMs!]).toEqual([150, 350]);
    expect([...inside.precision!]).toEqual([0, 2]);
    expect(inside.categories).toEqual(['Burglary', 'Robbery']);
  });
});
