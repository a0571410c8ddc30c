/**
 * GET /basemaps/<id>/<z>/<x>/<y> on the loopback web host: one tile of a local basemap file the
 * analyst chose for the project, read by the engine (electron/engine/basemap/) through the Api's
 * basemapTile. The id is unguessable and handed out only by the token-guarded Api, so the map's
 * tile requests need no Authorization header; Host and Origin are checked by the guard as for
 * every request. A missing tile is a 204 (MapLibre draws an empty tile), an unknown file a 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BasemapTile } from '../../shared/api/basemap-api.js';
import { tileContentType } from '../engine/basemap/mbtiles.js';
import { dispatch } from '../engine/dispatch.js';

const PREFIX = '/basemaps/';
const TILE_PATH = /^\/basemaps\/([A-Za-z0-9_-]{8,64})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})$/;

type EngineApi = Parameters<typeof dispatch>[0];

export function isBasemapPath(pathname: string): boolean {
  return pathname.startsWith(PREFIX);
}

/** The open project's intranet tile origins, for the CSP of every response (none if the engine cannot say). */
export async function projectTileOrigins(api: EngineApi): Promise<string[]> {
  const envelope = await dispatch(api, 'basemapTileOrigins', {});
  return envelope.ok ? (envelope.value as string[]) : [];
}

export async function serveBasemapTile(
  req: IncomingMessage,
  res: ServerResponse,
  api: EngineApi,
  headers: Record<string, string>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const match = TILE_PATH.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const [z, x, y] = match ? [Number(match[2]), Number(match[3]), Number(match[4])] : [0, 0, 0];
  const envelope =
    match !== null && z <= 30 && x < 2 ** z && y < 2 ** z
      ? await dispatch(api, 'basemapTile', { id: match[1], z, x, y })
      : null;
  if (envelope === null || !envelope.ok) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Not found\n');
    return;
  }
  const tile = envelope.value as BasemapTile | null;
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
