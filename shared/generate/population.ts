/**
 * Resident population of each area of a boundary layer, so area counts can be read as rates
 * ("per 1,000 residents", issue 11 item 5). Deterministic from the layout alone (no random draws, so
 * nothing else of the town changes): the population density integrated over a 100 m grid, each grid
 * point counted in the area of its nearest seed (the Voronoi cell it lies in), scaled so the town
 * holds TOWN_RESIDENTS people, rounded to tens as census estimates are quoted.
 */
import type { BoundaryLayer } from './boundaries.js';
import { nearestSeed } from './geometry.js';
import { populationDensity, type TownLayout } from './layout.js';

/** Residents of the whole extent: a market town of Burnley's or Lancaster's size. */
export const TOWN_RESIDENTS = 52_000;
/** The GeoJSON property the population is written to (ONS mid-year estimates use such a column). */
export const POPULATION_PROPERTY = 'Population';
const GRID_M = 100;

/** Residents per area of `layer`, in the order of its areas. */
export function residentsPerArea(layout: TownLayout, layer: BoundaryLayer): number[] {
  const e = layout.extent;
  const weight = layer.areas.map(() => 0);
  for (let x = e.minX + GRID_M / 2; x < e.maxX; x += GRID_M) {
    for (let y = e.minY + GRID_M / 2; y < e.maxY; y += GRID_M) {
      weight[nearestSeed(layer.areas, x, y)] += populationDensity(layout, x, y);
    }
  }
  const total = weight.reduce((s, w) => s + w, 0);
  return weight.map((w) => Math.round((TOWN_RESIDENTS * w) / total / 10) * 10);
}

/** The layer with each area's residents and the property naming them. */
export function withPopulation(layout: TownLayout, layer: BoundaryLayer): BoundaryLayer {
  const residents = residentsPerArea(layout, layer);
  return {
    ...layer,
    populationProperty: POPULATION_PROPERTY,
    areas: layer.areas.map((a, i) => ({ ...a, population: residents[i] })),
  };
}
