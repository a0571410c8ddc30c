/**
 * `hotspot`: the command-line face of the engine (DESIGN.md §4b). Each subcommand is one file in
 * electron/cli/commands/ and one line in the table below.
 */

import type { CliCommand } from './command.js';
import { chainsCommand } from './commands/chains.js';
import { demoCommand } from './commands/demo.js';
import { generateCommand } from './commands/generate.js';
import { gistarCommand } from './commands/gistar.js';
import { importCommand } from './commands/import.js';
import { kdeCommand } from './commands/kde.js';
import { knoxCommand } from './commands/knox.js';
import { profileCommand } from './commands/profile.js';
import { serveCommand } from './commands/serve.js';
import { runCli } from './run.js';
import { APP_VERSION } from './version.js';

const commands: CliCommand[] = [
  generateCommand,
  importCommand,
  kdeCommand,
  gistarCommand,
  serveCommand,
  knoxCommand,
  chainsCommand,
  profileCommand,
  demoCommand,
];

const exitCode = await runCli(
  {
    name: 'hotspot',
    version: APP_VERSION,
    description: 'offline hotspot and near-repeat analysis for crime and disorder analysts',
    commands,
  },
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    interactive: process.stderr.isTTY === true,
  },
);
process.exitCode = exitCode;
