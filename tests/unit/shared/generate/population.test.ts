import { describe, expect, it } from 'vitest';
import { generateTown } from '../../../../shared/generate/generate-town.js';
import { POPULATION_PROPERTY, TOWN_RESIDENTS } from '../../../../shared/generate/population.js';

describe('resident population of the sample town’s areas', () => {
  const town = generateTown({ seed: 1 });

  it('gives wards and postcode districts residents that add up to the town, the centre the most', () => {
    for (const { layer, wgs84 } of [town.boundaries.wards, town.boundaries.postcodeDistricts]) {
      const residents = wgs84.features.map((f) => f.properties[POPULATION_PROPERTY] as number);
      expect(residents.every((r) => Number.isInteger(r) && r > 0 && r % 10 === 0)).toBe(true);
      // Each area is rounded to tens: the total is within 5 per area of the town's.
      const total = residents.reduce((a, b) => a + b, 0);
      expect(Math.abs(total - TOWN_RESIDENTS)).toBeLessThanOrEqual(5 * residents.length);
      // The first area of each layer is seeded at the town centre, where the density peaks.
      expect(residents[0]).toBe(Math.max(...residents));
      expect(layer.populationProperty).toBe(POPULATION_PROPERTY);
    }
  });

  it('leaves the police beats without a population (partners’ beat layers carry none)', () => {
    expect(town.boundaries.beats.wgs84.features[0]!.properties).not.toHaveProperty(POPULATION_PROPERTY);
  });
});
