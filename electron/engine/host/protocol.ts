/**
 * The messages between a host (Electron main, the web host) and the engine running in its own
 * thread or process (issue 14 item 4). Every Api call crosses as a 'call' and comes back as a
 * 'reply' with the same id, already wrapped in an Envelope by dispatch; engine events cross as
 * 'event'. Files the analyst chose are registered on the host side (it mints the FileRef) and
 * 'adopt'ed by the engine's registry; one ordered channel means the engine always knows a ref
 * before the first call that names it. The engine asks the host for what only the host can do
 * (Electron's printToPDF) with 'host-call'.
 */
import type { Envelope } from '../../../shared/api/errors.js';
import type { ApiEvent } from '../../../shared/api/jobs.js';
import type { AppInfo, FileRef } from '../../../shared/api/project-api.js';

/** What the engine is created with; plain data, so it can cross to a thread or a process. */
export interface EngineHostOptions {
  appVersion: string;
  host: AppInfo['host'];
  poolSize?: number;
  /** The host answers 'printPdf' host-calls (Electron's printToPDF); otherwise headless Chromium. */
  hostPrintsPdf?: boolean;
}

/**
 * Engine work that is not in the Api because the page must never ask for it: Save As, and the
 * project `hotspot serve --project` opens (or creates) through the session service.
 */
export type EngineCommand =
  | { name: 'saveProjectAs'; path: string }
  | { name: 'openProject'; path: string; create: boolean };

export type ToEngine =
  | { kind: 'call'; id: number; method: string; input: unknown }
  | { kind: 'command'; id: number; command: EngineCommand }
  | { kind: 'adopt'; ref: FileRef; path: string }
  | { kind: 'host-reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'close'; id: number };

export type FromEngine =
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: ApiEvent }
  | { kind: 'host-call'; id: number; name: 'printPdf'; html: string; marking: string };

/** One end of the channel: a worker thread's port, Electron's utility process or its parentPort. */
export interface Channel<In, Out> {
  post(message: Out): void;
  listen(listener: (message: In) => void): void;
}
