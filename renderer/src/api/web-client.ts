/**
 * The Api over HTTP to the loopback web host (electron/web-host/server.ts). Every request carries
 * `Authorization: Bearer <token>`; the token was read from the URL fragment at start-up and lives
 * only in this closure. Results and errors arrive as Envelopes in codec JSON (typed arrays intact);
 * an error envelope becomes a thrown ApiError with the engine's code and message.
 */
import { API_METHOD_NAMES, type Api } from '../../../shared/api/api.js';
import { decodeJson, encodeJson } from '../../../shared/api/codec.js';
import { ApiError, type Envelope } from '../../../shared/api/errors.js';
import type { ApiEvent } from '../../../shared/api/jobs.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import { SseParser } from './sse.js';
import type { PickFileOptions, Transport } from './transport.js';

const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

export function createWebTransport(origin: string, token: string): Transport {
  const authorization = `Bearer ${token}`;
  const listeners = new Set<(event: ApiEvent) => void>();
  let stream: AbortController | null = null;

  async function call(method: string, input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${origin}/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: encodeJson(input ?? {}),
      });
    } catch {
      throw new ApiError(
        'failed',
        'Lost the connection to the Hotspot web host. Is `hotspot serve` still running?',
      );
    }
    return unwrap(await readEnvelope(response));
  }

  async function runEventStream(controller: AbortController): Promise<void> {
    let attempt = 0;
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`${origin}/api/events`, {
          headers: { Authorization: authorization, Accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || response.body === null)
          throw new Error(`event stream refused: ${response.status}`);
        attempt = 0;
        const parser = new SseParser((data) => {
          const event = decodeJson(data) as ApiEvent;
          for (const listener of listeners) listener(event);
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]),
      );
    }
  }

  const methods = Object.fromEntries(
    API_METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as unknown as Omit<Api, 'onEvent'>;

  const api: Api = {
    ...methods,
    onEvent(listener) {
      listeners.add(listener);
      if (stream === null) {
        stream = new AbortController();
        void runEventStream(stream);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream !== null) {
          stream.abort();
          stream = null;
        }
      };
    },
  };

  return {
    host: 'web',
    api,
    desktop: null,
    async chooseFile(options) {
      const file = await chooseLocalFile(options);
      return file === null ? null : uploadFile(origin, authorization, file, options);
    },
  };
}

async function readEnvelope(response: Response): Promise<Envelope<unknown>> {
  const text = await response.text();
  try {
    return decodeJson(text) as Envelope<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'failed', message: `web host answered ${response.status} without an envelope` },
    };
  }
}

function unwrap(envelope: Envelope<unknown>): unknown {
  if (envelope.ok) return envelope.value;
  throw ApiError.fromData(envelope.error);
}

/** Opens the browser's file chooser; resolves null when the analyst cancels it. */
function chooseLocalFile(options: PickFileOptions): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.dataset.hotspotPicker = 'true';
    if (options.accept) input.accept = options.accept;
    if (options.title) input.title = options.title;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/**
 * Streams the file's bytes to the host. XMLHttpRequest rather than fetch: it reports upload
 * progress, which matters for the multi-hundred-megabyte extracts analysts load.
 */
function uploadFile(
  origin: string,
  authorization: string,
  file: File,
  options: PickFileOptions,
): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${origin}/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Authorization', authorization);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) =>
      options.onProgress?.(event.loaded, event.total || file.size, file.name);
    xhr.onload = () => {
      try {
        resolve(unwrap(decodeJson(xhr.responseText) as Envelope<unknown>) as FileRef);
      } catch (error) {
        reject(
          error instanceof ApiError
            ? error
            : new ApiError('failed', `upload of ${file.name} failed (${xhr.status})`),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError('failed', `upload of ${file.name} failed: lost the connection`));
    xhr.onabort = () => reject(new ApiError('cancelled', `upload of ${file.name} cancelled`));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
