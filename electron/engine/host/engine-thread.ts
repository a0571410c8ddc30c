/**
 * Starts the engine in a worker thread and connects to it (the web host, `hotspot serve`, tests):
 * the same engine-entry the Electron utility process runs, so both hosts keep their event loop
 * free while the engine works.
 *
 *   const engine = startEngineThread({ appVersion, host: 'web' });
 *   await startWebHost({ engine, rendererDir });
 *   …
 *   await engine.close();   // closes the project, stops the job workers, ends the thread
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { tsxBootstrap } from '../jobs/worker-pool.js';
import { connectEngine, type HostServices, type RemoteEngine } from './engine-client.js';
import type { EngineHostOptions, FromEngine } from './protocol.js';

export function startEngineThread(options: EngineHostOptions, services: HostServices = {}): RemoteEngine {
  const entry = engineEntry();
  const worker = entry.typescript
    ? new Worker(tsxBootstrap(entry.url), { eval: true, workerData: options })
    : new Worker(entry.url, { workerData: options });
  const engine = connectEngine(
    {
      post: (message) => worker.postMessage(message),
      listen: (listener) => worker.on('message', (message: FromEngine) => listener(message)),
    },
    services,
  );
  worker.on('error', (error) => engine.fail(`The engine stopped: ${error.message}`));
  worker.on('exit', () => engine.fail('The engine has stopped.'));
  return {
    ...engine,
    close: async () => {
      await engine.close();
      await worker.terminate();
    },
  };
}

/** engine-entry.ts through tsx when running from source; dist/engine.js beside the CLI bundle otherwise. */
function engineEntry(): { url: URL; typescript: boolean } {
  if (/\.[cm]?ts$/.test(new URL(import.meta.url).pathname)) {
    return { url: new URL('./engine-entry.ts', import.meta.url), typescript: true };
  }
  const candidates = ['./engine.js', '../engine.js'].map((rel) => new URL(rel, import.meta.url));
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  if (!found) throw new Error(`Cannot find the engine script (dist/engine.js). Run npm run build.`);
  return { url: found, typescript: false };
}
