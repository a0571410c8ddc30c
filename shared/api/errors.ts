/**
 * Errors that cross the Api boundary. Transports carry them as data (an envelope), never as thrown
 * exceptions with stacks, so the renderer always gets a code it can act on and a message that says
 * what to fix.
 */
export const API_ERROR_CODES = [
  'invalid-argument', // the call's input failed its schema
  'no-project', // the method needs an open project
  'not-found', // a named thing (dataset, analysis, file) does not exist
  'refused', // the input or data was refused (guard rail, PII, newer project file): message says why
  'cancelled', // the job was cancelled by the analyst
  'failed', // anything else; message says what happened
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  /** Optional structured detail, e.g. the schema issues of an invalid argument. */
  details?: unknown;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = code === 'cancelled' ? 'AbortError' : 'ApiError';
    this.code = code;
    this.details = details;
  }

  toData(): ApiErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }
}

/** What every transport returns for one call. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
