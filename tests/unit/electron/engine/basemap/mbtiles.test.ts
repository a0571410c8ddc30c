import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openMbtiles,
  parseMbtilesMetadata,
  tileContentType,
} from '../../../../../electron/engine/basemap/mbtiles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hsw-mbtiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A two-tile MBTiles file: a PNG-ish tile at XYZ z=1 x=1 y=0 (TMS row 1) and a gzipped one at z=2 x=3 y=3 (TMS row 0). */
function plantedFile(): string {
  const file = path.join(dir, `planted-${Math.random().toString(36).slice(2)}.mbtiles`);
  const db = new Database(file);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
           CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);`);
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of [
    ['name', 'Town'],
    ['format', 'PBF'],
    ['minzoom', '1'],
    ['maxzoom', '2'],
    ['bounds', '-1.5,52.4,-1.4,52.5'],
  ]) {
    meta.run(k, v);
  }
  const tile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  tile.run(1, 1, 1, Buffer.from('north-east'));
  tile.run(2, 3, 0, gzipSync(Buffer.from('south-east corner')));
  db.close();
  return file;
}

describe('openMbtiles(path)', () => {
  it('flips XYZ y to the TMS row and returns the planted tiles', () => {
    const reader = openMbtiles(plantedFile());
    try {
      expect(reader.tile(1, 1, 0)?.toString()).toBe('north-east');
      expect(reader.tile(1, 1, 1)).toBeNull();
      expect(reader.tile(2, 3, 3)?.toString()).toBe('south-east corner');
    } finally {
      reader.close();
    }
  });

  it('reads the metadata, lower-casing the format', () => {
    const reader = openMbtiles(plantedFile());
    try {
      expect(reader.metadata).toEqual({
        name: 'Town',
        format: 'pbf',
        minzoom: 1,
        maxzoom: 2,
        bounds: [-1.5, 52.4, -1.4, 52.5],
        attribution: undefined,
      });
    } finally {
      reader.close();
    }
  });

  it('refuses a missing file and a SQLite file without the MBTiles tables', () => {
    expect(() => openMbtiles(path.join(dir, 'missing.mbtiles'))).toThrow();
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE x (a)');
    expect(() => openMbtiles(other)).toThrow(/metadata/);
  });
});

describe('parseMbtilesMetadata(rows)', () => {
  it('falls back to png and zooms 0–22, and drops malformed bounds and zooms', () => {
    expect(
      parseMbtilesMetadata([
        { name: 'bounds', value: '1,2,3' },
        { name: 'minzoom', value: 'x' },
        { name: 'maxzoom', value: '40' },
      ]),
    ).toEqual({
      name: undefined,
      format: 'png',
      minzoom: 0,
      maxzoom: 22,
      bounds: undefined,
      attribution: undefined,
    });
  });
});

describe('tileContentType(format)', () => {
  it('maps the MBTiles formats', () => {
    expect(tileContentType('pbf')).toBe('application/x-protobuf');
    expect(tileContentType('jpg')).toBe('image/jpeg');
    expect(tileContentType('tiff')).toBe('application/octet-stream');
  });
});
