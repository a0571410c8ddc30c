/**
 * `hotspot results`: the results analysis of an action (issue 13 items 6, 8; DESIGN.md §4 "Results
 * analysis"): counts in the target, the buffer (outside the target) and the control before and after,
 * the WDQ with its reading and the WDD with its standard error and 95 % interval, from a project's
 * dataset (optionally some categories) and three GeoJSON areas. The counting rule, the statistics and
 * the caveats are shared/analysis/results'; this file reads the inputs and prints.
 * A period the data do not cover (shared/analysis/compare/coverage.ts) is refused, never counted as 0.
 * The output carries the project's protective marking (first and last line; `marking` in --json).
 */
import { basename, resolve } from 'node:path';
import { covers, dataCoverage } from '../../../shared/analysis/compare/coverage.js';
import { midpointTimes, spanDays, type TimeSpan } from '../../../shared/analysis/compare/periods.js';
import { countResultAreas } from '../../../shared/analysis/results/area-counts.js';
import { describeChange, resultsAnalysis } from '../../../shared/analysis/results/results-analysis.js';
import { PRECISION_CODE, ukDate } from '../../../shared/model/time.js';
import { projectMarking } from '../../engine/project/actions.js';
import { parseCommandArgs } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { datasetLabel, readDatasetRecords } from '../event-input.js';
import { refusing } from '../event-options.js';
import { parsePeriod, readAreaGeoJson } from './results-input.js';

const usage = `Usage: hotspot results --project P.hsw --dataset NAME [--category C …] --target T.geojson
         --buffer B.geojson --control C.geojson --before yyyy-mm-dd..yyyy-mm-dd
         --after yyyy-mm-dd..yyyy-mm-dd [--json]

Did an action work, and where did crime go? Counts events in the target, the buffer around it (the
part outside the target) and a control area, before and after (both days of each period included;
an event counts by its window's midpoint), then gives the Weighted Displacement Quotient (Bowers &
Johnson 2003) with its reading and the Weighted Displacement Difference (Wheeler & Ratcliffe 2018)
with its standard error and 95 % interval.

  --project P.hsw      the project (it must exist)
  --dataset NAME       the dataset's name
  --category C         count only this category (repeat for several)
  --target, --buffer, --control FILE.geojson   the areas, RFC 7946 GeoJSON in WGS84 lon/lat
  --before, --after    the periods, yyyy-mm-dd..yyyy-mm-dd
  --json               print one JSON object instead of text
  --help               show this help`;

