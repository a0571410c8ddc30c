/**
 * The host's side of the engine channel (protocol.ts): an object with the shape of an in-process
 * engine as the hosts use it (`api` for dispatch, `files`, `events`, `close`), so Electron main and
 * the web host hand it to the same code they would hand createEngine()'s result. Each `api` method
 * posts the call and waits for its reply; the host's dispatch validates the input first and the
 * engine's dispatch again, so nothing unchecked reaches a handler on either side.
 *
 *   const engine = connectEngine(channel, { printPdf });
 *   const envelope = await dispatch(engine.api, 'getProject', {});
 */
import { API_METHOD_NAMES, type ApiMethodName } from '../../../shared/api/api.js';
import { ApiError, type Envelope } from '../../../shared/api/errors.js';
import type { ApiEvent } from '../../../shared/api/jobs.js';
import type { FileRef } from '../../../shared/api/project-api.js';
import type { FileRegistry } from '../context.js';
import { PathRegistry } from '../files.js';
import type { PdfPrinter } from '../profile/profile-service.js';
import type { Channel, EngineCommand, FromEngine, ToEngine } from './protocol.js';

export interface HostServices {
  /** Answers the engine's 'printPdf' host-calls (Electron main: printToPDF in a hidden window). */
  printPdf?: PdfPrinter;
}

export interface RemoteEngine {
  readonly api: Record<ApiMethodName, (input: unknown) => Promise<unknown>>;
  /** Registers files here (the host's dialogs, uploads) and passes each ref on to the engine. */
  readonly files: FileRegistry & { registerTarget(path: string, name?: string): FileRef };
  /** For the web host, which reaches the registry as `engine.context.files`. */
  readonly context: { files: RemoteEngine['files'] };
  readonly events: { subscribe(listener: (event: ApiEvent) => void): () => void };
  /** Engine work the page must never ask for (Save As to a path from main's own dialog). */
  command(command: EngineCommand): Promise<Envelope<unknown>>;
  /** Closes the engine (jobs cancelled, project closed); the caller then ends the thread or process. */
  close(): Promise<void>;
  /** Fails every call in flight, e.g. when the thread or process died. */
  fail(message: string): void;
}

export function connectEngine(
  channel: Channel<FromEngine, ToEngine>,
  services: HostServices = {},
): RemoteEngine {
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Set<(event: ApiEvent) => void>();
  let nextId = 0;
  let failure: string | null = null;

  const send = (message: (id: number) => ToEngine): Promise<Envelope<unknown>> =>
    new Promise((resolve) => {
      if (failure !== null) return resolve({ ok: false, error: { code: 'failed', message: failure } });
      const id = ++nextId;
      pending.set(id, resolve);
      channel.post(message(id));
    });

  channel.listen((message) => {
    switch (message.kind) {
      case 'reply':
        pending.get(message.id)?.(message.envelope);
        pending.delete(message.id);
        return;
      case 'event':
        for (const listener of listeners) listener(message.event);
        return;
      case 'host-call':
        void answerPrint(services.printPdf, message.html, message.marking).then((envelope) =>
          channel.post({ kind: 'host-reply', id: message.id, envelope }),
        );
        return;
    }
  });

  const api = {} as RemoteEngine['api'];
  for (const method of API_METHOD_NAMES) {
    api[method] = async (input) => unwrap(await send((id) => ({ kind: 'call', id, method, input })));
  }
  const local = new PathRegistry();
  const adopt = (ref: FileRef, path: string) => {
    channel.post({ kind: 'adopt', ref, path });
    return ref;
  };
  const files: RemoteEngine['files'] = {
    register: (path, name) => adopt(local.register(path, name), path),
    registerTarget: (path, name) => adopt(local.registerTarget(path, name), path),
    resolve: (ref) => local.resolve(ref),
    resolveTarget: (ref) => local.resolveTarget(ref),
    companionPath: (targetPath, fileName) => local.companionPath(targetPath, fileName),
  };
  return {
    api,
    files,
    context: { files },
    events: {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    command: (command) => send((id) => ({ kind: 'command', id, command })),
    close: async () => {
      if (failure === null) unwrap(await send((id) => ({ kind: 'close', id })));
      listeners.clear();
    },
    fail: (message) => {
      failure = message;
      for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'failed', message } });
      pending.clear();
    },
  };
}

function unwrap(envelope: Envelope<unknown>): unknown {
  if (!envelope.ok) throw ApiError.fromData(envelope.error);
  return envelope.value;
}

async function answerPrint(
  printPdf: PdfPrinter | undefined,
  html: string,
  marking: string,
): Promise<Envelope<unknown>> {
  if (!printPdf) return { ok: false, error: { code: 'failed', message: 'This host cannot print PDFs.' } };
  try {
    return { ok: true, value: await printPdf(html, { marking }) };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
