/**
 * `hotspot tactical`: the tactical assessment of a period from a project (issue 13 item 1), for
 * scripted monthly runs: what changed on the previous period and the same period last year, hotspots
 * classed new / persisting / grown / shrunk / gone, new and live series; written as a marked HTML, PDF
 * or PPTX file and/or printed as JSON. The same engine and service as the app's Tactical panel.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { TacticalResult } from '../../../shared/api/tactical-api.js';
import { writeTacticalFile } from '../../engine/analysis/tactical-file.js';
import { runTacticalAssessment } from '../../engine/analysis/tactical-service.js';
import { createEngine } from '../../engine/engine.js';
import { listDatasets } from '../../engine/import/datasets.js';
import { projectMarking } from '../../engine/project/actions.js';
import { parseCommandArgs } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { createProgressBar } from '../progress.js';
import { APP_VERSION } from '../version.js';

const usage = `Usage: hotspot tactical --project P.hsw --dataset NAME [--category C …]
                        --from yyyy-mm-dd --to yyyy-mm-dd [--out FILE.html|.pdf|.pptx] [--json]

Compares the period with the one of the same length before it and the same dates last year: counts
by category and by area (exact test, Benjamini–Hochberg across each table), hotspots of both periods
on one grid classed by outline overlap (with the Jaccard index), the density difference, and
near-repeat series that started or are still live.

  --project P.hsw    the project
  --dataset NAME     dataset to assess (repeatable)
  --category C       limit to a category (repeatable; default every category)
  --from, --to       the period, inclusive dates
  --out FILE         write the assessment: .html, .pdf (needs Chromium) or .pptx
  --marking TEXT     protective marking (default the project's, else OFFICIAL)
  --json             print the result as one JSON object (coordinates in the project CRS), with its marking
  --help             show this help`;

/** The JSON of --json: the protective marking, the hotspots' classes and the comparison tables, no grids. */
function jsonOf(result: TacticalResult, marking: string): unknown {
  const { density, ...rest } = result;
  return {
    marking,
    ...rest,
    hotspots: result.hotspots.map(({ polygonWgs84: _wgs84, ...h }) => h),
    density: density
      ? {
          kernel: density.kernel,
          cellSizeM: density.cellSizeM,
          bandwidthM: density.bandwidthM,
          largestRise: density.largestRise,
          largestFall: density.largestFall,
        }
      : null,
  };
}

export const tacticalCommand: CliCommand = {
  name: 'tactical',
  summary: 'tactical assessment: what changed on the previous period, hotspots new or gone, live series',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      project: { type: 'string' },
      dataset: { type: 'string', multiple: true },
      category: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      marking: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.project) throw new CliUsageError('--project P.hsw is required');
    if (!values.dataset || values.dataset.length === 0) throw new CliUsageError('--dataset NAME is required');
    for (const [name, value] of [
      ['--from', values.from],
      ['--to', values.to],
    ] as const) {
      if (!value) throw new CliUsageError(`${name} yyyy-mm-dd is required`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw new CliUsageError(`${name} must be yyyy-mm-dd, got '${value}'`);
    }
    if (values.to! < values.from!)
      throw new CliUsageError(`--to ${values.to} is before --from ${values.from}`);
    const format = values.out ? extname(values.out).slice(1).toLowerCase() : null;
    if (format !== null && format !== 'html' && format !== 'pdf' && format !== 'pptx')
      throw new CliUsageError(`--out must end in .html, .pdf or .pptx, got '${values.out}'`);
    if (!values.out && !values.json) throw new CliUsageError('give --out FILE or --json (or both)');
    const projectPath = resolve(values.project);
    if (!existsSync(projectPath)) throw new CliRefusal(`no project at ${projectPath}`);

    const engine = createEngine({ appVersion: APP_VERSION, host: 'web' });
    const bar = createProgressBar(io, 'Tactical');
    const id = `cli-tactical-${randomBytes(6).toString('hex')}`;
    const stop = engine.events.subscribe((event) => {
      if (event.type === 'job' && event.job.id.startsWith(id))
        bar.update(event.job.done, event.job.total, event.job.message ?? '');
    });
    try {
      engine.session.open(projectPath);
      const ctx = engine.context;
      const datasets = listDatasets(ctx.project().db);
      const datasetIds = values.dataset.map((name) => {
        const found = datasets.find((d) => d.name.toLowerCase() === name.toLowerCase());
        if (!found)
          throw new CliRefusal(
            `no dataset '${name}'; the datasets are: ${datasets.map((d) => d.name).join(', ')}`,
          );
        return found.id;
      });
      const input = {
        datasetIds,
        ...(values.category ? { categories: values.category } : {}),
        from: values.from!,
        to: values.to!,
      };
      const result = await ctx.jobs.track(id, 'tactical', 'Tactical assessment', (progress, signal) =>
        runTacticalAssessment(ctx, input, { progress, signal }),
      );
      const marking = values.marking ?? projectMarking(ctx.project().db);
      let written: string | null = null;
      if (values.out && format) {
        const file = await writeTacticalFile(ctx, result, { format, marking, path: resolve(values.out) });
        written = `Wrote ${file.path} (${(file.data.byteLength / 1024).toFixed(0)} KB, marked ${file.marking})`;
      }
      bar.finish();
      if (values.json) io.out(JSON.stringify(jsonOf(result, marking)));
      else {
        const count = (s: string) => result.hotspots.filter((h) => h.status === s).length;
        io.out(
          `${marking}\n${result.total.current} events; hotspots: ${count('new')} new, ${count('grown')} grown, ${count('persisting')} persisting, ${count('shrunk')} shrunk, ${count('gone')} gone`,
        );
      }
      if (written) io.err(written);
      return 0;
    } finally {
      stop();
      bar.finish();
      await engine.close();
    }
  },
};
