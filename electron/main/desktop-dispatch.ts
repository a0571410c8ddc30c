/**
 * One call to a desktop helper, as dispatch.ts does for the Api: check the name, validate the input
 * against its schema (shared/api/desktop.ts), run the handler, and wrap the outcome in an Envelope.
 */
import {
  type DesktopApi,
  type DesktopMethodName,
  desktopInputSchemas,
  isDesktopMethodName,
} from '../../shared/api/desktop.js';
import { ApiError, type Envelope } from '../../shared/api/errors.js';

export type DesktopHandlers = { [K in DesktopMethodName]: (input: never) => ReturnType<DesktopApi[K]> };

export async function dispatchDesktop(
  handlers: DesktopHandlers,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isDesktopMethodName(method)) {
      throw new ApiError('invalid-argument', `Unknown desktop method: ${String(method).slice(0, 100)}`);
    }
    const parsed = desktopInputSchemas[method].safeParse(rawInput);
    if (!parsed.success) {
      const text = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
      throw new ApiError('invalid-argument', `${method}: ${text}`);
    }
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() };
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: error instanceof RangeError ? 'invalid-argument' : 'failed', message },
    };
  }
}
