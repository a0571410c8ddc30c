/**
 * `hotspot knox`: the Knox near-repeat test of point events (DESIGN.md §4 "Near repeat", §4b).
 * Events come from a CSV (x/y in projected metres and a date column, named by header or by 1-based
 * number; a file whose first row holds numbers in the x and y columns has no header) or from a
 * project's dataset. Bands are explicit edges or the Near Repeat Calculator preset. The Monte Carlo
 * iterations run over a worker pool (electron/engine/analysis/knox-parallel.ts), or in this process
 * with --threads 1 or when the run is too small to repay starting the pool (IN_PROCESS_MAX_SECONDS);
 * the result is the same for a given seed either way.
 */
import { assertProjectedCoordinates } from '../../../shared/analysis/knox/assert-projected.js';
import type { DistanceMetric } from '../../../shared/analysis/knox/bands.js';
import { closePairBound } from '../../../shared/analysis/knox/close-pair-bound.js';
import {
  estimateKnoxSeconds,
  estimateText,
  type KnoxEstimate,
  knoxRunEstimate,
} from '../../../shared/analysis/knox/knox-estimate.js';
import { knoxReport } from '../../../shared/analysis/knox/knox-report.js';
import {
  type KnoxOptions,
  type KnoxResult,
  type KnoxSettings,
  knoxTestOfPlan,
  planKnox,
  resolveKnoxOptions,
} from '../../../shared/analysis/knox/knox-test.js';
import { knoxText } from '../../../shared/analysis/knox/knox-text.js';
import { nrcPreset } from '../../../shared/analysis/knox/nrc-preset.js';
import { suggestThresholds } from '../../../shared/analysis/knox/suggest-thresholds.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { EventColumns } from '../../../shared/model/records.js';
import { runKnoxOnPool } from '../../engine/analysis/knox-parallel.js';
import { defaultPoolSize, WorkerPool } from '../../engine/jobs/worker-pool.js';
import { intOption, parseCommandArgs } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { chooseEventInput, eventInputOptions, refusing } from '../event-options.js';
import { createProgressBar } from '../progress.js';
import { type KnoxEventSource, readCsvEvents, readProjectDataset } from './knox-input.js';

const usage = `Usage: hotspot knox FILE.csv --x X --y Y --date D [options] (bands)
       hotspot knox --project P.hsw --dataset NAME [options] (bands)

The Knox test for near repeats: pairs of events counted by distance band × time band, against
Monte Carlo permutations of the dates (locations fixed). Bands are half-open intervals [a, b).

Input:
  FILE.csv                 events; --x/--y/--date name a header column or give a 1-based number
                           (required for a file without a header row)
  --x X, --y Y             coordinate columns, projected metres (lon/lat is refused: project first)
  --date D                 date column
  --date-format F          dd/mm/yyyy (default) | iso
  --project P.hsw          read the point records of a dataset instead (the project must exist)
  --dataset NAME           the dataset's name
  --time-basis B           for records with a from/to window: midpoint (default) | start
  --month-override REASON  run on month-only records anyway (audited; the output carries a caveat)

Bands (one of):
  --distance-edges LIST    metres, e.g. 0,1,100,200,300,inf
  --time-edges LIST        whole days, e.g. 0,7,14,21,inf
or the Near Repeat Calculator preset (Manhattan; rows 0 m (same location), (0, b), [b, 2b) … ≥ n·b;
  columns [0, t) … ≥ m·t days):
  --nrc-bandwidth B --nrc-bands N --nrc-days T --nrc-time-bands M

Options:
  --metric M               euclidean (default) | manhattan
  --iterations N           Monte Carlo permutations (default 999)
  --seed N                 0-4294967295; drawn and printed when absent, so a run can be repeated
  --early-stop H           allow stopping before --iterations once every cell has H permutations at
                           least as large as observed (sequential p-values, Besag & Clifford 1991;
                           e.g. 10); the output says where it stopped. Default: off
  --threads N              worker threads for the iterations (default: all cores, or this process
                           for a run estimated under 0.3 s; 1 = this process)
  --dry-run                find the close pairs and print the estimated time of the iterations
                           (with --json: events, closePairs, iterations, threads, seconds); no run
  --json                   print one JSON object (matrices as rows = distance bands; inf as null)
  --help                   show this help`;

