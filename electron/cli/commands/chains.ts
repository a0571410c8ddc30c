/**
 * `hotspot chains`: near-repeat chains (series candidates) and risk zones of a dataset in a project
 * (DESIGN.md §4 "Near repeat", "Near-repeat chains", §4b). The same engine services as the app
 * (electron/engine/analysis/knox-service.ts, chains-service.ts, kde-service.ts), run under one job of
 * this command:
 *
 *   1. thresholds: --distance and --days when given; otherwise the Knox test of the same records
 *      (DEFAULT bands below, seeded) and its suggestion from the tightest significant cell after the
 *      false discovery rate correction, with the Knox run's metric. No significant cell → refused.
 *   2. hotspots: the kernel density hotspots of the same records (the service's defaults), so a
 *      chain with most of its events inside one is flagged hotspot-like (--no-hotspots leaves it out).
 *   3. chains and the risk zones of the events of the last `days` days up to the as-of date (--to).
 *
 * Results go to stdout (text, or one JSON object with --json), progress to stderr. Refusals (no
 * such dataset, month-only police.uk data without --month-override, too few events) exit 1 with a
 * one-line reason.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MultiPolygonCoords } from '../../../shared/analysis/hotspots/polygon.js';
import type { ThresholdSuggestion } from '../../../shared/analysis/knox/suggest-thresholds.js';
import type { ChainsRunResult } from '../../../shared/api/analysis-api.js';
import { ApiError } from '../../../shared/api/errors.js';
import { MS_PER_DAY } from '../../../shared/model/time.js';
import type { AnalysisJob } from '../../engine/analysis/analysis-job.js';
import { runChainsAnalysis } from '../../engine/analysis/chains-service.js';
import { runKdeAnalysis } from '../../engine/analysis/kde-service.js';
import { type KnoxRequest, runKnoxAnalysis } from '../../engine/analysis/knox-service.js';
import { createEngine } from '../../engine/engine.js';
import { listDatasets } from '../../engine/import/datasets.js';
import { intOption, parseCommandArgs } from '../args.js';
import { type CliCommand, type CliIo, CliRefusal, CliUsageError } from '../command.js';
import { createProgressBar } from '../progress.js';
import { APP_VERSION } from '../version.js';

/**
 * Knox bands of the default run: 200 m × 5 and 7 days × 4, each with an open last band. A chain
 * threshold can only be a band's upper edge, and 100 m edges cut series whose steps are 100–200 m
 * (the next street, the far end of one): the literature's burglary near-repeat distances reach
 * 200–400 m (Townsley, Homel & Chaseling 2003; Johnson et al. 2007), and 200 m keeps such series
 * whole while staying well inside a neighbourhood.
 */
export const DEFAULT_DISTANCE_EDGES_M = [0, 200, 400, 600, 800, 1000, null];
export const DEFAULT_TIME_EDGES_DAYS = [0, 7, 14, 21, 28, null];
/**
 * Euclidean: the distance an officer means by "within 200 m", and the risk zones are circles. The
 * chains link with the metric of the Knox run either way.
 */
export const DEFAULT_METRIC = 'euclidean';
/**
 * 999 permutations: with 99 the smallest p is 0.01, and after the Benjamini–Hochberg correction over
 * the table's 30 cells a cell needs several others at p = 0.01 to reach q < 0.05.
 */
export const DEFAULT_ITERATIONS = 999;
export const DEFAULT_SEED = 1;

const usage = `Usage: hotspot chains --project P.hsw --dataset NAME --from yyyy-mm-dd --to yyyy-mm-dd [options]

Near-repeat chains: events linked when closer than a distance and fewer than a number of days
apart; connected groups of 3 or more are series candidates. A chain of more than 20 events, over
60 days, or mostly inside a kernel density hotspot is flagged "hotspot-like: not a series" and is
not offered as linked offending. Risk zones: a buffer of the distance around each event of the
last N days up to --to, each valid until its event's date + N days.

Records:
  --project P.hsw          the project (must exist)
  --dataset NAME           the dataset's name
  --category C             keep this category (repeatable; default all)
  --from, --to             the period, inclusive dates yyyy-mm-dd
  --time-basis B           for records with a from/to window: midpoint (default) | start
  --month-override REASON  run on month-only records (e.g. police.uk) anyway; audited, and the
                           output says so

Thresholds (default: from the Knox test of the same records):
  --distance M --days N    link events closer than M metres and fewer than N days apart instead
  --metric M               with --distance/--days: euclidean (default) | manhattan
  --iterations N           Knox permutations (default ${DEFAULT_ITERATIONS}); bands 0-1000 m by 200, 0-28 days by 7
  --seed N                 Knox seed (default ${DEFAULT_SEED})

Options:
  --as-of yyyy-mm-dd       live chains and risk zones as of this date (default --to)
  --no-hotspots            do not compute kernel density hotspots (no hotspot test of chains)
  --json                   print one JSON object
  --help                   show this help`;

