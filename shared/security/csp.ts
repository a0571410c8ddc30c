/**
 * The Content-Security-Policy of the app's pages (DESIGN.md §5), built in one place and used by both
 * hosts: Electron main sets it on every response of the app scheme, the loopback web host sends it
 * with every page. Pure: no Node, no DOM.
 *
 * What each source is for, and why nothing more is allowed:
 * - script-src 'self': the Vite bundle only. No 'unsafe-eval' and no 'unsafe-inline', ever.
 * - style-src 'self': the bundled CSS (MapLibre's stylesheet is imported into it). MapLibre 6 and d3
 *   set styles through the CSSOM (`el.style.transform = …`, `style.setProperty`), which CSP does not
 *   govern, so 'unsafe-inline' is not needed; `style="…"` attributes in HTML strings are refused.
 * - img-src data: blob:: MapLibre decodes tiles and sprites into blob: URLs and data: images.
 * - worker-src 'self' blob:: MapLibre starts its worker from its own URL, or from a blob: that
 *   imports it when the worker URL is on another origin.
 * - connect-src 'self': the Api (web host), bundled glyphs, the style, local basemaps served by the
 *   host; plus the analyst's configured intranet tile origin(s) and nothing else.
 * - object-src, frame-src, base-uri, form-action, frame-ancestors all 'none'.
 */

export const CSP_HEADER = 'Content-Security-Policy';

export interface CspOptions {
  /**
   * Origins of the analyst's intranet tile server(s) (XYZ or WMS), e.g. 'https://tiles.force.local'.
   * Each must be a bare http(s) origin: no path, query, credentials or wildcard.
   */
  tileOrigins?: readonly string[];
}

/** The policy as an ordered list of directives, each with its sources. */
export type CspDirectives = ReadonlyArray<readonly [directive: string, sources: readonly string[]]>;

/**
 * Checks that `value` is a bare http(s) origin and returns it in canonical form
 * (lower-case host, default port dropped). Throws RangeError otherwise.
 */
export function tileOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(
      `tile origin must be an http(s) origin such as https://tiles.example.local, got '${value}'`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`tile origin must use http or https, got '${url.protocol}' in '${value}'`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new RangeError(`tile origin must not carry credentials, got '${value}'`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[*;,\s']/.test(value)) {
    throw new RangeError(`tile origin must be scheme://host[:port] only, got '${value}'`);
  }
  return url.origin;
}

export function cspDirectives(options: CspOptions = {}): CspDirectives {
  const tiles = [...new Set((options.tileOrigins ?? []).map(tileOrigin))];
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...tiles]],
    ['font-src', ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", ...tiles]],
    ['media-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['manifest-src', ["'self'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

/** The header value for the app's pages, e.g. "default-src 'self'; script-src 'self'; …". */
export function buildCsp(options: CspOptions = {}): string {
  return serialise(cspDirectives(options));
}

/**
 * The policy for the <meta> tag in the renderer's index.html (defence in depth while the hosts also
 * send the header). A page enforces every policy it is given, so the meta must not carry anything
 * the analyst's settings widen: default-src, connect-src and img-src (the intranet tile origin)
 * stay in the header only. frame-ancestors is left out because browsers ignore it in a meta tag.
 */
export function buildMetaCsp(): string {
  const hostOnly = new Set(['default-src', 'connect-src', 'img-src', 'frame-ancestors']);
  return serialise(cspDirectives().filter(([name]) => !hostOnly.has(name)));
}

/**
 * The policy for a self-contained export (HTML profile, or the page printed to PDF): everything is
 * inline in the one file, so it may use inline styles and data: images, and nothing may be fetched
 * or run. Goes into the export's <meta http-equiv="Content-Security-Policy"> and the print window.
 */
export function buildExportCsp(): string {
  return serialise([
    ['default-src', ["'none'"]],
    ['style-src', ["'unsafe-inline'"]],
    ['img-src', ['data:']],
    ['font-src', ['data:']],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ]);
}

function serialise(directives: CspDirectives): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
