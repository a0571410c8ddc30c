/**
 * The engine in an Electron utility process (issue 14 item 4): main only brokers windows, dialogs
 * and IPC, and forwards Api calls and events by message passing (electron/engine/host/). The child
 * runs dist/engine.js, the same entry the web host runs in a worker thread; main answers its print
 * requests with printToPDF, which needs a BrowserWindow and so stays here.
 */
import { utilityProcess } from 'electron';
import { connectEngine, type HostServices, type RemoteEngine } from '../engine/host/engine-client.js';
import type { EngineHostOptions, FromEngine } from '../engine/host/protocol.js';

export function startEngineProcess(
  script: string,
  options: EngineHostOptions,
  services: HostServices,
): RemoteEngine {
  const child = utilityProcess.fork(script, [JSON.stringify(options)], {
    serviceName: 'Hotspot Workbench engine',
    stdio: 'inherit',
  });
  const engine = connectEngine(
    {
      post: (message) => child.postMessage(message),
      listen: (listener) => child.on('message', (message: FromEngine) => listener(message)),
    },
    services,
  );
  child.on('exit', (code) =>
    engine.fail(`The engine stopped (exit code ${code}). Restart Hotspot Workbench.`),
  );
  return {
    ...engine,
    close: async () => {
      await engine.close();
      child.kill();
    },
  };
}
