/**
 * Default settings of a profile's analyses, in one place. Knox: four 200 m distance bands and four
 * 7-day time bands, each with an open "or more" band, so the headline cell is "within 200 m and
 * within 7 days" (the classic burglary near-repeat window, Johnson et al. 2007); 999 permutations,
 * seeded so the profile is reproducible. Chains fall back to the first Knox cell (200 m, 7 days)
 * when the Knox table suggests no threshold. Fewer than MIN_KNOX_EVENTS events make no Knox test.
 */
export const PROFILE_DEFAULTS = {
  knoxDistanceBandM: 200,
  knoxDistanceBands: 4,
  knoxTimeBandDays: 7,
  knoxTimeBands: 4,
  knoxIterations: 999,
  seed: 20_251_231,
  chainDistanceM: 200,
  chainDays: 7,
  markings: 'OFFICIAL',
  version: '1.0',
} as const;

export const MIN_KNOX_EVENTS = 20;

/** Edges 0, b, 2b, … n·b, ∞ (null for ∞ over the wire). */
export function bandEdges(width: number, bands: number): (number | null)[] {
  return [...Array.from({ length: bands + 1 }, (_, k) => k * width), null];
}
