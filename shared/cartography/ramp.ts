/**
 * Colour ramps for density surfaces and hotspot classes. ColorBrewer's YlOrRd is a sequential ramp
 * rated colour-blind safe and print friendly (Brewer, colorbrewer2.org), and is the convention for
 * crime density maps; the hotspot outline colour is a dark neutral that reads on every class.
 */
import { schemeYlOrRd } from 'd3-scale-chromatic';

/** `n` colours (3 ≤ n ≤ 9) from light to dark. */
export function densityRamp(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 9) throw new RangeError(`density ramp size must be 1–9, got ${n}`);
  if (n < 3) return schemeYlOrRd[3]!.slice(3 - n);
  return [...schemeYlOrRd[n]!];
}

export const HOTSPOT_OUTLINE = '#2b2b2b';
export const BOUNDARY_STROKE = '#5c6b7a';
export const STREET_STROKE = '#b9b4aa';
export const MAJOR_STREET_STROKE = '#9c958a';
export const POINT_FILL = '#1f4e79';
export const LAND_FILL = '#f7f5f0';
/** Subject outline: ColorBrewer RdBu's dark blue, distinct from the YlOrRd surface for every vision type. */
export const HIGHLIGHT_STROKE = '#2166ac';
/** Risk zones: a purple that stays apart from both the surface and the subject outline. */
export const ZONE_STROKE = '#6a3d9a';
