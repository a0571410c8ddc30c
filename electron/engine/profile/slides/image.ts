/** A map SVG placed on a slide: rasterised by resvg (no browser) and fitted inside a box, centred. */
import { svgToPng } from '../../export/rasterise.js';
import type { Slide } from './layout.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Width and height attributes of an SVG (its aspect ratio). */
export function svgSize(svg: string): { w: number; h: number } {
  const w = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 4);
  const h = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 3);
  return { w, h };
}

export function addImageFit(slide: Slide, svg: string, box: Box, name = 'map'): void {
  const { w, h } = svgSize(svg);
  const scale = Math.min(box.w / w, box.h / h);
  const iw = w * scale;
  const ih = h * scale;
  slide.addImage({
    data: `data:image/png;base64,${Buffer.from(svgToPng(svg, 2)).toString('base64')}`,
    x: box.x + (box.w - iw) / 2,
    y: box.y + (box.h - ih) / 2,
    w: iw,
    h: ih,
    objectName: name,
  });
}
