/**
 * The project's raster basemap under a printed map (issue 12: "the basemap when one is set"). Pure:
 * the engine reads the tiles (electron/engine/basemap/print-tiles.ts) and hands them over as bytes
 * with their z/x/y; this module chooses the zoom, lists the tiles a map needs and draws each one as
 * an SVG <image> placed by the affine transform of its three corners (Web Mercator → WGS84 → project
 * CRS). Over a 256-pixel tile at town scale the projection is affine to far under a pixel (see
 * tests/unit/shared/cartography/basemap-tiles.test.ts), so no warping is needed.
 */
import { makeTransform } from '../crs/transform.js';
import type { Extent, MapFrame } from './frame.js';
import { LAND_FILL } from './ramp.js';
import { attrs } from './svg.js';

/** One tile of a raster basemap file, as read from the file. */
export interface PrintTile {
  z: number;
  x: number;
  y: number;
  bytes: Uint8Array;
}

/** What a printed map draws of the project's basemap. */
export interface PrintBasemap {
  /** 'png', 'jpg' or 'webp'. */
  format: string;
  minzoom: number;
  maxzoom: number;
  /** Tiles read for this profile (any zooms); a map draws those of the zoom nearest its scale. */
  tiles: PrintTile[];
  /** The analyst's opacity for the basemap (0–1). */
  opacity: number;
  /** The file's attribution, printed on the map. */
  attribution?: string;
}

const TILE_PX = 256;
const SEAM_OVERLAP = 0.25;
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.051_128_78;
/** Printed basemaps are faded further than on screen, so the density bands keep the legend's colours. */
export const PRINT_FADE = 0.55;
/** Most tiles one map may draw (a mistaken zoom must not make a 100 MB SVG). */
export const MAX_TILES_PER_MAP = 120;

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

export function isRasterFormat(format: string): boolean {
  return format in MIME;
}

/** The zoom whose tile pixel best matches `metresPerPx` at latitude `lat`, within [minzoom, maxzoom]. */
export function printZoom(metresPerPx: number, lat: number, minzoom: number, maxzoom: number): number {
  const groundAtZ0 = (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / TILE_PX;
  const z = Math.round(Math.log2(groundAtZ0 / metresPerPx));
  return Math.min(maxzoom, Math.max(minzoom, z));
}

/** WGS84 [lon, lat] of a tile's top-left corner, in tile units (x, y may be fractional). */
export function tileToLonLat(z: number, x: number, y: number): [number, number] {
  const n = 2 ** z;
  const lon = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lon, lat];
}

/** Tile coordinates (fractional) of a WGS84 point at zoom z. */
export function lonLatToTile(z: number, lon: number, lat: number): [number, number] {
  const n = 2 ** z;
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * n, ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n];
}

/** A map's view in WGS84: its centre latitude and bounding box from the extent's corners and mid-sides. */
function wgs84Box(extent: Extent, crs: string): { box: [number, number, number, number]; lat: number } {
  const { projectToWgs84 } = makeTransform('EPSG:4326', crs);
  const xs = [extent.minX, (extent.minX + extent.maxX) / 2, extent.maxX];
  const ys = [extent.minY, (extent.minY + extent.maxY) / 2, extent.maxY];
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const x of xs)
    for (const y of ys) {
      const [lon, lat] = projectToWgs84(x, y);
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return { box, lat: (box[1] + box[3]) / 2 };
}

/** The z/x/y of every tile covering `extent` at the zoom matching `metresPerPx` (the engine reads these). */
export function tilesForView(
  extent: Extent,
  metresPerPx: number,
  crs: string,
  minzoom: number,
  maxzoom: number,
): { z: number; x: number; y: number }[] {
  const { box, lat } = wgs84Box(extent, crs);
  const z = printZoom(metresPerPx, lat, minzoom, maxzoom);
  const [x0, y0] = lonLatToTile(z, box[0], box[3]);
  const [x1, y1] = lonLatToTile(z, box[2], box[1]);
  const last = 2 ** z - 1;
  const out: { z: number; x: number; y: number }[] = [];
  for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(last, Math.floor(y1)); y++)
    for (let x = Math.max(0, Math.floor(x0)); x <= Math.min(last, Math.floor(x1)); x++) out.push({ z, x, y });
  return out.length <= MAX_TILES_PER_MAP ? out : [];
}

/**
 * The SVG of the basemap's tiles under a map: the tiles of the read zoom nearest the frame's scale,
 * each an <image> whose matrix sends its top-left, top-right and bottom-left corners to their
 * projected pixels. Empty when no read tile meets the frame.
 */
export function rasterBasemapSvg(frame: MapFrame, basemap: PrintBasemap, crs: string): string {
  const mime = MIME[basemap.format];
  if (mime === undefined || basemap.tiles.length === 0) return '';
  const wanted = tilesForView(frame.extent, 1 / frame.scale, crs, basemap.minzoom, basemap.maxzoom);
  const byKey = new Map(basemap.tiles.map((t) => [`${t.z}/${t.x}/${t.y}`, t]));
  const tiles = wanted.flatMap((w) => byKey.get(`${w.z}/${w.x}/${w.y}`) ?? []);
  if (tiles.length === 0) return '';
  const { toProject } = makeTransform('EPSG:4326', crs);
  const corner = (z: number, x: number, y: number) => frame.toPx(...toProject(...tileToLonLat(z, x, y)));
  const images = tiles.flatMap((t) => {
    const [ex, ey] = corner(t.z, t.x, t.y);
    const [rx, ry] = corner(t.z, t.x + 1, t.y);
    const [bx, by] = corner(t.z, t.x, t.y + 1);
    const m = [(rx - ex) / TILE_PX, (ry - ey) / TILE_PX, (bx - ex) / TILE_PX, (by - ey) / TILE_PX, ex, ey];
    // A tile beyond the CRS's area of use projects to nothing sensible: left out, not drawn askew.
    if (!m.every(Number.isFinite)) return [];
    // Each tile overlaps its neighbours by a quarter of its pixel, so anti-aliased edges leave no seams.
    return `<image ${attrs({
      x: String(-SEAM_OVERLAP),
      y: String(-SEAM_OVERLAP),
      width: String(TILE_PX + 2 * SEAM_OVERLAP),
      height: String(TILE_PX + 2 * SEAM_OVERLAP),
      preserveAspectRatio: 'none',
      // Six decimals on the scale terms: they are multiplied by 256 at the far corner.
      transform: `matrix(${m.map((v, k) => (k < 4 ? v.toFixed(6) : round3(v))).join(' ')})`,
      href: `data:${mime};base64,${toBase64(t.bytes)}`,
    })}/>`;
  });
  // Faded by a veil of the land colour rather than group opacity: resvg clipped an opacity group of
  // transformed images to part of the map (seen on the sample town's hotspot slides).
  const veil = round3(1 - basemap.opacity * PRINT_FADE);
  return [
    `<g class="basemap">${images.join('')}</g>`,
    `<rect ${attrs({ width: frame.widthPx, height: frame.heightPx, fill: LAND_FILL, 'fill-opacity': veil })}/>`,
  ].join('');
}

/** The basemap's credit line for the map's small print: its attribution without HTML tags. */
export function basemapCredit(attribution: string | undefined, name: string): string {
  const text = (attribution ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/gi, '©')
    .replace(/&amp;/gi, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return `Basemap: ${text || name}`;
}

function round3(v: number): string {
  return (Math.round(v * 1000) / 1000).toString();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Node's Buffer or the DOM's btoa (this module runs in both). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}
