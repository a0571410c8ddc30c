/**
 * Who may talk to the loopback web host (DESIGN.md §5). Checked on every request, in this order:
 *
 * 1. Host header: only `127.0.0.1:PORT` or `localhost:PORT`. A page on another site that rebinds
 *    its own DNS name to 127.0.0.1 still sends its own name here, so it is refused (403).
 * 2. Origin: absent (navigations, same-origin GETs) or exactly our own origin; anything else is a
 *    page of another site and is refused (403). `Sec-Fetch-Site: cross-site` is refused as well, so
 *    another site cannot even embed our static files.
 * 3. Token (Api only): `Authorization: Bearer <token>`, compared in constant time; missing or wrong
 *    is 401. Static files need no token: they are the public renderer bundle, and the token itself
 *    only ever travels in the URL fragment, which browsers never send to a server.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface GuardConfig {
  port: number;
  token: string;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/** Host and Origin checks, for every request. */
export function checkOrigin(req: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(config.port).includes(host)) {
    return { ok: false, status: 403, reason: `host '${host}' is not this loopback server` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(config.port).includes(origin.toLowerCase())) {
    return { ok: false, status: 403, reason: `origin '${origin}' is not allowed` };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return { ok: false, status: 403, reason: 'cross-site requests are not allowed' };
  }
  return { ok: true };
}

/** The bearer token check, for every Api request. */
export function checkToken(req: IncomingMessage, config: GuardConfig): GuardVerdict {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header);
  if (match === null) return { ok: false, status: 401, reason: 'missing bearer token' };
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(config.token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, reason: 'wrong token' };
  }
  return { ok: true };
}
