/**
 * The engine's own thread or process (issue 14 item 4): a worker thread started by engine-thread.ts
 * (the web host, `hotspot serve`, tests) or an Electron utility process forked by main
 * (electron/main/engine-process.ts). Either way the host's event loop only passes messages; SQLite,
 * the record cache, parsing and rendering run here. Bundled as dist/engine.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Channel, EngineHostOptions, FromEngine, ToEngine } from './protocol.js';
import { serveEngine } from './serve-engine.js';

/** The part of Electron's `process.parentPort` used here (the engine layer does not import electron). */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

if (parentPort) {
  const port = parentPort;
  const channel: Channel<ToEngine, FromEngine> = {
    post: (message) => port.postMessage(message),
    listen: (listener) => port.on('message', listener),
  };
  serveEngine(workerData as EngineHostOptions, channel);
} else if (electronPort) {
  const channel: Channel<ToEngine, FromEngine> = {
    post: (message) => electronPort.postMessage(message),
    listen: (listener) => electronPort.on('message', (event) => listener(event.data as ToEngine)),
  };
  // main passes the options as the one argument after the script.
  serveEngine(JSON.parse(process.argv.at(-1) ?? '{}') as EngineHostOptions, channel);
} else {
  throw new Error('The engine runs in a worker thread or an Electron utility process, not on its own.');
}
