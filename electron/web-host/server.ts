/**
 * The loopback web host (DESIGN.md §3, §5): the same engine the Electron app uses, bound over HTTP on
 * 127.0.0.1 so the real renderer can run in a browser (Playwright, `hotspot serve`).
 *
 *   GET  /…                       the built renderer (static, CSP header, no token needed)
 *   POST /api/call/<method>       JSON body (codec.ts) → Envelope, validated by the engine's dispatch
 *   GET  /api/events              server-sent events: one `data:` line per ApiEvent
 *   POST /api/upload?name=<file>  raw file body → Envelope<FileRef>, the browser's "file dialog"
 *
 * Every request passes guard.ts (Host, Origin); every /api request needs `Authorization: Bearer`.
 * The token is made per run and handed out only in the URL fragment (`/#token=…`), which browsers
 * never send, so it does not land in logs or Referer headers.
 *
 * Events use a fetch() stream rather than EventSource: EventSource cannot send an Authorization
 * header, and the alternative, `?token=` in the URL, would put the token into a URL after all.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJson, encodeJson } from '../../shared/api/codec.js';
import type { ApiErrorData, Envelope } from '../../shared/api/errors.js';
import type { ApiEvent } from '../../shared/api/jobs.js';
import type { FileRegistry } from '../engine/context.js';
import { dispatch } from '../engine/dispatch.js';
import { isBasemapPath, projectTileOrigins, serveBasemapTile } from './basemap-route.js';
import { checkOrigin, checkToken, type GuardConfig } from './guard.js';
import { securityHeaders, serveStatic } from './static-files.js';
import { receiveUpload, UploadRefused } from './upload.js';

/** What the host needs of an engine (createEngine's result has this shape). */
export interface HostedEngine {
  api: Parameters<typeof dispatch>[0];
  context: { files: FileRegistry };
  events: { subscribe(listener: (event: ApiEvent) => void): () => void };
}

export interface WebHostOptions {
  engine: HostedEngine;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer, normally dist/renderer. */
  rendererDir: string;
  /** Largest JSON body of one Api call. */
  maxCallBytes?: number;
  /** Where unexpected server errors are reported (default: stderr). */
  log?: (message: string) => void;
}

export interface WebHost {
  /** `http://127.0.0.1:PORT/#token=…`: the one URL to open. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiErrorData,
  ) {
    super(error.message);
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { engine, rendererDir } = options;
  const maxCallBytes = options.maxCallBytes ?? 256 * MiB;
  const log = options.log ?? ((message: string) => process.stderr.write(`web-host: ${message}\n`));
  const token = randomBytes(32).toString('base64url');
  const uploadDir = await mkdtemp(join(tmpdir(), 'hotspot-upload-'));
  const guard: GuardConfig = { port: 0, token };
  const eventStreams = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      if (!res.headersSent) sendJson(res, 500, failure('failed', 'internal error in the web host'));
      else res.destroy();
    });
  });
  // Api calls are long (a KDE may run for minutes) and uploads large: no overall request timeout.
  server.requestTimeout = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const originVerdict = checkOrigin(req, guard);
    if (!originVerdict.ok)
      return sendJson(res, originVerdict.status, failure('refused', originVerdict.reason));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      // The page's CSP allows the open project's intranet tile server, if it has one.
      const csp = { tileOrigins: await projectTileOrigins(engine.api) };
      if (isBasemapPath(url.pathname)) return serveBasemapTile(req, res, engine.api, securityHeaders(csp));
      return serveStatic(req, res, rendererDir, csp);
    }

    const tokenVerdict = checkToken(req, guard);
    if (!tokenVerdict.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, tokenVerdict.status, failure('refused', tokenVerdict.reason));
    }
    try {
      if (url.pathname.startsWith('/api/call/')) {
        requireMethod(req, 'POST');
        return await handleCall(req, res, url.pathname.slice('/api/call/'.length));
      }
      if (url.pathname === '/api/events') {
        requireMethod(req, 'GET');
        return openEventStream(req, res);
      }
      if (url.pathname === '/api/upload') {
        requireMethod(req, 'POST');
        const ref = await receiveUpload(req, uploadDir, url.searchParams.get('name'), engine.context.files);
        return sendJson(res, 200, { ok: true, value: ref });
      }
      throw new HttpError(404, { code: 'not-found', message: `no Api endpoint ${url.pathname}` });
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { ok: false, error: error.error });
      if (error instanceof UploadRefused)
        return sendJson(res, 400, failure('invalid-argument', error.message));
      throw error;
    }
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new HttpError(415, {
        code: 'invalid-argument',
        message: 'Api calls need Content-Type: application/json',
      });
    }
    const text = await readBody(req, maxCallBytes);
    let input: unknown;
    try {
      input = text.length === 0 ? {} : decodeJson(text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new HttpError(400, {
        code: 'invalid-argument',
        message: `request body is not valid JSON: ${why}`,
      });
    }
    // A browser that goes away (reload, closed tab) mid-call cancels the job it started.
    const jobId = jobIdOf(input);
    const onClose = () => {
      if (!res.writableEnded && jobId !== null) void dispatch(engine.api, 'cancelJob', { jobId });
    };
    res.once('close', onClose);
    const envelope = await dispatch(engine.api, method, input);
    res.off('close', onClose);
    if (!res.destroyed) sendJson(res, 200, envelope);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    eventStreams.add(res);
    const unsubscribe = engine.events.subscribe((event) => {
      res.write(`data: ${encodeJson(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      eventStreams.delete(res);
    };
    req.once('close', stop);
    res.once('close', stop);
  }

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
  } catch (error) {
    await rm(uploadDir, { recursive: true, force: true });
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close() {
      closing ??= (async () => {
        for (const stream of eventStreams) stream.end();
        await new Promise<void>((resolvePromise) => {
          server.close(() => resolvePromise());
          for (const socket of sockets) socket.destroy();
        });
        await rm(uploadDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

function requireMethod(req: IncomingMessage, method: 'GET' | 'POST'): void {
  if (req.method !== method) {
    throw new HttpError(405, {
      code: 'invalid-argument',
      message: `${req.url} takes ${method}, not ${req.method}`,
    });
  }
}

function jobIdOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const jobId = (input as Record<string, unknown>).jobId;
  return typeof jobId === 'string' ? jobId : null;
}

function failure(code: ApiErrorData['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = encodeJson(body);
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new HttpError(413, { code: 'invalid-argument', message: `request body over ${maxBytes} bytes` });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
