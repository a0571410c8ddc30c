/**
 * The desktop app's app:// protocol serving the tiles of a basemap file the project chose
 * (setBasemap): the file is open in the engine's process, so the tile is asked of the engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BasemapService } from '../../../../electron/engine/basemap/basemap-service.js';
import { dispatch } from '../../../../electron/engine/dispatch.js';
import { createBasemapHandlers } from '../../../../electron/engine/handlers/basemap.js';
import { handleAppRequest } from '../../../../electron/main/app-request.js';
import { BasemapRegistry } from '../../../../electron/main/basemaps.js';
import type { Basemap } from '../../../../shared/api/basemap-api.js';
import { buildCsp } from '../../../../shared/security/csp.js';
import { pmtilesBytes, solidPng } from '../../../fixtures/basemap/basemap-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hsw-engine-tiles-'));
const file = path.join(dir, 'upload');
const GREEN = solidPng([0, 150, 0], 4);
writeFileSync(
  file,
  pmtilesBytes({ tileType: 2, minzoom: 0, maxzoom: 0, bounds: [-3, 53, -2, 54], metadata: {} }, [
    { z: 0, x: 0, y: 0, data: GREEN },
  ]),
);
const ref = { id: 'fileref-0001', name: 'town.pmtiles', size: 1 };
const ctx = {
  maybeProject: () => null,
  files: { register: () => ref, resolve: () => file, resolveTarget: () => file, companionPath: () => file },
};
const service = new BasemapService(ctx);
const handlers = createBasemapHandlers(ctx as never, service);
afterAll(async () => {
  await service.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('app:// tiles of a file open in the engine', () => {
  it('answers the tile the engine reads, 204 for none, 404 for an unknown file', async () => {
    const basemap = (await handlers.setBasemap({ choice: { kind: 'file', file: ref } })) as Basemap;
    if (basemap.kind !== 'file') throw new Error(basemap.kind);
    const registry = new BasemapRegistry();
    registry.useEngine((input) => dispatch(handlers as never, 'basemapTile', input));
    const deps = { rendererDir: dir, basemaps: registry, csp: () => buildCsp() };
    const url = (z: number, x: number, y: number) =>
      `app://hotspot${basemap.tiles.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))}`;

    const hit = await handleAppRequest(new Request(url(0, 0, 0)), deps);
    expect(hit.status).toBe(200);
    expect(hit.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await hit.arrayBuffer())).toEqual(GREEN);
    expect((await handleAppRequest(new Request(url(1, 1, 1)), deps)).status).toBe(204);
    const unknown = await handleAppRequest(
      new Request('app://hotspot/basemaps/ZZZZZZZZZZZZZZZZ/0/0/0'),
      deps,
    );
    expect(unknown.status).toBe(404);
  });
});
