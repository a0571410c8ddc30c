/**
 * The density difference surface as an SVG figure (tactical assessment): cells coloured on a
 * diverging scale (ColorBrewer RdBu: red where this period is denser, blue where it is less dense,
 * white for no change), symmetric about 0 at the largest absolute difference, with the hotspot
 * outlines of this period (solid) and of the previous one that are gone (dashed) over it. The grid is
 * averaged into blocks of whole cells so the figure has at most MAX_COLUMNS columns; cells within a
 * sixteenth of the largest difference are left white. Row 0 of the grid is the north row (shared/model/grid.ts).
 */
import { schemeRdBu } from 'd3-scale-chromatic';
import type { Grid } from '../model/grid.js';
import { escapeHtml } from '../profile/html/escape.js';

const MAX_COLUMNS = 120;
const WIDTH_PX = 640;
const RDBU = schemeRdBu[9]!;

export interface OutlineToDraw {
  polygon: number[][][];
  dashed: boolean;
}

function colourOf(share: number): string {
  // share in [−1, 1]: −1 → the bluest, +1 → the reddest; RdBu runs red (0) to blue (8).
  const k = Math.round(4 - 4 * Math.max(-1, Math.min(1, share)));
  return RDBU[k]!;
}

export function differenceSvg(grid: Grid, outlines: readonly OutlineToDraw[], caption: string): string {
  const block = Math.max(1, Math.ceil(grid.width / MAX_COLUMNS));
  const cols = Math.ceil(grid.width / block);
  const rows = Math.ceil(grid.height / block);
  const means = new Float64Array(cols * rows);
  let maxAbs = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      let n = 0;
      for (let rr = r * block; rr < Math.min(grid.height, (r + 1) * block); rr++) {
        for (let cc = c * block; cc < Math.min(grid.width, (c + 1) * block); cc++) {
          const v = grid.values[cc + rr * grid.width]!;
          if (Number.isFinite(v)) {
            sum += v;
            n++;
          }
        }
      }
      const mean = n > 0 ? sum / n : Number.NaN;
      means[c + r * cols] = mean;
      if (Math.abs(mean) > maxAbs) maxAbs = Math.abs(mean);
    }
  }
  const px = WIDTH_PX / cols;
  const heightPx = rows * px;
  const cells: string[] = [];
  means.forEach((m, i) => {
    if (!Number.isFinite(m) || maxAbs === 0 || Math.abs(m) < maxAbs / 16) return;
    const x = (i % cols) * px;
    const y = Math.floor(i / cols) * px;
    cells.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(px + 0.3).toFixed(1)}" height="${(px + 0.3).toFixed(1)}" fill="${colourOf(m / maxAbs)}"/>`,
    );
  });
  const scale = WIDTH_PX / (grid.width * grid.cellSizeM);
  const top = grid.originY + grid.height * grid.cellSizeM;
  const path = (polygon: number[][][]) =>
    polygon
      .map(
        (ring) =>
          `M${ring.map(([x, y]) => `${((x! - grid.originX) * scale).toFixed(1)},${((top - y!) * scale).toFixed(1)}`).join('L')}Z`,
      )
      .join('');
  const lines = outlines.map(
    (o) =>
      `<path d="${path(o.polygon)}" fill="none" stroke="#1b1f24" stroke-width="1.5"${o.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH_PX} ${heightPx.toFixed(1)}" width="${WIDTH_PX}" height="${heightPx.toFixed(0)}" role="img">`,
    `<title>${escapeHtml(caption)}</title>`,
    `<rect width="${WIDTH_PX}" height="${heightPx.toFixed(1)}" fill="#ffffff" stroke="#c9d0d8"/>`,
    ...cells,
    ...lines,
    '</svg>',
  ].join('');
}
