/**
 * Pure helpers of the app:// protocol handler (protocol.ts): which file a URL path names inside
 * the built renderer, and which bytes a Range header asks for (MapLibre's PMTiles reader fetches
 * basemaps in ranges). Content types are shared with the web host (electron/engine/served-files.ts).
 */
import path from 'node:path';
import { decodeUrlPath } from '../engine/served-files.js';

/**
 * The file under `rootDir` that `urlPath` (a URL's pathname, still percent-encoded) names, or null
 * when it escapes the root (`/../`, an encoded `%2e%2e%2f`, a NUL, a backslash) or is malformed.
 * '/' serves index.html.
 */
export function resolveAppFile(urlPath: string, rootDir: string): string | null {
  const decoded = decodeUrlPath(urlPath);
  if (decoded === null || !decoded.startsWith('/')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Inclusive byte range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one range a `Range` header asks for in a file of `size` bytes (RFC 9110 §14.1.2):
 * `bytes=a-b`, `bytes=a-` or the suffix form `bytes=-n`. Returns null when there is no header (send
 * the whole file) and 'unsatisfiable' (416) for a range outside the file, several ranges, or
 * anything malformed; PMTiles and MapLibre only ever ask for one range.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return 'unsatisfiable';
  const [, first, last] = match;
  if (first === '' && last === '') return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
