/**
 * `hotspot`: the command-line face of the engine (DESIGN.md §4b). Each subcommand is one file in
 * electron/cli/commands/ and one entry in the table below; a command's module (and so its
 * dependencies: d3, exceljs, pptxgenjs, playwright-core…) is imported only when it runs, which keeps
 * `--help` and `--version` close to a bare `node` start (issue 15).
 */

import type { LazyCliCommand } from './command.js';
import { runCli } from './run.js';
import { APP_VERSION } from './version.js';

/** name, summary for --help, and the module imported only when the command runs. */
const commands: LazyCliCommand[] = [
  {
    name: 'generate',
    summary: 'write the seeded synthetic sample town (extracts, boundaries, ground truth)',
    load: async () => (await import('./commands/generate.js')).generateCommand,
  },
  {
    name: 'import',
    summary: 'import a partner extract (CSV, XLSX, GeoJSON) into a project',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  {
    name: 'kde',
    summary: 'kernel density surface (ESRI ASCII grid) and hotspots (GeoJSON)',
    load: async () => (await import('./commands/kde.js')).kdeCommand,
  },
  {
    name: 'gistar',
    summary: 'Getis-Ord Gi* hot and cold spots of counts per cell (ESRI ASCII grid of z-scores)',
    load: async () => (await import('./commands/gistar.js')).gistarCommand,
  },
  {
    name: 'results',
    summary: 'results analysis of an action: counts, WDQ and WDD for target, buffer and control',
    load: async () => (await import('./commands/results.js')).resultsCommand,
  },
  {
    name: 'serve',
    summary: 'serve the app to a browser on this computer (127.0.0.1 only)',
    load: async () => (await import('./commands/serve.js')).serveCommand,
  },
  {
    name: 'knox',
    summary: 'Knox near-repeat test (distance × time bands, Monte Carlo p-values)',
    load: async () => (await import('./commands/knox.js')).knoxCommand,
  },
  {
    name: 'chains',
    summary: 'near-repeat chains (series candidates) and risk zones, thresholds from the Knox test',
    load: async () => (await import('./commands/chains.js')).chainsCommand,
  },
  {
    name: 'profile',
    summary: 'write a problem profile (HTML, PDF or PPTX slides) of a hotspot, area, crime type or series',
    load: async () => (await import('./commands/profile.js')).profileCommand,
  },
  {
    name: 'tactical',
    summary: 'tactical assessment: what changed on the previous period, hotspots new or gone, live series',
    load: async () => (await import('./commands/tactical.js')).tacticalCommand,
  },
  {
    name: 'compact',
    summary: 'prune stored analysis results and compact a project file',
    load: async () => (await import('./commands/compact.js')).compactCommand,
  },
  {
    name: 'demo',
    summary: 'generate the sample town, analyse it and write a profile, slides and data exports',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
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
