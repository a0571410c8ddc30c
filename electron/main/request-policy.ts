/**
 * Which URLs the app's pages may load or navigate to (DESIGN.md §5: no remote content, no network
 * by default). Pure predicates, used by security.ts for session.webRequest.onBeforeRequest and the
 * navigation guards.
 */
import { APP_ORIGIN, originOf } from './app-origin.js';

/**
 * True when a request may go ahead: the app's own origin, DevTools, in-page data:/blob: URLs of an
 * allowed origin, or one of `allowedOrigins` (the app origin plus the analyst's configured intranet
 * tile origins). file:, ftp:, chrome:, javascript: and every other origin are refused.
 */
export function isAllowedRequest(url: string, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'devtools:':
      return true;
    // data: never touches the network; MapLibre decodes sprites and images through it.
    case 'data:':
      return true;
    // blob:app://hotspot/uuid — allowed when the blob was minted by an allowed origin.
    case 'blob:':
      return isAllowedRequest(parsed.pathname, allowedOrigins) && !parsed.pathname.startsWith('blob:');
    default: {
      const origin = originOf(parsed);
      return origin !== null && allowedOrigins.includes(origin);
    }
  }
}

/** True when a frame may navigate to `url`: only pages of the app itself. */
export function isAppNavigation(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
