/**
 * Builds the objects the preload exposes (`window.hotspot`, `window.hotspotDesktop`) from two
 * transport functions, so the logic is testable without Electron:
 *   invoke(channel, name, input) → Promise<Envelope>   (ipcRenderer.invoke)
 *   listen(channel, handler)     → unsubscribe         (ipcRenderer.on / removeListener)
 *
 * A failed call rejects with the envelope's plain `{ code, message, details? }` object, not an
 * Error: contextBridge copies only an Error's message into the page, so the `code` the renderer
 * acts on ('cancelled', 'no-project', …) would be lost. `toApiError` (shared/api/bridge.ts) turns it
 * back into an ApiError on the page's side.
 */
import type { Api } from '../../shared/api/api.js';
import { DESKTOP_METHOD_NAMES, type DesktopApi, type MenuCommand } from '../../shared/api/desktop.js';
import type { Envelope } from '../../shared/api/errors.js';
import type { ApiEvent } from '../../shared/api/jobs.js';
import { IPC, type MainOnlyMethod, PAGE_API_METHOD_NAMES } from './channels.js';

export type Invoke = (channel: string, name: string, input: unknown) => Promise<unknown>;
/** Registers `handler` for messages on `channel` (payload only, never the IPC event); returns the unsubscribe. */
export type Listen = (channel: string, handler: (payload: unknown) => void) => () => void;

async function call(invoke: Invoke, channel: string, name: string, input: unknown): Promise<unknown> {
  const envelope = (await invoke(channel, name, input)) as Envelope<unknown>;
  if (envelope.ok) return envelope.value;
  throw { ...envelope.error };
}

function subscriber<T>(listen: Listen, channel: string) {
  return (listener: (payload: T) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    return listen(channel, (payload) => listener(payload as T));
  };
}

/** `window.hotspot` in the desktop app: the Api without the methods that take a path (channels.ts). */
export type PageApi = Omit<Api, MainOnlyMethod>;

export function buildHotspotApi(invoke: Invoke, listen: Listen): PageApi {
  const api: Record<string, unknown> = {};
  for (const name of PAGE_API_METHOD_NAMES) {
    api[name] = (input: unknown) => call(invoke, IPC.call, name, input ?? {});
  }
  api.onEvent = subscriber<ApiEvent>(listen, IPC.event);
  return api as PageApi;
}

export function buildDesktopApi(invoke: Invoke, listen: Listen): DesktopApi {
  const desktop: Record<string, unknown> = {};
  for (const name of DESKTOP_METHOD_NAMES) {
    desktop[name] = (input: unknown) => call(invoke, IPC.desktop, name, input ?? {});
  }
  desktop.onMenu = subscriber<MenuCommand>(listen, IPC.menu);
  return desktop as unknown as DesktopApi;
}
