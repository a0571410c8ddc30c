/**
 * Serves the built renderer (dist/renderer) read-only. A request path is decoded, resolved against
 * the root and refused unless the real path (symlinks followed) stays inside the root, so neither
 * `..`, its percent-encodings, nor a symlink can reach another file. No directory listings.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { buildCsp, CSP_HEADER, type CspOptions } from '../../shared/security/csp.js';
import { contentTypeFor, decodeUrlPath } from '../engine/served-files.js';

/** Headers every response of the host carries; the CSP allows the project's intranet tile origin, if any. */
export function securityHeaders(csp: CspOptions = {}): Record<string, string> {
  return {
    [CSP_HEADER]: buildCsp(csp),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * The file under `root` that `urlPath` names, or null when it is outside the root, malformed, or
 * not a regular file. `/` is index.html.
 */
export async function resolveStaticPath(root: string, urlPath: string): Promise<string | null> {
  const decoded = decodeUrlPath(urlPath);
  if (decoded === null) return null;
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  try {
    const realRoot = await realpath(root);
    const candidate = await realpath(resolve(realRoot, relativePath));
    if (!candidate.startsWith(realRoot + sep)) return null;
    const info = await stat(candidate);
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  csp: CspOptions = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders(csp), Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    res.end('Method not allowed\n');
    return;
  }
  const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const file = await resolveStaticPath(root, urlPath);
  if (file === null) {
    res.writeHead(404, { ...securityHeaders(csp), 'Content-Type': 'text/plain' });
    res.end('Not found\n');
    return;
  }
  const info = await stat(file);
  res.writeHead(200, {
    ...securityHeaders(csp),
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(info.size),
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