export const knoxCommand: CliCommand = {
  name: 'knox',
  summary: 'Knox near-repeat test (distance × time bands, Monte Carlo p-values)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...eventInputOptions,
        date: { type: 'string' },
        'date-format': { type: 'string' },
        'time-basis': { type: 'string' },
        'month-override': { type: 'string' },
        'distance-edges': { type: 'string' },
        'time-edges': { type: 'string' },
        'nrc-bandwidth': { type: 'string' },
        'nrc-bands': { type: 'string' },
        'nrc-days': { type: 'string' },
        'nrc-time-bands': { type: 'string' },
        metric: { type: 'string' },
        iterations: { type: 'string' },
        seed: { type: 'string' },
        'early-stop': { type: 'string' },
        threads: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      true,
    );
    const options = bandOptions(values);
    options.iterations = intOption(values.iterations, '--iterations', {
      min: 1,
      max: 1_000_000,
      fallback: 999,
    });
    if (values.seed !== undefined) {
      options.seed = intOption(values.seed, '--seed', { min: 0, max: 0xffffffff, fallback: 0 });
    }
    if (values['early-stop'] !== undefined) {
      options.earlyStopExceedances = intOption(values['early-stop'], '--early-stop', {
        min: 1,
        max: options.iterations,
        fallback: 10,
      });
    }
    const threads =
      values.threads === undefined
        ? undefined
        : intOption(values.threads, '--threads', { min: 1, max: 64, fallback: 1 });

    const input = chooseEventInput(values, positionals);
    let source: KnoxEventSource;
    if ('project' in input) {
      const timeBasis = values['time-basis'] ?? 'midpoint';
      if (timeBasis !== 'midpoint' && timeBasis !== 'start') {
        throw new CliUsageError(`--time-basis must be midpoint or start, got '${timeBasis}'`);
      }
      source = await readProjectDataset(input.project, input.dataset, timeBasis, values['month-override']);
    } else {
      if (values.x === undefined || values.y === undefined || values.date === undefined) {
        throw new CliUsageError('--x, --y and --date are required');
      }
      const dateFormat = values['date-format'] ?? 'dd/mm/yyyy';
      if (dateFormat !== 'dd/mm/yyyy' && dateFormat !== 'iso') {
        throw new CliUsageError(`--date-format must be dd/mm/yyyy or iso, got '${dateFormat}'`);
      }
      source = await readCsvEvents(input.csv, { x: values.x, y: values.y, date: values.date, dateFormat });
    }
    if (source.events.x.length < 2) {
      throw new CliRefusal(
        `${source.label}: the Knox test needs at least 2 usable events, got ${source.events.x.length}`,
      );
    }
    refusing(() => assertProjectedCoordinates(source.events.x, source.events.y));
    if (source.rejected > 0) {
      io.err(`${source.rejected} of ${source.rows} rows were not used:\n  ${source.reasons.join('\n  ')}`);
    }

    if (values['dry-run']) {
      const estimate = refusing(() => estimateRun(source.events, options, threads));
      io.out(values.json ? JSON.stringify({ source: source.label, ...estimate }) : `${estimate.text}.`);
      return 0;
    }
    const bar = createProgressBar(io, 'Knox test');
    let result: KnoxResult;
    try {
      const sayEstimate = (seconds: number) => {
        if (io.interactive) io.err(`Monte Carlo iterations: ${estimateText(seconds)}`);
      };
      result = await computeKnox(source.events, options, threads, bar.update, sayEstimate);
    } finally {
      bar.finish();
    }
    const report = knoxReport(result, source.notes);
    const suggestion = suggestThresholds(report);
    if (values.json) {
      io.out(JSON.stringify({ source: source.label, ...report, rowsRejected: source.rejected, suggestion }));
    } else {
      io.out(knoxText(source.label, report, suggestion));
    }
    return 0;
  },
};

type Values = Record<string, string | boolean | undefined>;

function bandOptions(values: Values): KnoxOptions {
  const explicit = values['distance-edges'] !== undefined || values['time-edges'] !== undefined;
  const nrcKeys = ['nrc-bandwidth', 'nrc-bands', 'nrc-days', 'nrc-time-bands'];
  const nrcGiven = nrcKeys.filter((k) => values[k] !== undefined);
  if (explicit && nrcGiven.length > 0)
    throw new CliUsageError('give either --distance-edges/--time-edges or --nrc-*, not both');
  const metric = metricOption(values.metric);
  if (nrcGiven.length > 0) {
    const missing = nrcKeys.filter((k) => values[k] === undefined);
    if (missing.length > 0)
      throw new CliUsageError(`the NRC preset also needs ${missing.map((k) => `--${k}`).join(', ')}`);
    if (metric !== undefined && metric !== 'manhattan') {
      throw new CliUsageError('the NRC preset uses Manhattan distance; leave out --metric or give manhattan');
    }
    const preset = refusing(() =>
      nrcPreset({
        bandwidthM: numberOption(values['nrc-bandwidth'] as string, '--nrc-bandwidth'),
        distanceBands: intOption(values['nrc-bands'], '--nrc-bands', { min: 1, max: 100, fallback: 1 }),
        timeBandDays: intOption(values['nrc-days'], '--nrc-days', { min: 1, max: 100_000, fallback: 1 }),
        timeBands: intOption(values['nrc-time-bands'], '--nrc-time-bands', { min: 1, max: 100, fallback: 1 }),
      }),
    );
    return { ...preset };
  }
  if (values['distance-edges'] === undefined || values['time-edges'] === undefined) {
    throw new CliUsageError('give --distance-edges and --time-edges, or the --nrc-* preset');
  }
  return {
    distanceEdgesM: edgeList(values['distance-edges'] as string, '--distance-edges'),
    timeEdgesDays: edgeList(values['time-edges'] as string, '--time-edges'),
    metric: metric ?? 'euclidean',
  };
}

