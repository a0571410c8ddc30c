import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../electron/engine/engine.js';
import { startWebHost, type WebHost } from '../../../../electron/web-host/server.js';
import { decodeJson, encodeJson } from '../../../../shared/api/codec.js';
import type { ApiEvent } from '../../../../shared/api/jobs.js';
import type { FileRef } from '../../../../shared/api/project-api.js';

let dir: string;
let rendererDir: string;
let engine: Engine;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-host-test-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {};');
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
  await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  engine = createEngine({ appVersion: '9.9.9-test', host: 'web', poolSize: 1 });
  host = await startWebHost({ engine, rendererDir, log: () => {} });
});

afterAll(async () => {
  await host?.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${host.token}` });
const json = { 'Content-Type': 'application/json' };

function call(method: string, input: unknown, headers: Record<string, string> = { ...auth(), ...json }) {
  return fetch(`${host.origin}/api/call/${method}`, { method: 'POST', headers, body: encodeJson(input) });
}

/** A raw request, for headers fetch() will not let us set (Host) or paths it would normalise. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startWebHost', () => {
  it('listens on 127.0.0.1 and hands out the token only in the URL fragment', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers an Api call with the engine result in an envelope', async () => {
    const response = await call('appInfo', {});
    expect(response.status).toBe(200);
    const envelope = decodeJson(await response.text()) as {
      ok: true;
      value: { version: string; host: string };
    };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.version).toBe('9.9.9-test');
    expect(envelope.value.host).toBe('web');
  });

  it('refuses an Api call without a token, or with a wrong one, with 401', async () => {
    const missing = await call('appInfo', {}, json);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await call('appInfo', {}, { ...json, Authorization: `Bearer ${'x'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    const events = await fetch(`${host.origin}/api/events`);
    expect(events.status).toBe(401);
    const upload = await fetch(`${host.origin}/api/upload?name=a.txt`, { method: 'POST', body: 'x' });
    expect(upload.status).toBe(401);
  });

  it('refuses a foreign Origin with 403, even with the token, and accepts its own', async () => {
    const foreign = await call('appInfo', {}, { ...auth(), ...json, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const lookalike = await call(
      'appInfo',
      {},
      { ...auth(), ...json, Origin: `http://127.0.0.1:${host.port + 1}` },
    );
    expect(lookalike.status).toBe(403);
    const own = await call('appInfo', {}, { ...auth(), ...json, Origin: host.origin });
    expect(own.status).toBe(200);
    expect((await raw('/', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await raw('/', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('refuses a Host header that is not this loopback server with 403 (DNS rebinding)', async () => {
    expect((await raw('/', { Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await raw('/', { Host: '127.0.0.1:1' })).status).toBe(403);
    expect((await raw('/', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('serves the renderer with a strict CSP header and nosniff', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>t</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    for (const sources of directives.values()) {
      for (const source of sources) expect(["'self'", "'none'", 'data:', 'blob:']).toContain(source);
    }
    const script = await fetch(`${host.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(csp);
  });

  it('refuses path traversal, encoded or through a symlink, with 404', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt',
      '/assets/app.js%00.html',
      '/assets/',
      '/%E0%A4%A',
    ]) {
      const response = await raw(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('outside the root');
    }
  });

  it('refuses methods other than GET and HEAD on static files', async () => {
    const response = await fetch(`${host.origin}/`, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });

  it('returns invalid-argument envelopes for bad input, unknown methods, bad JSON and wrong content type', async () => {
    const bad = decodeJson(await (await call('openProject', { path: 5 })).text()) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid-argument');
    expect(bad.error.message).toMatch(/path/);

    for (const name of ['dropAllTables', '%E0%A4%A', 'constructor', '__proto__']) {
      const response = await call(name, {});
      expect(response.status, name).toBe(200);
      const unknown = decodeJson(await response.text()) as { ok: false; error: { code: string } };
      expect(unknown.error.code, name).toBe('invalid-argument');
    }

    const notJson = await fetch(`${host.origin}/api/call/appInfo`, {
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid-argument');

    const form = await fetch(`${host.origin}/api/call/appInfo`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);

    const get = await fetch(`${host.origin}/api/call/appInfo`, { headers: auth() });
    expect(get.status).toBe(405);
  });

  it('registers an upload in the engine: its FileRef hashes to the bytes sent', async () => {
    const bytes = Buffer.from('reference,date\nA1,01/02/2026\n');
    const response = await fetch(
      `${host.origin}/api/upload?name=${encodeURIComponent('../../extract.csv')}`,
      {
        method: 'POST',
        headers: auth(),
        body: bytes,
      },
    );
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { ok: true; value: FileRef };
    expect(envelope.value.name).toBe('extract.csv');
    expect(envelope.value.size).toBe(bytes.length);

    const hashed = decodeJson(
      await (await call('hashFile', { jobId: 'job-upload-check', file: envelope.value })).text(),
    ) as { ok: true; value: { sha256: string; bytes: number } };
    expect(hashed.value).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    });
  });

  it('refuses an upload without a usable name with 400', async () => {
    for (const name of ['', '..', '%00']) {
      const response = await fetch(`${host.origin}/api/upload?name=${name}`, {
        method: 'POST',
        headers: auth(),
        body: 'x',
      });
      expect(response.status, `name '${name}'`).toBe(400);
    }
    const none = await fetch(`${host.origin}/api/upload`, { method: 'POST', headers: auth(), body: 'x' });
    expect(none.status).toBe(400);
  });

  it('streams job events to an authorised event stream', async () => {
    const upload = await fetch(`${host.origin}/api/upload?name=data.bin`, {
      method: 'POST',
      headers: auth(),
      body: Buffer.alloc(3 * 1024 * 1024, 7),
    });
    const file = ((await upload.json()) as { value: FileRef }).value;

    const abort = new AbortController();
    const stream = await fetch(`${host.origin}/api/events`, { headers: auth(), signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).toContain(': connected');

    const jobId = 'job-sse-check';
    const result = call('hashFile', { jobId, file });
    const events: ApiEvent[] = [];
    let text = '';
    while (!events.some((e) => e.type === 'job' && e.job.id === jobId && e.job.state === 'done')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      for (const block of blocks) {
        if (block.startsWith('data: ')) events.push(decodeJson(block.slice('data: '.length)) as ApiEvent);
      }
    }
    abort.abort();
    await result;
    const mine = events.flatMap((e) => (e.type === 'job' && e.job.id === jobId ? [e.job] : []));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0].kind).toBe('hashFile');
    expect(mine.at(-1)?.state).toBe('done');
  });
});
