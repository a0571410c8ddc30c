/**
 * The one Api between the renderer and the engine (DESIGN.md §3): declared once here, implemented
 * by the engine, bound over Electron IPC (electron/main + electron/preload) and over HTTP by the
 * loopback web host (electron/web-host), consumed by renderer/ through `window.hotspot` or the web
 * client. Every input is validated against `apiMethods[name].input` before the engine sees it.
 */
import { analysisMethods } from './analysis-api.js';
import { areasActionsMethods } from './areas-actions-api.js';
import { basemapMethods } from './basemap-api.js';
import type { ApiOf, InputOf, OutputOf } from './define.js';
import { importMethods } from './import-api.js';
import type { ApiEvent } from './jobs.js';
import { mapMethods } from './map-api.js';
import { profileMethods } from './profile-api.js';
import { projectMethods } from './project-api.js';
import { tacticalMethods } from './tactical-api.js';
import { taskingMethods } from './tasking-api.js';

export const apiMethods = {
  ...projectMethods,
  ...importMethods,
  ...analysisMethods,
  ...mapMethods,
  ...basemapMethods,
  ...profileMethods,
  ...tacticalMethods,
  ...taskingMethods,
  ...areasActionsMethods,
};

export type ApiMethods = typeof apiMethods;
export type ApiMethodName = keyof ApiMethods;
export type ApiInput<M extends ApiMethodName> = InputOf<ApiMethods, M>;
export type ApiResult<M extends ApiMethodName> = OutputOf<ApiMethods, M>;

export const API_METHOD_NAMES = Object.keys(apiMethods) as ApiMethodName[];

export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && Object.hasOwn(apiMethods, name);
}

/** What the renderer holds: every method, plus a subscription to engine events. */
export type Api = ApiOf<ApiMethods> & {
  onEvent(listener: (event: ApiEvent) => void): () => void;
};
