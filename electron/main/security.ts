/**
 * Hardening that applies to every web contents and to the session (DESIGN.md §5), in one place:
 * - navigation (will-navigate, will-frame-navigate, will-redirect) only within the app origin;
 * - window.open denied, <webview> refused;
 * - every permission request and check denied (camera, geolocation, notifications, …);
 * - every request whose URL is not the app, DevTools, data:/blob: of the app, or the analyst's
 *   confirmed intranet tile origin is cancelled before it leaves (request-policy.ts);
 * - the CSP on http(s) responses. The app's own pages get it from app-request.ts, because
 *   Chromium's header hooks never see custom-scheme responses.
 * Refusals are logged to stderr so an attempted escape is visible in the app's log.
 */
import { app, type Session, session, type WebContents } from 'electron';
import { buildCsp, CSP_HEADER } from '../../shared/security/csp.js';
import { APP_ORIGIN } from './app-origin.js';
import { isAllowedRequest, isAppNavigation } from './request-policy.js';

export interface SecurityDeps {
  /** The analyst's confirmed intranet tile origins, read on every request (they can change at run time). */
  tileOrigins: () => readonly string[];
}

function refuse(what: string, url: string): void {
  console.warn(`[security] refused ${what}: ${url.slice(0, 200)}`);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppNavigation(url)) {
      event.preventDefault();
      refuse('navigation', url);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppNavigation(event.url)) {
      event.preventDefault();
      refuse('frame navigation', event.url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppNavigation(url)) {
      event.preventDefault();
      refuse('redirect', url);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    refuse('window.open', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    refuse('webview', 'will-attach-webview');
  });
}

export function hardenSession(target: Session, deps: SecurityDeps): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    refuse('permission request', permission);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, [APP_ORIGIN, ...deps.tileOrigins()]);
    if (!allowed) refuse('request', details.url);
    callback({ cancel: !allowed });
  });
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers))
      if (name.toLowerCase() === CSP_HEADER.toLowerCase()) delete headers[name];
    headers[CSP_HEADER] = [buildCsp({ tileOrigins: deps.tileOrigins() })];
    callback({ responseHeaders: headers });
  });
}

/** Call before the app is ready: every web contents created from now on is hardened, the default session once ready. */
export function registerSecurity(deps: SecurityDeps, whenReady: Promise<unknown>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  void whenReady.then(() => hardenSession(session.defaultSession, deps));
}
