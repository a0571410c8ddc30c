import { describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/api/api.js';
import { fromBridge, toApiError } from '../../../../shared/api/bridge.js';
import { ApiError } from '../../../../shared/api/errors.js';

describe('toApiError(reason)', () => {
  it('rebuilds an ApiError from bridged error data, keeping code and details', () => {
    const error = toApiError({
      code: 'invalid-argument',
      message: 'path: required',
      details: [{ path: ['path'] }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid-argument');
    expect(error.details).toEqual([{ path: ['path'] }]);
  });

  it("makes a 'cancelled' error an AbortError, as the web client's would be", () => {
    expect(toApiError({ code: 'cancelled', message: 'Cancelled' }).name).toBe('AbortError');
  });

  it("turns an unknown code, a plain Error or a string into 'failed' with its message", () => {
    expect(toApiError({ code: 'weird', message: 'x' }).code).toBe('failed');
    expect(toApiError(new Error('IPC broke')).message).toBe('IPC broke');
    expect(toApiError('boom').message).toBe('boom');
  });

  it('passes an ApiError through unchanged', () => {
    const original = new ApiError('not-found', 'no such dataset');
    expect(toApiError(original)).toBe(original);
  });
});

describe('fromBridge(bridged)', () => {
  it('rejects with ApiErrors, resolves values unchanged and keeps onEvent', async () => {
    const onEvent = () => () => {};
    const bridged = {
      getProject: async () => Promise.reject({ code: 'no-project', message: 'Open a project first.' }),
      appInfo: async () => ({ name: 'Hotspot Workbench' }),
      onEvent,
    } as unknown as Api;
    const api = fromBridge(bridged);
    const reason = await api.getProject({}).catch((e: unknown) => e);
    expect(reason).toBeInstanceOf(ApiError);
    expect((reason as ApiError).code).toBe('no-project');
    await expect(api.appInfo({})).resolves.toEqual({ name: 'Hotspot Workbench' });
    expect(api.onEvent).toBe(onEvent);
  });
});
