import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zxyToTileId } from 'pmtiles';
import { afterAll, describe, expect, it } from 'vitest';
import { openPmtiles } from '../../../../../electron/engine/basemap/pmtiles-file.js';
import { openTileFile } from '../../../../../electron/engine/basemap/tile-file.js';
import {
  pmtilesBytes,
  solidPng,
  tileIdUpToZ1,
  writeMbtiles,
} from '../../../../fixtures/basemap/basemap-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hsw-pmtiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RED = solidPng([200, 0, 0], 4);
const BLUE = solidPng([0, 0, 200], 4);

function file(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe('the fixture writer', () => {
  it('numbers tiles as the PMTiles spec does (checked against the library)', () => {
    for (const [z, x, y] of [
      [0, 0, 0],
      [1, 0, 0],
      [1, 0, 1],
      [1, 1, 1],
      [1, 1, 0],
    ] as const)
      expect(tileIdUpToZ1(z, x, y)).toBe(zxyToTileId(z, x, y));
  });
});

describe('openPmtiles(path)', () => {
  const raster = () =>
    file(
      `raster-${Math.random().toString(36).slice(2)}.pmtiles`,
      pmtilesBytes(
        {
          tileType: 2,
          minzoom: 0,
          maxzoom: 1,
          bounds: [-2.5, 53.9, -2.3, 54.1],
          metadata: { name: 'Town raster', attribution: '© Test' },
        },
        [
          { z: 0, x: 0, y: 0, data: RED },
          { z: 1, x: 1, y: 0, data: BLUE },
        ],
      ),
    );

  it('reads the header: PNG tiles, zooms 0–1, bounds, name and attribution', async () => {
    const reader = await openPmtiles(raster());
    try {
      expect(reader.info).toEqual({
        format: 'png',
        minzoom: 0,
        maxzoom: 1,
        bounds: [-2.5, 53.9, -2.3, 54.1],
        attribution: '© Test',
        name: 'Town raster',
      });
    } finally {
      await reader.close();
    }
  });

  it('returns each planted tile byte for byte, and null where there is none', async () => {
    const reader = await openPmtiles(raster());
    try {
      expect(Buffer.from((await reader.tile(0, 0, 0))!)).toEqual(RED);
      expect(Buffer.from((await reader.tile(1, 1, 0))!)).toEqual(BLUE);
      expect(await reader.tile(1, 0, 0)).toBeNull();
    } finally {
      await reader.close();
    }
  });

  it('lists a vector archive’s layers from its metadata', async () => {
    const p = file(
      'vector.pmtiles',
      pmtilesBytes(
        {
          tileType: 1,
          minzoom: 0,
          maxzoom: 0,
          bounds: [-3, 53, -2, 54],
          metadata: { vector_layers: [{ id: 'earth' }, { id: 'roads' }] },
        },
        [{ z: 0, x: 0, y: 0, data: Buffer.from([0x1a, 0]) }],
      ),
    );
    const reader = await openPmtiles(p);
    try {
      expect(reader.info.format).toBe('pbf');
      expect(reader.info.vectorLayers).toEqual(['earth', 'roads']);
    } finally {
      await reader.close();
    }
  });

  it('refuses a file that is not a PMTiles archive, naming it', async () => {
    await expect(openPmtiles(file('junk.pmtiles', Buffer.alloc(200, 7)))).rejects.toThrow(/junk\.pmtiles/);
  });
});

describe('openTileFile(path, name)', () => {
  it('opens MBTiles and PMTiles by the name’s extension, both behind one interface', async () => {
    const mb = path.join(dir, 'upload-1');
    writeMbtiles(mb, { name: 'Town', format: 'png', minzoom: '0', maxzoom: '0' }, [
      { z: 0, x: 0, y: 0, data: RED },
    ]);
    const reader = await openTileFile(mb, 'town.MBTILES');
    try {
      expect(reader.info.format).toBe('png');
      expect(Buffer.from((await reader.tile(0, 0, 0))!)).toEqual(RED);
    } finally {
      await reader.close();
    }
  });

  it('refuses any other kind of file with a message that says what is wanted', async () => {
    await expect(openTileFile(path.join(dir, 'x'), 'map.tif')).rejects.toThrow(
      'a basemap must be a .pmtiles or .mbtiles file; map.tif is neither',
    );
  });
});
