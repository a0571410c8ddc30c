/**
 * Colours of the map and charts. The density ramp is ColorBrewer's sequential YlOrRd (9 classes,
 * Cynthia Brewer, https://colorbrewer2.org, Apache-2.0), which stays readable for the common forms of
 * colour blindness and in greyscale print; values between its stops are interpolated linearly in RGB.
 *
 * A density surface is drawn as an RGBA image, one pixel per grid cell: row 0 of the grid is its
 * northernmost row, which is also the image's top row, so cells copy across without flipping. Zero
 * and NODATA (NaN) cells are transparent, so the boundaries and streets under the surface stay visible.
 */
import type { Grid } from '../../../shared/model/grid.js';

export type Rgb = readonly [number, number, number];

export const YL_OR_RD: readonly Rgb[] = [
  [255, 255, 204],
  [255, 237, 160],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [252, 78, 42],
  [227, 26, 28],
  [189, 0, 38],
  [128, 0, 38],
];

/** The ramp's colour at t in [0, 1] (clamped). */
export function rampColour(t: number, stops: readonly Rgb[] = YL_OR_RD): Rgb {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const f = position - i;
  const a = stops[i];
  const b = stops[i + 1];
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** CSS rgb() of a colour. */
export function css(rgb: Rgb, alpha = 1): string {
  return alpha >= 1 ? `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})` : `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]} / ${alpha})`;
}

/** Opacity of a density cell: faint low values so the map under them shows, near-opaque peaks. */
export function densityAlpha(t: number): number {
  if (!(t > 0)) return 0;
  return Math.min(0.9, 0.35 + 0.55 * Math.min(1, t));
}

/**
 * RGBA pixels of a density grid (width × height, row 0 north), value v mapped to t = v / maxValue.
 * Non-positive and NaN cells are fully transparent. Throws a RangeError for a non-positive maxValue.
 */
export function densityPixels(grid: Grid, maxValue: number): Uint8ClampedArray {
  if (!(maxValue > 0 && Number.isFinite(maxValue)))
    throw new RangeError(`maxValue must be a finite number > 0, got ${maxValue}`);
  const { width, height, values } = grid;
  if (values.length !== width * height)
    throw new RangeError(`grid has ${values.length} values, expected ${width} × ${height}`);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > 0)) continue;
    const t = v / maxValue;
    const [r, g, b] = rampColour(t);
    const o = i * 4;
    pixels[o] = r;
    pixels[o + 1] = g;
    pixels[o + 2] = b;
    pixels[o + 3] = Math.round(densityAlpha(t) * 255);
  }
  return pixels;
}

/** Categorical colours for up to 8 categories (Okabe & Ito 2008, colour-blind safe), then grey. */
export const CATEGORY_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
] as const;
export const OTHER_COLOUR = '#8a9199';

export function categoryColour(index: number): string {
  return index >= 0 && index < CATEGORY_COLOURS.length ? CATEGORY_COLOURS[index] : OTHER_COLOUR;
}
