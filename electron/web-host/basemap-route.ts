/**
 * GET /basemaps/<id>/<z>/<x>/<y> on the loopback web host: one tile of a local basemap file the
 * analyst chose for the project (electron/engine/basemap/). The id is unguessable and handed out
 * only by the token-guarded Api, so the map's tile requests need no Authorization header; Host and
 * Origin are checked by the guard as for every request. A missing tile is a 204 (MapLibre draws an
 * empty tile), an unknown file a 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASEMAP_TILE_PREFIX, type BasemapService } from '../engine/basemap/basemap-service.js';
import { tileContentType } from '../engine/basemap/mbtiles.js';

const TILE_PATH = /^\/basemaps\/([A-Za-z0-9_-]{8,64})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})$/;

export function isBasemapPath(pathname: string): boolean {
  return pathname.startsWith(BASEMAP_TILE_PREFIX);
}

export async function serveBasemapTile(
  req: IncomingMessage,
  res: ServerResponse,
  basemaps: Pick<BasemapService, 'tile' | 'has'>,
  headers: Record<string, string>,
): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const match = TILE_PATH.exec(pathname);
  const [z, x, y] = match ? [Number(match[2]), Number(match[3]), Number(match[4])] : [0, 0, 0];
  const valid = match !== null && z <= 30 && x < 2 ** z && y < 2 ** z;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const tile = valid ? await basemaps.tile(match[1], z, x, y) : null;
  if (!valid || (tile === null && !basemaps.has(match[1]))) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found\n');
    return;
  }
  if (tile === null) {
    res.writeHead(204, { ...headers, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': tileContentType(tile.format),
    'Content-Length': String(tile.data.byteLength),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : tile.data);
}
