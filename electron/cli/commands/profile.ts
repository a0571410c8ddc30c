/**
 * `hotspot profile`: a problem profile of a hotspot, an area, a crime type or a near-repeat series
 * from a project, written as HTML, PDF or PPTX slides (issue 6 item 5). The same engine services and
 * analyses as the app's Api handlers call: results come from the project's analysis cache when nothing changed, and the
 * profile (with any analyst text already saved for it in the app) is stored in the project.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { createEngine } from '../../engine/engine.js';
import { printHtmlToPdf } from '../../engine/export/print-pdf.js';
import { listDatasets } from '../../engine/import/datasets.js';
import { buildProfileJob, exportProfileJob } from '../../engine/profile/profile-jobs.js';
import { ProfileService } from '../../engine/profile/profile-service.js';
import { intOption, parseCommandArgs } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { createProgressBar } from '../progress.js';
import { APP_VERSION } from '../version.js';

const usage = `Usage: hotspot profile --project P.hsw --subject SUBJECT --from yyyy-mm-dd --to yyyy-mm-dd
                       --out FILE.html|.pdf|.pptx [options]

Builds a problem profile (NIM, SARA order: scanning, analysis, response, assessment) and writes it.

  --subject S        hotspot:N   hotspot N of the period's density run (1 = most events)
                     area:NAME   a boundary feature by name or code (e.g. area:Abbey Fields)
                     category:NAME  a crime or incident category (e.g. category:Burglary)
                     chain:ID    near-repeat series ID of the period (links < 200 m and < 7 days)
  --from, --to       the period, inclusive dates; the previous period and the same period last
                     year are compared automatically
  --out FILE         .html (one self-contained file), .pdf (needs Chromium) or .pptx (16:9 slides)

Options:
  --marking TEXT     protective marking on every page and slide (default OFFICIAL)
  --title TEXT       title (default "Problem profile: <subject>")
  --author TEXT      author on the front page
  --reference TEXT   reference number
  --dataset NAME     limit to a dataset (repeatable; default every dataset)
  --category NAME    limit to a category (repeatable)
  --iterations N     Knox permutations (default 999)
  --seed N           Knox seed (default fixed, so the profile is reproducible)
  --profile-id N     rebuild a stored profile (keeps the analyst's text)
  --json             print one JSON object (file, bytes, profile id, headlines)
  --help             show this help`;

export const profileCommand: CliCommand = {
  name: 'profile',
  summary: 'write a problem profile (HTML, PDF or PPTX slides) of a hotspot, area, crime type or series',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      project: { type: 'string' },
      subject: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      marking: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      reference: { type: 'string' },
      dataset: { type: 'string', multiple: true },
      category: { type: 'string', multiple: true },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      'profile-id': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.project) throw new CliUsageError('--project P.hsw is required');
    if (!values.out) throw new CliUsageError('--out FILE.html|.pdf|.pptx is required');
    const profileId =
      values['profile-id'] === undefined
        ? undefined
        : intOption(values['profile-id'], '--profile-id', { min: 1, max: 2 ** 31, fallback: 1 });
    if (profileId === undefined && (!values.subject || !values.from || !values.to)) {
      throw new CliUsageError(
        '--subject, --from and --to are required (or --profile-id to rebuild a stored profile)',
      );
    }
    for (const [name, value] of [
      ['--from', values.from],
      ['--to', values.to],
    ] as const) {
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw new CliUsageError(`${name} must be yyyy-mm-dd, got '${value}'`);
    }
    const format = extname(values.out).slice(1).toLowerCase();
    if (format !== 'html' && format !== 'pdf' && format !== 'pptx') {
      throw new CliUsageError(`--out must end in .html, .pdf or .pptx, got '${values.out}'`);
    }
    const projectPath = resolve(values.project);
    if (!existsSync(projectPath)) throw new CliRefusal(`no project at ${projectPath}`);
    const outPath = resolve(values.out);
    const iterations =
      values.iterations === undefined
        ? undefined
        : intOption(values.iterations, '--iterations', { min: 9, max: 99_999, fallback: 999 });
    const seed =
      values.seed === undefined
        ? undefined
        : intOption(values.seed, '--seed', { min: 0, max: 0xffffffff, fallback: 0 });

    const engine = createEngine({ appVersion: APP_VERSION, host: 'web' });
    const bar = createProgressBar(io, 'Profile');
    const id = `cli-profile-${randomBytes(6).toString('hex')}`;
    const stop = engine.events.subscribe((event) => {
      if (event.type === 'job' && event.job.id === id)
        bar.update(event.job.done, event.job.total, event.job.message ?? '');
    });
    try {
      // The engine's services, as the Api handlers call them (STYLE.md 16); building and exporting
      // run as tracked jobs (the job list, cancel, progress events).
      const ctx = engine.context;
      const profiles = new ProfileService({ ctx, printPdf: printHtmlToPdf });
      engine.session.open(projectPath);
      let scope: { datasetIds?: number[]; categories?: string[] } | undefined;
      if (values.dataset || values.category) {
        scope = {};
        if (values.dataset) {
          const datasets = listDatasets(ctx.project().db);
          scope.datasetIds = values.dataset.map((name) => {
            const found = datasets.find((d) => d.name.toLowerCase() === name.toLowerCase());
            if (!found)
              throw new CliRefusal(
                `no dataset '${name}'; the datasets are: ${datasets.map((d) => d.name).join(', ')}`,
              );
            return found.id;
          });
        }
        if (values.category) scope.categories = values.category;
      }
      const front = {
        ...(values.marking ? { marking: values.marking } : {}),
        ...(values.title ? { title: values.title } : {}),
        ...(values.author ? { author: values.author } : {}),
        ...(values.reference ? { reference: values.reference } : {}),
      };
      const doc = await buildProfileJob(ctx, profiles, {
        jobId: id,
        ...(profileId !== undefined ? { profileId } : {}),
        ...(values.subject ? { subject: values.subject } : {}),
        ...(values.from && values.to ? { period: { from: values.from, to: values.to } } : {}),
        ...(Object.keys(front).length > 0 ? { front } : {}),
        ...(scope ? { scope } : {}),
        ...(iterations !== undefined || seed !== undefined
          ? {
              options: {
                ...(iterations !== undefined ? { knoxIterations: iterations } : {}),
                ...(seed !== undefined ? { seed } : {}),
              },
            }
          : {}),
      });
      bar.finish();
      const result = await exportProfileJob(ctx, profiles, {
        jobId: `${id}-export`,
        profileId: doc.id,
        format,
        ...(values.marking ? { marking: values.marking } : {}),
        targetPath: outPath,
      });
      if (values.json) {
        io.out(
          JSON.stringify({
            file: result.path,
            bytes: result.bytes,
            profileId: doc.id,
            title: doc.model.front.title,
            headlines: doc.model.headlines,
          }),
        );
      } else {
        io.out(
          `Wrote ${result.path} (${(result.bytes / 1024).toFixed(0)} KB), profile ${doc.id} in ${projectPath}`,
        );
        for (const line of doc.model.headlines) io.out(`- ${line}`);
      }
      return 0;
    } finally {
      stop();
      bar.finish();
      await engine.close();
    }
  },
};