export const chainsCommand: CliCommand = {
  name: 'chains',
  summary: 'near-repeat chains (series candidates) and risk zones, thresholds from the Knox test',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      project: { type: 'string' },
      dataset: { type: 'string' },
      category: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
      'time-basis': { type: 'string' },
      'month-override': { type: 'string' },
      distance: { type: 'string' },
      days: { type: 'string' },
      metric: { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      'no-hotspots': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (!values.project) throw new CliUsageError('--project P.hsw is required');
    if (!values.dataset) throw new CliUsageError('--dataset NAME is required');
    if (!values.from || !values.to) throw new CliUsageError('--from and --to are required (yyyy-mm-dd)');
    const fromMs = dateOption(values.from, '--from');
    const toMs = dateOption(values.to, '--to');
    if (toMs < fromMs) throw new CliUsageError(`--to ${values.to} is before --from ${values.from}`);
    const asOf = values['as-of'] ?? values.to;
    dateOption(asOf, '--as-of');
    const timeBasis = values['time-basis'] ?? 'midpoint';
    if (timeBasis !== 'midpoint' && timeBasis !== 'start') {
      throw new CliUsageError(`--time-basis must be midpoint or start, got '${timeBasis}'`);
    }
    const explicit = explicitThresholds(values);
    const iterations = intOption(values.iterations, '--iterations', {
      min: 9,
      max: 1_000_000,
      fallback: DEFAULT_ITERATIONS,
    });
    const seed = intOption(values.seed, '--seed', { min: 0, max: 0xffffffff, fallback: DEFAULT_SEED });
    const projectPath = resolve(values.project);
    if (!existsSync(projectPath)) throw new CliRefusal(`no project at ${projectPath}`);

    const engine = createEngine({ appVersion: APP_VERSION, host: 'web' });
    const bar = createProgressBar(io, 'Chains');
    const controller = new AbortController();
    try {
      // The engine's services, as the Api handlers call them (STYLE.md 16).
      engine.session.open(projectPath);
      const datasets = listDatasets(engine.context.project().db);
      const dataset = datasets.find((d) => d.name.toLowerCase() === values.dataset!.toLowerCase());
      if (!dataset) {
        throw new CliRefusal(
          `no dataset '${values.dataset}'; the datasets are: ${datasets.map((d) => d.name).join(', ')}`,
        );
      }
      const filter: KnoxRequest['filter'] = {
        datasetIds: [dataset.id],
        ...(values.category ? { categories: values.category } : {}),
        fromMs,
        toMs: toMs + MS_PER_DAY,
      };
      const common = {
        filter,
        timeBasis,
        ...(values['month-override'] ? { monthOverride: { reason: values['month-override'] } } : {}),
      } as const;
      const ctx = engine.context;
      const job = (step: string): AnalysisJob => ({
        progress: (done, total) => bar.update(done, total, step),
        signal: controller.signal,
      });

      let thresholds: Thresholds;
      if (explicit) {
        thresholds = { ...explicit, source: 'set on the command line (--distance, --days)' };
      } else {
        const knox = await refusals(() =>
          runKnoxAnalysis(
            ctx,
            {
              ...common,
              distanceEdgesM: DEFAULT_DISTANCE_EDGES_M,
              timeEdgesDays: DEFAULT_TIME_EDGES_DAYS,
              metric: DEFAULT_METRIC,
              iterations,
              seed,
            },
            job('Knox test'),
          ),
        );
        if (!knox.suggestion) {
          throw new CliRefusal(
            `the Knox test (${knox.events} events, ${iterations} permutations, seed ${seed}) finds no significant ` +
              'near-repeat cell after the false discovery rate correction, so it suggests no thresholds; ' +
              'give --distance and --days to link events anyway',
          );
        }
        thresholds = fromSuggestion(knox.suggestion);
      }

      let hotspots: MultiPolygonCoords[] | undefined;
      let hotspotNote: string;
      if (values['no-hotspots']) {
        hotspotNote = 'Hotspot test of chains left out (--no-hotspots).';
      } else {
        const kde = await refusals(() => runKdeAnalysis(ctx, { filter, params: {} }, job('Hotspots')));
        const found = kde.hotspots.map((h): MultiPolygonCoords => [h.polygon]);
        hotspots = found;
        hotspotNote = `Hotspots: the ${found.length} kernel density hotspot${found.length === 1 ? '' : 's'} of the same records (default settings).`;
      }

      const chains = await refusals(() =>
        runChainsAnalysis(
          ctx,
          {
            ...common,
            distanceM: thresholds.distanceM,
            days: thresholds.days,
            metric: thresholds.metric,
            asOf,
            thresholdSource: thresholds.source,
            ...(hotspots ? { hotspots } : {}),
          },
          job('Chains'),
        ),
      );
      bar.finish();
      if (values.json) io.out(JSON.stringify(chainsJson(dataset.name, thresholds, chains, hotspotNote)));
      else printText(io, dataset.name, thresholds, chains, hotspotNote);
      return 0;
    } finally {
      controller.abort();
      bar.finish();
      await engine.close();
    }
  },
};

