/**
 * `hotspot compact --project P.hsw`: prunes the project's stored analyses (the latest of each kind
 * and those of saved profiles are kept) and VACUUMs the file (engine/project/compact.ts, the same
 * service as the app's "Compact project").
 */
import { existsSync } from 'node:fs';
import { compactMessage, compactProject } from '../../engine/project/compact.js';
import { openProject } from '../../engine/project/open-project.js';
import { parseCommandArgs } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { refusing } from '../event-options.js';

const usage = `Usage: hotspot compact --project P.hsw [--json]

Removes stored analysis results the project no longer needs (keeps the latest of each kind and
those saved profiles were built from; anything removed is recomputed when asked for again), then
compacts the file. Recorded in the project's audit log.

  --project P.hsw   the project file (must exist)
  --json            print one JSON object instead of text
  --help            show this help`;

export const compactCommand: CliCommand = {
  name: 'compact',
  summary: 'prune stored analysis results and compact a project file',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      project: { type: 'string' },
      json: { type: 'boolean' },
    });
    const path = values.project;
    if (typeof path !== 'string') throw new CliUsageError('--project P.hsw is required');
    if (!existsSync(path)) throw new CliRefusal(`no project at ${path}: check the path`);
    const project = refusing(() => openProject(path));
    try {
      for (const warning of project.info().warnings ?? []) io.err(`Warning: ${warning}`);
      const result = refusing(() => compactProject(project));
      io.out(values.json ? JSON.stringify(result) : compactMessage(result));
      return 0;
    } finally {
      project.close();
    }
  },
};
