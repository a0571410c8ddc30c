/**
 * The density difference surface as an SVG figure (tactical assessment): cells coloured on a
 * diverging scale (ColorBrewer RdBu: red where this period is denser, blue where it is less dense,
 * white for little change), symmetric about 0 at a robust limit (colourLimit: one sharp peak must not
 * wash the rest of the map out white; blocks beyond it take the end colour and the key says ≥), with the hotspot
 * outlines of this period (solid) and of the previous one that are gone (dashed) over it, each
 * labelled with its number in the tables. Beside the map: the key (the colour ramp in events per km²,
 * "more this period" at the top, "fewer" at the bottom, the outline styles) and a scale bar, in type
 * that stays readable when the figure is fitted on a 16:9 slide.
 *
 * The grid is averaged into blocks of whole cells so the figure has at most MAX_COLUMNS columns;
 * blocks within a sixteenth of the limit are left white. Row 0 of the grid is the north
 * row (shared/model/grid.ts). The ramp's nine classes: class k = round(4 − 4·d/dmax), so each class
 * spans a quarter of dmax centred on (4 − k)/4 · dmax.
 */
import { schemeRdBu } from 'd3-scale-chromatic';
import { polygonCentroid } from '../analysis/tactical/centroid.js';
import { niceLengthM } from '../cartography/scale-bar.js';
import type { Grid } from '../model/grid.js';
import { formatCount, formatMetres } from '../profile/format.js';
import { escapeHtml } from '../profile/html/escape.js';

const MAX_COLUMNS = 120;
const MAP_PX = 640;
const KEY_PX = 300;
const GAP_PX = 14;
const TEXT_PX = 24;
const LABEL_PX = 26;
const RDBU = schemeRdBu[9]!;
const FONT = `font-family="'DejaVu Sans', 'Segoe UI', Arial, sans-serif"`;
const INK = '#1b1f24';

export interface OutlineToDraw {
  polygon: number[][][];
  dashed: boolean;
  /** The hotspot's number in the tables ("2", or "P3" for a gone one); none when omitted. */
  label?: string;
}

function classOf(share: number): number {
  // share in [−1, 1]: −1 → the bluest, +1 → the reddest; RdBu runs red (0) to blue (8).
  return Math.round(4 - 4 * Math.max(-1, Math.min(1, share)));
}

/** The grid's values averaged over blocks of `block` × `block` cells (NaN where a block has none). */
function blockMeans(grid: Grid, block: number): { cols: number; rows: number; means: Float64Array } {
  const cols = Math.ceil(grid.width / block);
  const rows = Math.ceil(grid.height / block);
  const means = new Float64Array(cols * rows);
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
      means[c + r * cols] = n > 0 ? sum / n : Number.NaN;
    }
  }
  return { cols, rows, means };
}

export interface ColourLimit {
  /** The ramp's end, events per km²: ± this takes the darkest colours. */
  limit: number;
  /** Some block rises (falls) beyond the limit. */
  clippedUp: boolean;
  clippedDown: boolean;
}

/** Share of the non-zero blocks whose absolute difference lies within the ramp. */
const LIMIT_QUANTILE = 0.99;

/**
 * The ramp's end: the 99th percentile (nearest rank) of the blocks' non-zero absolute differences,
 * so a single peak of +1,600 beside rises of +100 leaves those rises coloured, not white.
 */
export function colourLimit(means: ArrayLike<number>): ColourLimit {
  const sizes: number[] = [];
  let up = 0;
  let down = 0;
  for (let i = 0; i < means.length; i++) {
    const m = means[i]!;
    if (!Number.isFinite(m) || m === 0) continue;
    sizes.push(Math.abs(m));
    if (m > up) up = m;
    if (-m > down) down = -m;
  }
  if (sizes.length === 0) return { limit: 0, clippedUp: false, clippedDown: false };
  sizes.sort((a, b) => a - b);
  const limit = sizes[Math.ceil(LIMIT_QUANTILE * sizes.length) - 1]!;
  return { limit, clippedUp: up > limit, clippedDown: down > limit };
}

