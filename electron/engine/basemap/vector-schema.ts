/**
 * Which open schema a vector basemap follows, from the names of its layers, so the map can style
 * it: Protomaps basemaps (earth, roads, places…), OpenMapTiles (transportation, place…; OS Open
 * Zoomstack-style files with roads/names layers fall to the generic style) or generic.
 */
import type { VectorSchema } from '../../../shared/api/basemap-api.js';

export function vectorSchema(layers: readonly string[]): VectorSchema {
  const has = (name: string) => layers.includes(name);
  if (has('earth') && has('roads')) return 'protomaps';
  if (has('transportation') || (has('water') && has('place') && has('landcover'))) return 'openmaptiles';
  return 'generic';
}