interface Thresholds {
  distanceM: number;
  days: number;
  metric: 'euclidean' | 'manhattan';
  source: string;
}

function fromSuggestion(s: ThresholdSuggestion): Thresholds {
  return { distanceM: s.distanceM, days: s.days, metric: s.metric, source: s.source };
}

type Values = Record<string, string | boolean | string[] | undefined>;

function explicitThresholds(values: Values): Omit<Thresholds, 'source'> | null {
  const given = [values.distance, values.days].filter((v) => v !== undefined).length;
  if (given === 1) throw new CliUsageError('give both --distance and --days, or neither');
  if (given === 0) {
    if (values.metric !== undefined) {
      throw new CliUsageError('--metric goes with --distance/--days; the Knox run sets the metric otherwise');
    }
    return null;
  }
  const distanceM = Number(values.distance);
  if (!(Number.isFinite(distanceM) && distanceM > 0 && distanceM <= 1_000_000)) {
    throw new CliUsageError(`--distance must be metres > 0, got '${String(values.distance)}'`);
  }
  const days = intOption(values.days as string, '--days', { min: 1, max: 100_000, fallback: 1 });
  const metric = values.metric ?? DEFAULT_METRIC;
  if (metric !== 'euclidean' && metric !== 'manhattan') {
    throw new CliUsageError(`--metric must be euclidean or manhattan, got '${String(metric)}'`);
  }
  return { distanceM, days, metric };
}

function dateOption(text: string, option: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new CliUsageError(`${option} must be a date yyyy-mm-dd, got '${text}'`);
  }
  return ms;
}

/** The engine's refusals as one-line CLI refusals, pointing at the option that overrides. */
async function refusals<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'refused' || error.code === 'invalid-argument')) {
      const hint = /month only/.test(error.message) ? ' (--month-override "reason" runs them anyway)' : '';
      throw new CliRefusal(`${error.message}${hint}`);
    }
    throw error;
  }
}

function chainsJson(dataset: string, thresholds: Thresholds, result: ChainsRunResult, hotspotNote: string) {
  return {
    dataset,
    thresholds,
    asOf: result.asOf,
    events: result.events,
    seriesCount: result.seriesCount,
    chains: result.chains.map((c) => ({
      id: c.id,
      references: c.references.map((r, k) => r ?? `record ${c.memberRecordIds[k]}`),
      originReference: c.originReference ?? `record ${c.originRecordId}`,
      events: c.size,
      firstDate: c.firstDate,
      lastDate: c.lastDate,
      spanDays: c.spanDays,
      areaM2: c.areaM2,
      live: c.live,
      flag: c.flag,
      flagReason: c.flagReason,
    })),
    zones: result.zones.map((z) => ({
      reference: z.reference ?? `record ${z.recordId}`,
      chainId: z.chainId,
      eventDate: z.eventDate,
      expiresDate: z.expiresDate,
      x: z.x,
      y: z.y,
      radiusM: z.radiusM,
    })),
    notes: [hotspotNote, ...result.notes],
  };
}

function printText(
  io: CliIo,
  dataset: string,
  thresholds: Thresholds,
  result: ChainsRunResult,
  hotspotNote: string,
): void {
  const names = (c: ChainsRunResult['chains'][number]) =>
    c.references.map((r, k) => r ?? `record ${c.memberRecordIds[k]}`).join(', ');
  const lines = [
    `Near-repeat chains: ${dataset}, ${result.events} events`,
    `Thresholds: closer than ${thresholds.distanceM} m (${thresholds.metric}) and fewer than ${thresholds.days} days apart; ${thresholds.source}`,
    '',
  ];
  const series = result.chains.filter((c) => c.flag === null);
  const flagged = result.chains.filter((c) => c.flag !== null);
  lines.push(`Series candidates (${series.length}), to check as possible linked offending:`);
  for (const c of series) {
    lines.push(
      `  Chain ${c.id}: ${c.size} events, ${c.firstDate} to ${c.lastDate} (${c.spanDays} days)` +
        `${c.live ? `, live on ${result.asOf}` : ''}: ${names(c)}`,
    );
  }
  if (series.length === 0) lines.push('  none');
  if (flagged.length > 0) {
    lines.push(
      '',
      `Hotspot-like chains (${flagged.length}), not a series and not offered as linked offending:`,
    );
    for (const c of flagged) lines.push(`  Chain ${c.id}: ${c.flagReason} (${c.firstDate} to ${c.lastDate})`);
  }
  lines.push(
    '',
    `Risk zones on ${result.asOf}: ${result.zones.length} events of the last ${result.days} days, ` +
      `a ${result.distanceM} m buffer around each until its date + ${result.days} days.`,
    '',
    hotspotNote,
    ...result.notes,
  );
  io.out(lines.join('\n'));
}
