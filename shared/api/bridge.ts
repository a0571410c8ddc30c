/**
 * The renderer's side of the Electron preload: `window.hotspot` rejects with the plain
 * `{ code, message, details? }` of the failed call's envelope (contextBridge would strip an Error's
 * code), so the renderer wraps it once with `fromBridge` to get real `ApiError`s, the same errors
 * the web host client throws.
 */
import type { Api } from './api.js';
import { API_ERROR_CODES, ApiError, type ApiErrorCode } from './errors.js';

/** Any rejection reason as an ApiError: bridged error data keeps its code, anything else is 'failed'. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (typeof reason === 'object' && reason !== null) {
    const { code, message, details } = reason as Record<string, unknown>;
    if (API_ERROR_CODES.includes(code as ApiErrorCode) && typeof message === 'string') {
      return new ApiError(code as ApiErrorCode, message, details);
    }
    if (typeof message === 'string') return new ApiError('failed', message);
  }
  return new ApiError('failed', String(reason));
}

/** Wraps the bridged Api so every failed call rejects with an ApiError. */
export function fromBridge(bridged: Api): Api {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(bridged)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] =
      name === 'onEvent'
        ? fn
        : (input: unknown) =>
            (fn as (input: unknown) => Promise<unknown>)(input).catch((reason: unknown) => {
              throw toApiError(reason);
            });
  }
  return wrapped as Api;
}
