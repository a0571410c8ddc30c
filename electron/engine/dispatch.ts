/**
 * One call through the Api, as every transport makes it (Electron IPC, the web host): check the
 * method name, validate the input against its schema, run the handler, and wrap the outcome in an
 * Envelope. Nothing thrown ever crosses: ApiErrors keep their code, anything else becomes 'failed'
 * with its message only (stacks stay in the engine's stderr when HOTSPOT_DEBUG is set).
 */
import type { z } from 'zod';
import { type ApiMethodName, apiMethods, isApiMethodName } from '../../shared/api/api.js';
import { ApiError, type Envelope } from '../../shared/api/errors.js';

export interface IssueData {
  path: (string | number)[];
  code: string;
  message: string;
}

export async function dispatch(
  api: Partial<Record<ApiMethodName, (input: never) => Promise<unknown>>>,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isApiMethodName(method)) {
      throw new ApiError('invalid-argument', `Unknown Api method: ${String(method).slice(0, 100)}`);
    }
    const parsed = apiMethods[method].input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const text = issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
      throw new ApiError('invalid-argument', `${method}: ${text}`, issues);
    }
    const handler = api[method];
    if (!handler) throw new ApiError('failed', `${method} is not available in this build`);
    return { ok: true, value: await handler(parsed.data as never) };
  } catch (error) {
    return { ok: false, error: errorData(method, error) };
  }
}

function issuesOf(error: z.ZodError): IssueData[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    code: issue.code,
    message: issue.message,
  }));
}

function errorData(method: unknown, error: unknown) {
  if (error instanceof ApiError) return error.toData();
  if (process.env['HOTSPOT_DEBUG']) console.error(`[engine] ${String(method)} failed:`, error);
  const message = error instanceof Error ? error.message : String(error);
  // A RangeError is a parameter check (STYLE.md habit 5): the caller asked for something impossible.
  const code = error instanceof RangeError ? 'invalid-argument' : 'failed';
  return new ApiError(code, message).toData();
}
