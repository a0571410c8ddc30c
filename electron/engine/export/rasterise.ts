/**
 * SVG → PNG for slides and thumbnails, with resvg (a Rust SVG renderer shipped as a prebuilt npm
 * binary: no browser, no network). Text uses the bundled DejaVu Sans so a map looks the same on
 * every workstation, whatever fonts it has.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

function fontFiles(): string[] {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf'), join(dir, 'DejaVuSans-Oblique.ttf')];
}

/** Renders an SVG document to PNG bytes at `scale` × its own pixel size (2 for crisp slides). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
