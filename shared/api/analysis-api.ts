/**
 * Api methods of the analyses: kernel density, hotspots, Knox, chains (issue: analysis engine).
 * Owned by the analysis work; extend here.
 */
export const analysisMethods = {};
