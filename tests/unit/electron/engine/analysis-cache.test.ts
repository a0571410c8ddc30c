import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ALGORITHM_VERSIONS,
  cached,
  cacheKey,
  canonicalJson,
  decodeResult,
  encodeResult,
} from '../../../../electron/engine/analysis-cache.js';
import { createProject, type OpenProject } from '../../../../electron/engine/project/open-project.js';

let dir: string;
let project: OpenProject;
let ctx: { project: () => OpenProject; appVersion: string };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-cache-'));
  project = createProject(join(dir, 'c.hsw'), { appVersion: '1.0.0' });
  ctx = { project: () => project, appVersion: '1.0.0' };
});
afterEach(() => {
  project.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('canonicalJson and cacheKey', () => {
  it('sorts keys at every level and drops undefined, so key order never changes the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":1,"z":0}]},"b":1}',
    );
    expect(cacheKey('kde', { datasetId: 1, importIds: [3] }, { bandwidthM: 250, cellSizeM: 50 })).toBe(
      cacheKey('kde', { importIds: [3], datasetId: 1 }, { cellSizeM: 50, bandwidthM: 250 }),
    );
  });

  it('changes with the kind, the inputs or any parameter', () => {
    const base = cacheKey('kde', { datasetId: 1 }, { bandwidthM: 250 });
    expect(cacheKey('knox', { datasetId: 1 }, { bandwidthM: 250 })).not.toBe(base);
    expect(cacheKey('kde', { datasetId: 2 }, { bandwidthM: 250 })).not.toBe(base);
    expect(cacheKey('kde', { datasetId: 1 }, { bandwidthM: 251 })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ bandwidthM: Number.NaN })).toThrow(
      '$.bandwidthM is NaN; cache keys need finite numbers',
    );
    expect(() => canonicalJson({ x: new Float64Array(2) })).toThrow(/\$\.x is not plain JSON/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/\$\.when is not plain JSON/);
  });
});

describe('encodeResult / decodeResult', () => {
  it('round-trips JSON with typed arrays of several types through one aligned BLOB', () => {
    const value = {
      grid: { width: 3, height: 1, values: new Float64Array([0.5, 1.5, -2]) },
      counts: new Uint8Array([1, 2, 3]),
      ids: new Int32Array([-7, 9]),
      label: 'KDE',
    };
    const { json, blob } = encodeResult(value);
    // 24 bytes of doubles, 3 bytes padded to 8, 8 bytes of int32.
    expect(blob?.length).toBe(24 + 8 + 8);
    const back = decodeResult(json, blob) as typeof value;
    expect(back.grid.values).toBeInstanceOf(Float64Array);
    expect([...back.grid.values]).toEqual([0.5, 1.5, -2]);
    expect(back.counts).toBeInstanceOf(Uint8Array);
    expect([...back.counts]).toEqual([1, 2, 3]);
    expect([...back.ids]).toEqual([-7, 9]);
    expect(back.label).toBe('KDE');
  });

  it('stores no BLOB for plain JSON results', () => {
    expect(encodeResult({ n: 1 }).blob).toBeNull();
  });
});

describe('cached', () => {
  it('computes once, stores the result, and returns the stored copy for the same key', async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      return { values: new Float64Array([1, 2, 3]), max: 3 };
    };
    const first = await cached(ctx, 'kde', { datasetId: 1 }, { bandwidthM: 250 }, compute);
    const second = await cached(ctx, 'kde', { datasetId: 1 }, { bandwidthM: 250 }, compute);
    expect(computed).toBe(1);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.analysisId).toBe(first.analysisId);
    expect([...second.value.values]).toEqual([1, 2, 3]);
    expect(second.value.max).toBe(3);
    const row = project.db.prepare('SELECT kind, params_json, inputs_json, app_version FROM analyses').get();
    expect(row).toEqual({
      kind: 'kde',
      params_json: '{"bandwidthM":250}',
      inputs_json: '{"datasetId":1}',
      app_version: '1.0.0',
    });
  });

  it('misses when a parameter changes and keeps both results', async () => {
    await cached(ctx, 'kde', { datasetId: 1 }, { bandwidthM: 250 }, async () => ({ v: 1 }));
    const other = await cached(ctx, 'kde', { datasetId: 1 }, { bandwidthM: 500 }, async () => ({ v: 2 }));
    expect(other).toMatchObject({ hit: false, value: { v: 2 } });
    expect((project.db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n).toBe(2);
  });

  it('recomputes a result stored by a build before the current algorithm version, never serving it', async () => {
    // What the build before issue 10 stored: keyed by kind, inputs and params alone (no algorithm).
    const oldKey = createHash('sha256')
      .update(canonicalJson({ kind: 'kde', inputs: { datasetId: 1 }, params: { bandwidthM: 250 } }))
      .digest('hex');
    project.db
      .prepare(
        `INSERT INTO analyses (kind, input_hash, params_json, inputs_json, result_json, result_blob, app_version, created_at)
         VALUES ('kde', ?, '{}', '{}', '{"json":{"hotspots":"stale"}}', NULL, '0.0.9', '2026-01-01')`,
      )
      .run(oldKey);
    expect(ALGORITHM_VERSIONS['kde']).toBeGreaterThan(1);
    const result = await cached(ctx, 'kde', { datasetId: 1 }, { bandwidthM: 250 }, async () => ({
      hotspots: 'fresh',
    }));
    expect(result).toMatchObject({ hit: false, value: { hotspots: 'fresh' } });
  });

  it('stores nothing when compute fails', async () => {
    await expect(
      cached(ctx, 'kde', {}, {}, async () => {
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect((project.db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n).toBe(0);
  });

  it('keeps the first stored result when two identical runs finish together', async () => {
    const [a, b] = await Promise.all([
      cached(ctx, 'knox', { d: 1 }, { p: 1 }, async () => ({ run: 'a' })),
      cached(ctx, 'knox', { d: 1 }, { p: 1 }, async () => ({ run: 'b' })),
    ]);
    expect(a.analysisId).toBe(b.analysisId);
    const again = await cached(ctx, 'knox', { d: 1 }, { p: 1 }, async () => ({ run: 'c' }));
    expect(again).toMatchObject({ hit: true, value: { run: 'a' } });
  });
});
