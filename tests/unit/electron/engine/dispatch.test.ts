import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/engine/dispatch.js';
import { ApiError } from '../../../../shared/api/errors.js';

const info = {
  path: '/p.hsw',
  name: 'p',
  crs: 'EPSG:27700',
  schemaVersion: 1,
  createdAt: '',
  datasetCount: 0,
  recordCount: 0,
};

describe('dispatch', () => {
  it('passes validated input to the handler and wraps its result', async () => {
    const seen: unknown[] = [];
    const api = {
      openProject: async (input: never) => {
        seen.push(input);
        return info;
      },
    };
    expect(await dispatch(api, 'openProject', { path: '/p.hsw' })).toEqual({ ok: true, value: info });
    expect(seen).toEqual([{ path: '/p.hsw' }]);
  });

  it('refuses an unknown method name, including inherited object keys', async () => {
    for (const method of ['dropTables', '__proto__', 'toString', 42]) {
      const result = await dispatch({}, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await dispatch({}, 'dropTables', {})).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Unknown Api method: dropTables' },
    });
  });

  it('refuses input that fails the schema with a readable message and the issues as details', async () => {
    let called = false;
    const api = {
      createProject: async () => {
        called = true;
        return info;
      },
    };
    const result = await dispatch(api, 'createProject', { path: 42 });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-argument');
    expect(result.error.message).toMatch(/^createProject: path: .*expected string/);
    expect(result.error.details).toEqual([expect.objectContaining({ path: ['path'], code: 'invalid_type' })]);
  });

  it('refuses extra keys on strict inputs, and a missing input object', async () => {
    const extra = await dispatch({}, 'openProject', { path: '/a.hsw', sql: 'DROP TABLE records' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const missing = await dispatch({}, 'getProject', undefined);
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const badJob = await dispatch({}, 'cancelJob', { jobId: 'x' });
    expect(badJob).toMatchObject({
      ok: false,
      error: { message: 'cancelJob: jobId: jobId must be 8–64 letters, digits, - or _' },
    });
  });

  it('keeps the code of an ApiError thrown by the handler', async () => {
    const api = {
      getProject: async () => {
        throw new ApiError('no-project', 'No project is open.');
      },
    };
    expect(await dispatch(api, 'getProject', {})).toEqual({
      ok: false,
      error: { code: 'no-project', message: 'No project is open.' },
    });
  });

  it('turns any other error into failed with its message only (no stack), RangeError into invalid-argument', async () => {
    const failing = { getProject: async () => Promise.reject(new Error('disk I/O error')) };
    const result = await dispatch(failing, 'getProject', {});
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'disk I/O error' } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts/);
    const range = {
      getProject: async () => Promise.reject(new RangeError('bandwidthM must be > 0, got -5')),
    };
    expect(await dispatch(range, 'getProject', {})).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'bandwidthM must be > 0, got -5' },
    });
  });

  it('reports a declared method without a handler as failed rather than crashing', async () => {
    expect(await dispatch({}, 'listJobs', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'listJobs is not available in this build' },
    });
  });
});
