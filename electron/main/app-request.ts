/**
 * Answers one request to the app:// scheme (registered in protocol.ts): the built renderer's files
 * from `rendererDir`, and the analyst's local basemaps under /basemaps/. Written against the Fetch
 * API's Request and Response only, so it runs and is tested in plain Node.
 *
 * Every response carries the app's CSP: Chromium's webRequest header hooks never see custom-scheme
 * responses, so this is where the page's policy is set (security.ts covers http(s) responses).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { CSP_HEADER } from '../../shared/security/csp.js';
import { contentTypeFor } from '../engine/served-files.js';
import { parseRange, resolveAppFile } from './app-files.js';
import { APP_HOST, BASEMAP_PATH_PREFIX } from './app-origin.js';
import { parseBasemapPath } from './basemap-path.js';
import type { BasemapRegistry } from './basemaps.js';
import { tileContentType } from './mbtiles.js';

export interface AppRequestDeps {
  rendererDir: string;
  basemaps: BasemapRegistry;
  /** The current policy (it follows the analyst's tile origin setting). */
  csp: () => string;
}

function respond(
  deps: AppRequestDeps,
  status: number,
  body: BodyInit | null,
  headers: Record<string, string> = {},
) {
  return new Response(status === 204 || status === 304 ? null : body, {
    status,
    headers: {
      [CSP_HEADER]: deps.csp(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'no-referrer',
      ...headers,
    },
  });
}

export async function handleAppRequest(request: Request, deps: AppRequestDeps): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return respond(deps, 405, null, { Allow: 'GET, HEAD' });
  const url = new URL(request.url);
  if (url.host.toLowerCase() !== APP_HOST) return respond(deps, 404, null);
  if (url.pathname.startsWith(BASEMAP_PATH_PREFIX)) return serveBasemap(request, url.pathname, deps);
  const file = resolveAppFile(url.pathname, deps.rendererDir);
  if (file === null) return respond(deps, 404, null);
  try {
    const body = await readFile(file);
    return respond(deps, 200, request.method === 'HEAD' ? null : body, {
      'Content-Type': contentTypeFor(file),
    });
  } catch {
    return respond(deps, 404, null);
  }
}

async function serveBasemap(request: Request, pathname: string, deps: AppRequestDeps): Promise<Response> {
  const wanted = parseBasemapPath(pathname);
  const entry = wanted === null ? undefined : deps.basemaps.get(wanted.id);
  // A file chosen for the project (setBasemap) is open in the engine: its tiles come from there.
  if (wanted?.kind === 'tile' && entry === undefined) {
    const tile = await deps.basemaps.engineTile(wanted.id, wanted.z, wanted.x, wanted.y);
    if (tile === undefined) return respond(deps, 404, null);
    if (tile === null) return respond(deps, 204, null);
    return respond(deps, 200, request.method === 'HEAD' ? null : new Uint8Array(tile.data), {
      'Content-Type': tileContentType(tile.format),
    });
  }
  if (wanted === null || entry === undefined) return respond(deps, 404, null);
  if (wanted.kind === 'tile') {
    if (entry.kind !== 'mbtiles') return respond(deps, 404, null);
    const tile = entry.reader.tile(wanted.z, wanted.x, wanted.y);
    // MapLibre draws a 204 as an empty tile, where a 404 would be reported as an error.
    if (tile === null) return respond(deps, 204, null);
    return respond(deps, 200, request.method === 'HEAD' ? null : new Uint8Array(tile), {
      'Content-Type': tileContentType(entry.reader.metadata.format),
    });
  }
  if (entry.kind !== 'pmtiles') return respond(deps, 404, null);
  return serveRange(request, entry.path, deps);
}

async function serveRange(request: Request, path: string, deps: AppRequestDeps): Promise<Response> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return respond(deps, 404, null);
  }
  const range = parseRange(request.headers.get('range'), size);
  const common = { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' };
  if (range === 'unsatisfiable')
    return respond(deps, 416, null, { ...common, 'Content-Range': `bytes */${size}` });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = Math.max(0, end - start + 1);
  const bytes = new Uint8Array(length);
  if (request.method !== 'HEAD' && length > 0) {
    const handle = await open(path, 'r');
    try {
      await handle.read(bytes, 0, length, start);
    } finally {
      await handle.close();
    }
  }
  const headers: Record<string, string> = { ...common, 'Content-Length': String(length) };
  if (range === null) return respond(deps, 200, request.method === 'HEAD' ? null : bytes, headers);
  return respond(deps, 206, request.method === 'HEAD' ? null : bytes, {
    ...headers,
    'Content-Range': `bytes ${start}-${end}/${size}`,
  });
}