export const resultsCommand: CliCommand = {
  name: 'results',
  summary: 'results analysis of an action: counts, WDQ and WDD for target, buffer and control',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      project: { type: 'string' },
      dataset: { type: 'string' },
      category: { type: 'string', multiple: true },
      target: { type: 'string' },
      buffer: { type: 'string' },
      control: { type: 'string' },
      before: { type: 'string' },
      after: { type: 'string' },
      json: { type: 'boolean' },
    });
    for (const name of ['project', 'dataset', 'target', 'buffer', 'control', 'before', 'after'] as const) {
      if (values[name] === undefined) throw new CliUsageError(`--${name} is required`);
    }
    const periods = {
      before: parsePeriod(values.before as string, '--before'),
      after: parsePeriod(values.after as string, '--after'),
    };
    const projectPath = resolve(values.project as string);
    const dataset = values.dataset as string;
    const categories = values.category ?? [];

    const input = readDatasetRecords(projectPath, dataset, 'results', (project, columns) => {
      const known = new Set(columns.categories);
      const unknown = categories.filter((c) => !known.has(c));
      if (unknown.length > 0)
        throw new CliRefusal(
          `${dataset} has no category ${unknown.map((c) => `'${c}'`).join(', ')}; its categories are ${columns.categories.join(', ')}`,
        );
      const keep =
        categories.length === 0 ? null : new Set(categories.map((c) => columns.categories.indexOf(c)));
      const picked: number[] = [];
      for (let i = 0; i < columns.count; i++) if (!keep || keep.has(columns.categoryCode[i]!)) picked.push(i);
      const pick = (a: Float64Array) => Float64Array.from(picked, (i) => a[i]!);
      return {
        marking: projectMarking(project.db),
        crs: project.crs,
        x: pick(columns.x),
        y: pick(columns.y),
        fromMs: pick(columns.fromMs),
        toMs: pick(columns.toMs),
        monthOnly: picked.some((i) => columns.precision[i] === PRECISION_CODE.month),
        coverage: dataCoverage(columns.fromMs, columns.toMs),
      };
    });
    for (const [name, span] of Object.entries(periods) as [string, TimeSpan][]) {
      if (!covers(input.coverage, span))
        throw new CliRefusal(
          `the data do not cover the ${name} period (${periodText(span)}): choose dates inside the dataset's extract, with no month missing`,
        );
    }
    const areas = {
      target: await readAreaGeoJson(values.target as string, input.crs, '--target'),
      buffer: await readAreaGeoJson(values.buffer as string, input.crs, '--buffer'),
      control: await readAreaGeoJson(values.control as string, input.crs, '--control'),
    };
    const timeMs = midpointTimes(input.fromMs, input.toMs);
    const counted = refusing(() => countResultAreas({ x: input.x, y: input.y, timeMs }, areas, periods));
    const result = resultsAnalysis(counted, {
      before: spanDays(periods.before),
      after: spanDays(periods.after),
    });
    if (input.monthOnly && !(monthAligned(periods.before) && monthAligned(periods.after)))
      result.caveats.push(
        'Some records are dated to the month only and the periods do not start and end on month boundaries: those records count by the middle of their month.',
      );

    if (values.json) {
      io.out(
        JSON.stringify({
          marking: input.marking,
          input: datasetLabel(projectPath, dataset),
          categories,
          periods: {
            before: { from: periodDay(periods.before.fromMs), to: periodDay(periods.before.toMs - 1) },
            after: { from: periodDay(periods.after.fromMs), to: periodDay(periods.after.toMs - 1) },
          },
          counts: result.counts,
          wdq: result.wdq.wdq,
          wdqReading: result.wdq.text,
          successMeasure: result.wdq.successMeasure,
          displacementMeasure: result.wdq.displacementMeasure,
          wdd: {
            estimate: result.wdd.estimate,
            se: result.wdd.se,
            ci95: result.wdd.ci95,
            p: result.wdd.p,
            sharedControl: result.wdd.sharedControl,
          },
          caveats: result.caveats,
        }),
      );
      return 0;
    }
    const c = result.counts;
    const lines = [
      input.marking,
      `Results analysis: ${datasetLabel(projectPath, dataset)}${categories.length > 0 ? ` (${categories.join(', ')})` : ''}`,
      `Before ${periodText(periods.before)}; after ${periodText(periods.after)}`,
      `  Target (${basename(values.target as string)}):  ${describeChange(c.target)}`,
      `  Buffer (${basename(values.buffer as string)}, outside the target):  ${describeChange(c.buffer)}`,
      `  Control (${basename(values.control as string)}):  ${describeChange(c.control)}`,
      `Weighted Displacement Quotient: ${result.wdq.wdq === null ? 'not computed' : result.wdq.wdq.toFixed(2)}. ${result.wdq.text}`,
      `Weighted Displacement Difference: ${result.wddText}`,
      ...result.caveats.map((text) => `Caveat: ${text}`),
      input.marking,
    ];
    io.out(lines.join('\n'));
    return 0;
  },
};

function periodDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function periodText(span: TimeSpan): string {
  return `${ukDate(span.fromMs)} to ${ukDate(span.toMs - 1)}`;
}

function monthAligned(span: TimeSpan): boolean {
  const starts = (ms: number) => new Date(ms).getUTCDate() === 1 && ms % 86_400_000 === 0;
  return starts(span.fromMs) && starts(span.toMs);
}