function text(
  x: number,
  y: number,
  words: string,
  options: { size?: number; bold?: boolean; anchor?: string } = {},
) {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT} font-size="${options.size ?? TEXT_PX}"${options.bold ? ' font-weight="bold"' : ''}${options.anchor ? ` text-anchor="${options.anchor}"` : ''} fill="${INK}">${escapeHtml(words)}</text>`;
}

/** A hotspot's number with a white halo, so it reads over any colour. */
function label(x: number, y: number, words: string): string {
  const common = `x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${FONT} font-size="${LABEL_PX}" font-weight="bold" text-anchor="middle" dominant-baseline="central"`;
  return (
    `<text ${common} fill="#ffffff" stroke="#ffffff" stroke-width="5" stroke-linejoin="round">${escapeHtml(words)}</text>` +
    `<text ${common} fill="${INK}">${escapeHtml(words)}</text>`
  );
}

/** The key: the ramp from +limit (more this period) to −limit (fewer), the outline styles. */
function keyPanel(x0: number, scale: ColourLimit): string[] {
  const maxAbs = scale.limit;
  const out = [text(x0, 26, 'Change in density', { bold: true }), text(x0, 56, 'events per km²')];
  const box = 26;
  const top = 74;
  for (let k = 0; k < RDBU.length; k++) {
    out.push(
      `<rect x="${x0}" y="${top + k * box}" width="${box * 1.4}" height="${box}" fill="${RDBU[k]}" stroke="#c9d0d8" stroke-width="0.5"/>`,
    );
  }
  const tx = x0 + box * 1.4 + 10;
  const value = maxAbs >= 10 ? formatCount(maxAbs) : maxAbs.toPrecision(2);
  out.push(
    text(tx, top + 20, `${scale.clippedUp ? '≥ ' : ''}+${value}`, { bold: true }),
    text(tx, top + 46, 'more this period'),
    text(tx, top + 4 * box + 20, '0 no change'),
    text(tx, top + 7 * box + 20, 'fewer'),
    text(tx, top + 8 * box + 20, `${scale.clippedDown ? '≤ ' : ''}−${value}`, { bold: true }),
  );
  const lines = top + 9 * box + 36;
  out.push(
    `<line x1="${x0}" y1="${lines}" x2="${x0 + 36}" y2="${lines}" stroke="${INK}" stroke-width="2.5"/>`,
    text(x0 + 46, lines + 8, 'hotspot now (No.)'),
    `<line x1="${x0}" y1="${lines + 34}" x2="${x0 + 36}" y2="${lines + 34}" stroke="${INK}" stroke-width="2.5" stroke-dasharray="6 4"/>`,
    text(x0 + 46, lines + 42, 'gone (P + No.)'),
  );
  return out;
}

/** A scale bar of a round length, at most a third of the key's width. */
function scaleBar(x0: number, y0: number, metresPerPx: number): string[] {
  if (!(metresPerPx > 0 && Number.isFinite(metresPerPx))) return [];
  const lengthM = niceLengthM((KEY_PX - 40) * metresPerPx);
  const px = lengthM / metresPerPx;
  return [
    `<rect x="${x0}" y="${y0}" width="${px.toFixed(1)}" height="8" fill="${INK}"/>`,
    text(x0, y0 + 36, formatMetres(lengthM)),
  ];
}

export function differenceSvg(grid: Grid, outlines: readonly OutlineToDraw[], caption: string): string {
  if (!(grid.width > 0 && grid.height > 0))
    throw new RangeError(`the difference grid is empty (${grid.width} × ${grid.height} cells)`);
  const block = Math.max(1, Math.ceil(grid.width / MAX_COLUMNS));
  const { cols, means } = blockMeans(grid, block);
  const ramp = colourLimit(means);
  const maxAbs = ramp.limit;
  const px = MAP_PX / cols;
  const mapHeightPx = (grid.height * MAP_PX) / grid.width;
  const heightPx = Math.max(mapHeightPx, 500);
  const cells: string[] = [];
  means.forEach((m, i) => {
    if (!Number.isFinite(m) || maxAbs === 0 || Math.abs(m) < maxAbs / 16) return;
    const x = (i % cols) * px;
    const y = Math.floor(i / cols) * px;
    cells.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(px + 0.3).toFixed(1)}" height="${(px + 0.3).toFixed(1)}" fill="${RDBU[classOf(m / maxAbs)]}"/>`,
    );
  });
  const scale = MAP_PX / (grid.width * grid.cellSizeM);
  const top = grid.originY + grid.height * grid.cellSizeM;
  const toPx = (x: number, y: number): [number, number] => [(x - grid.originX) * scale, (top - y) * scale];
  const path = (polygon: number[][][]) =>
    polygon
      .map(
        (ring) =>
          `M${ring
            .map(([x, y]) =>
              toPx(x!, y!)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join('L')}Z`,
      )
      .join('');
  const lines = outlines.map(
    (o) =>
      `<path d="${path(o.polygon)}" fill="none" stroke="${INK}" stroke-width="1.8"${o.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
  );
  const labels = outlines.flatMap((o) => {
    if (!o.label || !o.polygon[0] || o.polygon[0].length === 0) return [];
    const c = polygonCentroid(o.polygon);
    const [x, y] = toPx(c.x, c.y);
    return [
      label(Math.min(MAP_PX - 14, Math.max(14, x)), Math.min(mapHeightPx - 12, Math.max(12, y)), o.label),
    ];
  });
  const keyX = MAP_PX + GAP_PX;
  const width = keyX + KEY_PX;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${heightPx.toFixed(1)}" width="${width}" height="${heightPx.toFixed(0)}" role="img">`,
    `<title>${escapeHtml(caption)}</title>`,
    `<rect width="${width}" height="${heightPx.toFixed(1)}" fill="#ffffff"/>`,
    `<rect width="${MAP_PX}" height="${mapHeightPx.toFixed(1)}" fill="#ffffff" stroke="#c9d0d8"/>`,
    ...cells,
    ...lines,
    ...labels,
    ...keyPanel(keyX, ramp),
    ...scaleBar(keyX, heightPx - 50, 1 / scale),
    '</svg>',
  ].join('');
}