function metricOption(value: string | boolean | undefined): DistanceMetric | undefined {
  if (value === undefined) return undefined;
  if (value !== 'euclidean' && value !== 'manhattan') {
    throw new CliUsageError(`--metric must be euclidean or manhattan, got '${String(value)}'`);
  }
  return value;
}

/** "0,1,100,inf" → [0, 1, 100, Infinity]; order and ranges are checked by the analysis. */
export function edgeList(text: string, option: string): number[] {
  return text.split(',').map((part) => {
    const item = part.trim().toLowerCase();
    if (item === 'inf' || item === 'infinity') return Infinity;
    const value = Number(item);
    if (item === '' || !Number.isFinite(value)) {
      throw new CliUsageError(
        `${option} must be numbers separated by commas (inf allowed last), got '${text}'`,
      );
    }
    return value;
  });
}

function numberOption(text: string, option: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new CliUsageError(`${option} must be a number, got '${text}'`);
  return value;
}

/**
 * Below this many estimated seconds of iterations on one thread, a run without --threads stays in
 * this process: starting the pool (a thread per core, each loading the engine's bundle, ~0.15 s of
 * wall and ~0.3 s of CPU on our two-core machine) costs more than the second thread saves, which is
 * at most half of the iterations' time. Chicago 2014 with 99 iterations is ~0.03 s of iterations.
 */
const IN_PROCESS_MAX_SECONDS = 0.3;

/**
 * The threads a run uses: --threads when given, else this process for a run whose iterations are
 * estimated under IN_PROCESS_MAX_SECONDS on one thread, judged before the plan from an upper bound
 * on its close pairs (close-pair-bound.ts), so a large run builds its plan once, on the pool.
 */
function runThreads(events: EventColumns, settings: KnoxSettings, threads: number | undefined): number {
  if (threads !== undefined) return threads;
  const bound = closePairBound(events.x, events.y, settings.distanceEdgesM);
  return oneThreadSeconds(events.x.length, bound, settings) < IN_PROCESS_MAX_SECONDS ? 1 : defaultPoolSize();
}

/** The estimated seconds of the iterations on one thread (knox-estimate.ts; no words, no Intl). */
function oneThreadSeconds(events: number, closePairs: number, settings: KnoxSettings): number {
  const timeBands = settings.timeEdgesDays.length - 1;
  return estimateKnoxSeconds({ events, closePairs, iterations: settings.iterations, threads: 1, timeBands });
}

/** The close pairs (the plan, built in this process) and the estimated time of the iterations. */
function estimateRun(events: EventColumns, options: KnoxOptions, threads: number | undefined): KnoxEstimate {
  const settings = resolveKnoxOptions(options);
  const plan = planKnox(events, settings);
  const counts = { events: plan.eventCount, closePairs: plan.pairs.length };
  return knoxRunEstimate(counts, settings, runThreads(events, settings, threads));
}

/** The run: in this process (runThreads 1), else the same runKnoxOnPool as the Api's service. */
async function computeKnox(
  events: EventColumns,
  options: KnoxOptions,
  threads: number | undefined,
  progress: (done: number, total: number) => void,
  onEstimate: (seconds: number) => void,
): Promise<KnoxResult> {
  const settings = refusing(() => resolveKnoxOptions(options));
  const size = runThreads(events, settings, threads);
  if (size === 1) {
    const plan = refusing(() => planKnox(events, settings));
    onEstimate(oneThreadSeconds(plan.eventCount, plan.pairs.length, settings));
    return refusing(() => knoxTestOfPlan(settings, plan, events.day, progress));
  }
  const pool = new WorkerPool({ size });
  try {
    return await runKnoxOnPool(pool, events, settings, { onProgress: progress, onEstimate });
  } catch (error) {
    if (error instanceof RangeError || error instanceof ApiError) throw new CliRefusal(error.message);
    throw error;
  } finally {
    await pool.close();
  }
}
