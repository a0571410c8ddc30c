import { describe, expect, it } from 'vitest';
import {
  buildDesktopApi,
  buildHotspotApi,
  type Invoke,
  type Listen,
} from '../../../../electron/preload/bridge.js';
import { IPC, isMainOnlyMethod } from '../../../../electron/preload/channels.js';
import { API_METHOD_NAMES } from '../../../../shared/api/api.js';
import { DESKTOP_METHOD_NAMES } from '../../../../shared/api/desktop.js';
import type { ApiEvent } from '../../../../shared/api/jobs.js';

/** An in-memory transport: records invocations, answers from `reply`, and fans payloads out to listeners. */
function transport(reply: (channel: string, name: string, input: unknown) => unknown) {
  const calls: [string, string, unknown][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke: Invoke = async (channel, name, input) => {
    calls.push([channel, name, input]);
    return reply(channel, name, input);
  };
  const listen: Listen = (channel, handler) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(handler);
    return () => set.delete(handler);
  };
  const emit = (channel: string, payload: unknown) => {
    for (const handler of listeners.get(channel) ?? []) handler(payload);
  };
  return { calls, invoke, listen, emit, listeners };
}

describe('buildHotspotApi(invoke, listen)', () => {
  it('exposes every Api method but the two that take a path, and onEvent, and nothing else', () => {
    const api = buildHotspotApi(transport(() => ({ ok: true, value: null })).invoke, () => () => {});
    const expected = API_METHOD_NAMES.filter((name) => name !== 'createProject' && name !== 'openProject');
    expect(expected.length).toBe(API_METHOD_NAMES.length - 2);
    expect(Object.keys(api).sort()).toEqual([...expected, 'onEvent'].sort());
    expect('openProject' in api).toBe(false);
    expect('createProject' in api).toBe(false);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('main refuses the path-taking methods on the call channel, whatever their spelling of input', () => {
    expect(isMainOnlyMethod('openProject')).toBe(true);
    expect(isMainOnlyMethod('createProject')).toBe(true);
    for (const name of ['getProject', 'closeProject', 'OpenProject', 'openProject ', 42, null, undefined]) {
      expect(isMainOnlyMethod(name)).toBe(false);
    }
  });

  it('invokes the call channel with the method name and input, and resolves with the value', async () => {
    const t = transport((_c, name) => ({ ok: true, value: { name: 'Hotspot Workbench', asked: name } }));
    const api = buildHotspotApi(t.invoke, t.listen);
    await expect(api.appInfo({})).resolves.toEqual({ name: 'Hotspot Workbench', asked: 'appInfo' });
    expect(t.calls).toEqual([[IPC.call, 'appInfo', {}]]);
  });

  it('sends {} when a method is called without input', async () => {
    const t = transport(() => ({ ok: true, value: null }));
    const api = buildHotspotApi(t.invoke, t.listen);
    await (api.closeProject as unknown as () => Promise<unknown>)();
    expect(t.calls[0][2]).toEqual({});
  });

  it('rejects with the plain error data of a failed envelope, code included', async () => {
    const error = { code: 'no-project', message: 'Open or create a project first.' };
    const api = buildHotspotApi(transport(() => ({ ok: false, error })).invoke, () => () => {});
    const reason = await api.getProject({}).catch((e: unknown) => e);
    expect(reason).toEqual(error);
    expect(reason).not.toBeInstanceOf(Error);
  });

  it('delivers event payloads to onEvent listeners until they unsubscribe', () => {
    const t = transport(() => null);
    const api = buildHotspotApi(t.invoke, t.listen);
    const seen: ApiEvent[] = [];
    const off = api.onEvent((e) => seen.push(e));
    const event: ApiEvent = { type: 'project', reason: 'opened' };
    t.emit(IPC.event, event);
    t.emit(IPC.menu, { command: 'export' });
    off();
    t.emit(IPC.event, { type: 'project', reason: 'closed' });
    expect(seen).toEqual([event]);
  });

  it('refuses a listener that is not a function', () => {
    const t = transport(() => null);
    const api = buildHotspotApi(t.invoke, t.listen);
    expect(() => api.onEvent('x' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('buildDesktopApi(invoke, listen)', () => {
  it('exposes the desktop methods on their own channel and onMenu', async () => {
    const t = transport(() => ({ ok: true, value: null }));
    const desktop = buildDesktopApi(t.invoke, t.listen);
    expect(Object.keys(desktop).sort()).toEqual([...DESKTOP_METHOD_NAMES, 'onMenu'].sort());
    await desktop.pickFile({ accept: '.csv,.xlsx' });
    expect(t.calls).toEqual([[IPC.desktop, 'pickFile', { accept: '.csv,.xlsx' }]]);
  });

  it('delivers menu commands to onMenu listeners', () => {
    const t = transport(() => null);
    const desktop = buildDesktopApi(t.invoke, t.listen);
    const seen: unknown[] = [];
    desktop.onMenu((c) => seen.push(c));
    t.emit(IPC.menu, { command: 'export' });
    expect(seen).toEqual([{ command: 'export' }]);
  });
});
