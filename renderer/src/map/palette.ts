/**
 * Which colour each dataset and category gets on the map (Okabe & Ito, colour.ts). A dataset keeps
 * its colour whatever the filter: colours go by the dataset's place among the project's datasets
 * (by id), so "Police crimes" is the same blue in every view. Categories are coloured by their count
 * in the selection, commonest first; beyond the palette they share the grey "Other".
 */
import { CATEGORY_COLOURS, categoryColour, OTHER_COLOUR } from './colour.js';

/** Colour of each point dataset, by its place among the project's point datasets ordered by id. */
export function datasetColours(datasetIds: readonly number[]): Map<number, string> {
  const sorted = [...new Set(datasetIds)].sort((a, b) => a - b);
  return new Map(sorted.map((id, k) => [id, categoryColour(k)]));
}

export interface CategoryColour {
  /** The category's code in the records' dictionary (-1 for records without one). */
  code: number;
  label: string;
  count: number;
  colour: string;
}

/**
 * The commonest categories get the palette's colours (the last colour is kept for "Other" when there
 * are more categories than colours); `other` counts the records of the rest.
 */
export function categoryColours(
  codes: ArrayLike<number>,
  labels: readonly string[],
): { named: CategoryColour[]; other: number } {
  const counts = new Map<number, number>();
  for (let i = 0; i < codes.length; i++) counts.set(codes[i]!, (counts.get(codes[i]!) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const slots = ranked.length > CATEGORY_COLOURS.length ? CATEGORY_COLOURS.length - 1 : ranked.length;
  const named = ranked.slice(0, slots).map(([code, count], k) => ({
    code,
    label: code >= 0 ? (labels[code] ?? 'Unknown') : 'No category',
    count,
    colour: categoryColour(k),
  }));
  const other = ranked.slice(slots).reduce((sum, [, count]) => sum + count, 0);
  return { named, other };
}

/** A MapLibre `match` expression from a numeric property to colours, grey for anything else. */
export function matchColour(property: string, colours: Iterable<[number, string]>): unknown[] {
  const pairs = [...colours].flat();
  return pairs.length === 0
    ? ['literal', OTHER_COLOUR]
    : ['match', ['get', property], ...pairs, OTHER_COLOUR];
}

/** Outline colours of boundary layers, dark enough on the plain map and under points, in turn. */
export const BOUNDARY_COLOURS = ['#4d5b68', '#8c510a', '#01665e', '#762a83', '#b2182b'] as const;

/** Each shown boundary layer's outline colour, by its place among the project's layers (by id). */
export function boundaryColours(layerIds: readonly number[]): Map<number, string> {
  const sorted = [...new Set(layerIds)].sort((a, b) => a - b);
  return new Map(sorted.map((id, k) => [id, BOUNDARY_COLOURS[k % BOUNDARY_COLOURS.length]!]));
}
