import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppRequestDeps, handleAppRequest } from '../../../../electron/main/app-request.js';
import { BasemapRegistry } from '../../../../electron/main/basemaps.js';
import { buildCsp } from '../../../../shared/security/csp.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hsw-app-request-'));
const rendererDir = path.join(dir, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Hotspot Workbench</title>');
writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');

// A "PMTiles" file of 256 known bytes: byte i = i.
const pmtilesPath = path.join(dir, 'town.pmtiles');
writeFileSync(
  pmtilesPath,
  Uint8Array.from({ length: 256 }, (_, i) => i),
);

const mbtilesPath = path.join(dir, 'town.mbtiles');
{
  const db = new Database(mbtilesPath);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
           CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
           INSERT INTO metadata VALUES ('format', 'png'), ('name', 'Town streets');`);
  db.prepare('INSERT INTO tiles VALUES (1, 0, 1, ?)').run(Buffer.from('tile z1 x0 y0'));
  db.close();
}

const basemaps = new BasemapRegistry();
const pm = basemaps.add(pmtilesPath);
const mb = basemaps.add(mbtilesPath);
const deps: AppRequestDeps = { rendererDir, basemaps, csp: () => buildCsp() };
afterAll(() => {
  basemaps.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  handleAppRequest(new Request(url, { headers, method }), deps);

describe('handleAppRequest(request, deps)', () => {
  it('serves index.html for the entry URL with the CSP and nosniff headers', async () => {
    const response = await get('app://hotspot/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(buildCsp());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Hotspot Workbench');
  });

  it('serves bundle assets with their content type', async () => {
    const response = await get('app://hotspot/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file, a traversal out of the renderer and another host', async () => {
    expect((await get('app://hotspot/missing.js')).status).toBe(404);
    expect((await get('app://hotspot/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://hotspot/index.html', {}, 'POST')).status).toBe(405);
  });

  it('serves a PMTiles byte range with 206 and Content-Range', async () => {
    const response = await get(pm.kind === 'pmtiles' ? pm.url : '', { Range: 'bytes=10-13' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-13/256');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([10, 11, 12, 13]);
  });

  it('serves a whole PMTiles file without a Range header and 416 for a range past its end', async () => {
    const url = pm.kind === 'pmtiles' ? pm.url : '';
    const whole = await get(url);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(256);
    const past = await get(url, { Range: 'bytes=300-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */256');
  });

  it('serves an MBTiles tile by XYZ address and 204 for a tile the file lacks', async () => {
    expect(mb.kind).toBe('mbtiles');
    const template = mb.kind === 'mbtiles' ? mb.tiles : '';
    const at = (z: number, x: number, y: number) =>
      template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
    const tile = await get(at(1, 0, 0));
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/png');
    expect(await tile.text()).toBe('tile z1 x0 y0');
    expect((await get(at(1, 0, 1))).status).toBe(204);
  });

  it('answers 404 for an unregistered basemap id and for the wrong kind of request', async () => {
    expect((await get('app://hotspot/basemaps/unregistered1/0/0/0')).status).toBe(404);
    expect((await get(`app://hotspot/basemaps/${mb.id}.pmtiles`)).status).toBe(404);
    expect((await get(`app://hotspot/basemaps/${pm.id}/0/0/0`)).status).toBe(404);
  });
});

describe('BasemapRegistry.add(path)', () => {
  it('describes an MBTiles file from its metadata', () => {
    expect(mb).toMatchObject({
      kind: 'mbtiles',
      name: 'Town streets',
      format: 'png',
      minzoom: 0,
      maxzoom: 22,
    });
  });

  it('refuses a file that is neither .pmtiles nor .mbtiles', () => {
    expect(() => new BasemapRegistry().add(path.join(dir, 'secret.txt'))).toThrow(RangeError);
  });
});
