/**
 * URLs of the analyst's local basemaps under the app origin (served by protocol.ts):
 *   app://hotspot/basemaps/<id>.pmtiles      the whole PMTiles file, read by range requests
 *   app://hotspot/basemaps/<id>/<z>/<x>/<y>  one tile of an MBTiles file (XYZ numbering)
 * Keeping them on the app origin means the CSP's connect-src 'self' already covers them.
 */
import { APP_ORIGIN, BASEMAP_PATH_PREFIX } from './app-origin.js';

const ID = '[A-Za-z0-9_-]{8,64}';
const PMTILES_PATH = new RegExp(`^${BASEMAP_PATH_PREFIX}(${ID})\\.pmtiles$`);
const TILE_PATH = new RegExp(`^${BASEMAP_PATH_PREFIX}(${ID})/(\\d{1,2})/(\\d{1,9})/(\\d{1,9})$`);

export type BasemapRequest =
  | { id: string; kind: 'pmtiles' }
  | { id: string; kind: 'tile'; z: number; x: number; y: number };

/** What a URL pathname under /basemaps/ asks for, or null (404) for anything else or an impossible tile. */
export function parseBasemapPath(pathname: string): BasemapRequest | null {
  const pm = PMTILES_PATH.exec(pathname);
  if (pm !== null) return { id: pm[1], kind: 'pmtiles' };
  const tile = TILE_PATH.exec(pathname);
  if (tile === null) return null;
  const [z, x, y] = [Number(tile[2]), Number(tile[3]), Number(tile[4])];
  const n = 2 ** z;
  if (z > 30 || x >= n || y >= n) return null;
  return { id: tile[1], kind: 'tile', z, x, y };
}

export function pmtilesUrl(id: string): string {
  return `${APP_ORIGIN}${BASEMAP_PATH_PREFIX}${id}.pmtiles`;
}

export function tileUrlTemplate(id: string): string {
  return `${APP_ORIGIN}${BASEMAP_PATH_PREFIX}${id}/{z}/{x}/{y}`;
}
