import { describe, expect, it } from 'vitest';
import { assertProjectedCoordinates } from '../../../../../shared/analysis/knox/assert-projected.js';

describe('assertProjectedCoordinates', () => {
  it('refuses coordinates that all look like lon/lat degrees', () => {
    expect(() =>
      assertProjectedCoordinates(Float64Array.from([-1.5, 0.2, 179]), Float64Array.from([52, 53.1, -89])),
    ).toThrow(/longitude\/latitude.*project them to metres first/);
  });
  it('accepts British National Grid metres, even with one point near the origin', () => {
    expect(() =>
      assertProjectedCoordinates(Float64Array.from([530000, 10]), Float64Array.from([180000, 20])),
    ).not.toThrow();
  });
  it('refuses non-finite coordinates with their count', () => {
    expect(() =>
      assertProjectedCoordinates(Float64Array.from([530000, Number.NaN]), Float64Array.from([180000, 1])),
    ).toThrow(/1 of 2 events have no finite x\/y/);
  });
});
