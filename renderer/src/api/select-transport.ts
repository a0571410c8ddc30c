/**
 * Picks the transport at start-up: Electron's preload (`window.hotspot`) when present, else the web
 * host client with the token from the URL fragment (`#token=…`). The fragment is then removed from
 * the address bar, so the token is not left in history, bookmarks or screenshots; it lives on only
 * in memory.
 */
import { fromBridge } from '../../../shared/api/bridge.js';
import type { Transport } from './transport.js';
import { createWebTransport } from './web-client.js';

export class NoTransportError extends Error {
  override name = 'NoTransportError';
}

export function selectTransport(): Transport {
  const bridged = window.hotspot;
  if (bridged !== undefined) {
    const files = window.hotspotDesktop;
    return {
      host: 'electron',
      api: fromBridge(bridged),
      chooseFile: (options) =>
        files ? files.pickFile({ title: options.title, accept: options.accept }) : Promise.resolve(null),
      desktop: files ?? null,
    };
  }
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token === null || !/^[A-Za-z0-9_-]{20,}$/.test(token)) {
    throw new NoTransportError(
      'This page needs the address printed by `hotspot serve` (it ends in #token=…). Open that address again.',
    );
  }
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  return createWebTransport(window.location.origin, token);
}
