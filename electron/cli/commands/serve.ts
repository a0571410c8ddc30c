/**
 * `hotspot serve`: opens (or creates) a project, starts the loopback web host on 127.0.0.1 and prints
 * the URL to open, then runs until SIGINT or SIGTERM and closes everything cleanly.
 */
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RemoteEngine } from '../../engine/host/engine-client.js';
import { startEngineThread } from '../../engine/host/engine-thread.js';
import { startWebHost } from '../../web-host/server.js';
import { intOption, parseCommandArgs } from '../args.js';
import { type CliCommand, type CliIo, CliRefusal } from '../command.js';
import { APP_VERSION } from '../version.js';

const usage = `Usage: hotspot serve [--project FILE.hsw] [--port N] [--open-url-file FILE]

Serves the app to a browser on this computer only (127.0.0.1), for testing and for machines without
the desktop app. Prints the URL to open on stdout; the URL carries this run's access token.

Options:
  --project FILE.hsw    project to open; created when it does not exist
  --port N              port to listen on (default 0: any free port)
  --open-url-file FILE  also write the URL to FILE (for scripts)
  --help                show this help

Stop with Ctrl+C.`;

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'serve the app to a browser on this computer (127.0.0.1 only)',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      project: { type: 'string' },
      port: { type: 'string' },
      'open-url-file': { type: 'string' },
    });
    const port = intOption(values.port, '--port', { min: 0, max: 65535, fallback: 0 });
    const rendererDir = findRendererDir();

    // The engine in its own thread: the host's event loop only passes messages (issue 14 item 4).
    const engine = startEngineThread({ appVersion: APP_VERSION, host: 'web' });
    try {
      if (values.project !== undefined) await openOrCreate(engine, resolve(values.project), io);
      const host = await startWebHost({ engine, port, rendererDir }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') {
          throw new CliRefusal(
            `port ${port} is in use: choose another with --port, or --port 0 for any free port`,
          );
        }
        throw error;
      });
      if (values['open-url-file'] !== undefined)
        await writeAtomically(values['open-url-file'], `${host.url}\n`);
      io.out(host.url);
      io.err(`hotspot serve: listening on ${host.origin} (open the URL above; Ctrl+C to stop)`);
      const signal = await waitForStopSignal();
      io.err(`hotspot serve: ${signal}, stopping`);
      await host.close();
    } finally {
      await engine.close();
    }
    return 0;
  },
};

/** Opens or creates the project through the engine's session service (in the engine's thread). */
async function openOrCreate(engine: RemoteEngine, path: string, io: CliIo): Promise<void> {
  const create = !existsSync(path);
  const envelope = await engine.command({ name: 'openProject', path, create });
  if (!envelope.ok)
    throw new CliRefusal(`cannot ${create ? 'create' : 'open'} ${path}: ${envelope.error.message}`);
  io.err(`hotspot serve: ${create ? 'created' : 'opened'} project ${path}`);
}

/** dist/renderer beside the bundled CLI (dist/cli.js), or in the repository when run from source. */
function findRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'renderer'), resolve(here, '../../../dist/renderer')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (found === undefined) throw new CliRefusal('the renderer is not built: run `npm run build` first');
  return found;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolvePromise) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolvePromise(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}
