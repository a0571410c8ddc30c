/**
 * The engine's side of the host channel (protocol.ts): runs each call through dispatch, as every
 * transport does, forwards engine events, adopts the files the host registered, and asks the host
 * to print when the engine was created to do so.
 */
import { ApiError, type Envelope } from '../../../shared/api/errors.js';
import { dispatch } from '../dispatch.js';
import { createEngine, type Engine } from '../engine.js';
import { saveProjectAs } from '../project/save-as.js';
import type { Channel, EngineCommand, EngineHostOptions, FromEngine, ToEngine } from './protocol.js';

/** Creates the engine and serves it on `channel` until the host sends 'close'. */
export function serveEngine(options: EngineHostOptions, channel: Channel<ToEngine, FromEngine>): Engine {
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextHostCall = 0;
  const askHost = (html: string, { marking }: { marking: string }) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = ++nextHostCall;
      pending.set(id, (envelope) =>
        envelope.ok ? resolve(envelope.value as Uint8Array) : reject(ApiError.fromData(envelope.error)),
      );
      channel.post({ kind: 'host-call', id, name: 'printPdf', html, marking });
    });
  const engine = createEngine({
    appVersion: options.appVersion,
    host: options.host,
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    ...(options.hostPrintsPdf ? { printPdf: askHost } : {}),
  });
  engine.events.subscribe((event) => channel.post({ kind: 'event', event }));

  channel.listen((message) => {
    switch (message.kind) {
      case 'call':
        void dispatch(engine.api, message.method, message.input).then((envelope) =>
          channel.post({ kind: 'reply', id: message.id, envelope }),
        );
        return;
      case 'command':
        void runCommand(engine, message.command).then((envelope) =>
          channel.post({ kind: 'reply', id: message.id, envelope }),
        );
        return;
      case 'adopt':
        engine.files.adopt(message.ref, message.path);
        return;
      case 'host-reply':
        pending.get(message.id)?.(message.envelope);
        pending.delete(message.id);
        return;
      case 'close':
        void engine
          .close()
          .then(() => channel.post({ kind: 'reply', id: message.id, envelope: { ok: true, value: null } }));
        return;
    }
  });
  return engine;
}

async function runCommand(engine: Engine, command: EngineCommand): Promise<Envelope<unknown>> {
  try {
    if (command.name === 'openProject') {
      const { session } = engine;
      return { ok: true, value: command.create ? session.create(command.path) : session.open(command.path) };
    }
    await saveProjectAs(engine.context, command.path);
    return { ok: true, value: engine.session.open(command.path) };
  } catch (error) {
    const data =
      error instanceof ApiError
        ? error.toData()
        : { code: 'failed' as const, message: error instanceof Error ? error.message : String(error) };
    return { ok: false, error: data };
  }
}
