/**
 * What the two servers of the built renderer agree on: the app:// protocol of the desktop app
 * (electron/main/app-files.ts) and the loopback web host (electron/web-host/static-files.ts). Each
 * resolves the decoded path its own way (the app against a fixed root without touching the disk,
 * the web host following symlinks); both decode it and name its Content-Type here.
 */
import { extname } from 'node:path';

/**
 * A URL's pathname (still percent-encoded) decoded, or null when its encoding is malformed or it
 * holds a NUL or a backslash (which no served file name has, and which path APIs may read as
 * separators or terminators).
 */
export function decodeUrlPath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  return decoded.includes('\0') || decoded.includes('\\') ? null : decoded;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.pmtiles': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file by its extension (any case); unknown ones are octet-stream. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
