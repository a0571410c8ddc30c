/**
 * The app:// scheme (see app-origin.ts). It must be declared privileged before the app is ready:
 * `standard` gives its pages a real origin (for 'self', the sender check, localStorage), `secure`
 * makes them a secure context (workers, crypto.subtle), `supportFetchAPI` lets MapLibre fetch
 * glyphs, styles and basemap ranges from it. Requests are answered by app-request.ts.
 */
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin.js';
import { type AppRequestDeps, handleAppRequest } from './app-request.js';

export function registerProtocols(deps: AppRequestDeps, whenReady: Promise<unknown>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
  void whenReady.then(() => {
    protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, deps));
  });
}
