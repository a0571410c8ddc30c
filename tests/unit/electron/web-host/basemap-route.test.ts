/**
 * The basemap through the real engine and web host: a chosen PMTiles or MBTiles file's tiles are
 * served under /basemaps/<id>/, remembered in the project and found again after it reopens; the
 * page's CSP allows the project's intranet tile origin and no other.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../electron/engine/engine.js';
import { startWebHost, type WebHost } from '../../../../electron/web-host/server.js';
import type { Basemap } from '../../../../shared/api/basemap-api.js';
import { decodeJson, encodeJson } from '../../../../shared/api/codec.js';
import type { FileRef } from '../../../../shared/api/project-api.js';
import { pmtilesBytes, solidPng, writeMbtiles } from '../../../fixtures/basemap/basemap-files.js';

let dir: string;
let engine: Engine;
let host: WebHost;
const RED = solidPng([200, 0, 0], 8);
const GREEN = solidPng([0, 160, 0], 8);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'basemap-route-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  engine = createEngine({ appVersion: '9.9.9-test', host: 'web', poolSize: 1 });
  host = await startWebHost({ engine, rendererDir: join(dir, 'renderer'), log: () => {} });
  await call('createProject', { path: join(dir, 'p.hsw'), name: 'p' });
});

afterAll(async () => {
  await host?.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: encodeJson(input),
  });
  const envelope = decodeJson(await response.text()) as {
    ok: boolean;
    value?: T;
    error?: { message: string };
  };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value as T;
}

async function upload(name: string, bytes: Buffer): Promise<FileRef> {
  const response = await fetch(`${host.origin}/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}` },
    body: new Uint8Array(bytes),
  });
  return ((await response.json()) as { value: FileRef }).value;
}

const tileUrl = (basemap: Basemap, z: number, x: number, y: number) => {
  if (basemap.kind !== 'file') throw new Error(`expected a file basemap, got ${basemap.kind}`);
  return `${host.origin}${basemap.tiles.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))}`;
};

const cspOfPage = async () => (await fetch(`${host.origin}/`)).headers.get('content-security-policy') ?? '';

describe('basemap in the web host', () => {
  it('shows the sample town until the analyst chooses', async () => {
    expect(await call('getBasemap', {})).toEqual({ kind: 'sample', opacity: 1 });
  });

  it('serves an MBTiles file’s tiles (XYZ rows) with its content type; a missing tile is 204', async () => {
    const path = join(dir, 'town.mbtiles');
    writeMbtiles(path, { name: 'Town', format: 'png', minzoom: '0', maxzoom: '1' }, [
      { z: 1, x: 1, y: 0, data: RED },
    ]);
    const { readFile } = await import('node:fs/promises');
    const file = await upload('town.mbtiles', await readFile(path));
    const basemap = await call<Basemap>('setBasemap', { choice: { kind: 'file', file }, opacity: 0.6 });
    expect(basemap).toMatchObject({ kind: 'file', name: 'Town', format: 'png', schema: null, opacity: 0.6 });
    const tile = await fetch(tileUrl(basemap, 1, 1, 0));
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await tile.arrayBuffer())).toEqual(RED);
    expect((await fetch(tileUrl(basemap, 1, 0, 0))).status).toBe(204);
    expect((await fetch(`${host.origin}/basemaps/AAAAAAAAAAAAAAAAAAAAAA/0/0/0`)).status).toBe(404);
    expect((await fetch(tileUrl(basemap, 1, 2, 0))).status).toBe(404);
  });

  it('serves a PMTiles file and remembers it across closing and reopening the project', async () => {
    const bytes = pmtilesBytes(
      { tileType: 2, minzoom: 0, maxzoom: 0, bounds: [-3, 53, -2, 54], metadata: { name: 'Vale' } },
      [{ z: 0, x: 0, y: 0, data: GREEN }],
    );
    const file = await upload('vale.pmtiles', bytes);
    await call('setBasemap', { choice: { kind: 'file', file } });
    await call('closeProject', {});
    expect(await call('getBasemap', {})).toEqual({ kind: 'sample', opacity: 1 });
    await call('openProject', { path: join(dir, 'p.hsw') });
    const again = await call<Basemap>('getBasemap', {});
    expect(again).toMatchObject({ kind: 'file', name: 'Vale', bounds: [-3, 53, -2, 54], opacity: 0.6 });
    expect(Buffer.from(await (await fetch(tileUrl(again, 0, 0, 0))).arrayBuffer())).toEqual(GREEN);
  });

  it('allows the chosen intranet tile origin in the page’s CSP, and only that origin', async () => {
    expect(await cspOfPage()).not.toContain('tiles.force.local');
    const basemap = await call<Basemap>('setBasemap', {
      choice: { kind: 'xyz', url: 'https://tiles.force.local:8443/os/{z}/{x}/{y}.png' },
    });
    expect(basemap).toMatchObject({ kind: 'server', origin: 'https://tiles.force.local:8443' });
    const csp = await cspOfPage();
    const directive = (name: string) =>
      csp
        .split('; ')
        .find((d) => d.startsWith(`${name} `))
        ?.split(' ') ?? [];
    expect(directive('img-src')).toContain('https://tiles.force.local:8443');
    expect(directive('connect-src')).toEqual(['connect-src', "'self'", 'https://tiles.force.local:8443']);
    expect(csp).not.toContain('https://tiles.force.local ');
    await call('setBasemap', { choice: { kind: 'none' } });
    expect(await cspOfPage()).not.toContain('tiles.force.local');
  });

  it('builds a WMS GetMap template and refuses an address without {z}/{x}/{y} in words', async () => {
    const wms = await call<Basemap>('setBasemap', {
      choice: { kind: 'wms', url: 'http://gis.force.local/geoserver/wms?map=base', layers: 'os:base' },
    });
    expect(wms).toMatchObject({ kind: 'server', origin: 'http://gis.force.local' });
    expect(wms.kind === 'server' && wms.tiles).toBe(
      'http://gis.force.local/geoserver/wms?map=base&service=WMS&request=GetMap&version=1.1.1&layers=os%3Abase&styles=&format=image/png&transparent=false&srs=EPSG:3857&width=256&height=256&bbox={bbox-epsg-3857}',
    );
    await expect(
      call('setBasemap', { choice: { kind: 'xyz', url: 'https://tiles.force.local/os.png' } }),
    ).rejects.toThrow('The tile address must contain {z}');
    await expect(call('setBasemap', { choice: { kind: 'xyz', url: 'ftp://x/{z}/{x}/{y}' } })).rejects.toThrow(
      'must start with http:// or https://',
    );
  });
});
