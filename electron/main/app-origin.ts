/**
 * Where the app's own pages live. The built renderer is served from a privileged custom scheme
 * (`app://hotspot/…`, see protocol.ts) rather than from file://, so the pages have a real,
 * non-opaque origin that the CSP's 'self', the sender check and the request filter can name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hotspot';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Path prefix under the app origin where the analyst's local basemap files are served. */
export const BASEMAP_PATH_PREFIX = '/basemaps/';

/** Schemes whose origins the URL standard defines; everything else gets scheme://host from us. */
const SPECIAL_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * The origin of a URL as Chromium sees it. Node's URL gives custom schemes an opaque origin
 * ('null'), but Chromium treats a scheme registered as `standard` like http: scheme://host[:port].
 * Returns null for unparseable URLs and for schemes without a host (file:, data:, about:).
 */
export function originOf(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (SPECIAL_SCHEMES.has(parsed.protocol)) return parsed.origin;
  if (parsed.protocol === 'file:' || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}
