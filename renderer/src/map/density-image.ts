/**
 * A density grid as a canvas for MapLibre's canvas source, one pixel per cell (colour.ts). A canvas
 * rather than an image URL: MapLibre fetches image URLs, and the CSP's connect-src rightly refuses
 * data: URLs. The canvas's corners come from the engine in lon/lat (KdeRunResult.cornersWgs84,
 * north-west first), so the grid lands where the projected cells are.
 */
import type { Grid } from '../../../shared/model/grid.js';
import { densityPixels } from './colour.js';

export function densityCanvas(grid: Grid, maxValue: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = grid.width;
  canvas.height = grid.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('this browser cannot draw a canvas, so the surface cannot be shown');
  const image = context.createImageData(grid.width, grid.height);
  image.data.set(densityPixels(grid, maxValue));
  context.putImageData(image, 0, 0);
  return canvas;
}
