/**
 * `hotspot kde`: a kernel density surface of point events written as an ESRI ASCII grid, and
 * optionally its hotspots as GeoJSON (DESIGN.md §4 "Kernel density", "Hotspot classes", §4b).
 * Events come from a CSV (columns by header name or 1-based number; a file whose first row holds
 * numbers in the x and y columns has no header) or from a project's dataset. The surface, the test
 * and the hotspots run on a worker pool through the same function as the app's runKde
 * (electron/engine/analysis/kde-on-pool.ts), so they follow the same rules (DESIGN.md §4 "Study
 * area", "Hotspot classes"): events outside the study area (the grid's rectangle) are left out of the
 * surface and of N, thresholds are over all cells of the study area, and a hotspot needs
 * ≥ --min-events events and p < 0.05 against complete spatial randomness (--iterations simulations,
 * --seed). The grid is written in chunks of rows (esriAsciiGridChunks).
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { esriAsciiGridChunks } from '../../../shared/analysis/grid-io/esri-ascii.js';
import { prjFor, prjPathFor } from '../../../shared/analysis/grid-io/prj.js';
import { DEFAULT_CSR_SEED } from '../../../shared/analysis/hotspots/csr-test.js';
import type { HotspotResult } from '../../../shared/analysis/hotspots/hotspots.js';
import { DEFAULT_MIN_EVENTS } from '../../../shared/analysis/hotspots/support.js';
import type { ThresholdSpec } from '../../../shared/analysis/hotspots/thresholds.js';
import type { KdeSurface } from '../../../shared/analysis/kde/kde.js';
import { KERNEL_NAMES, type KernelName } from '../../../shared/analysis/kde/kernels.js';
import type { KdeOptions } from '../../../shared/analysis/kde/plan.js';
import { ApiError } from '../../../shared/api/errors.js';
import { rightHandRule } from '../../../shared/profile/exports/rings.js';
import { formatCount, formatNumber } from '../../../shared/profile/format.js';
import { type KdeOnPoolResult, kdeOnPool } from '../../engine/analysis/kde-on-pool.js';
import { WorkerPool } from '../../engine/jobs/worker-pool.js';
import { extentOption, parseCommandArgs, positiveNumber } from '../args.js';
import { type CliCommand, type CliIo, CliRefusal, CliUsageError } from '../command.js';
import { chooseEventInput, type EventInput, eventInputOptions } from '../event-options.js';
import { createProgressBar } from '../progress.js';
import { type KdeEventSource, readCsvEvents, readProjectDataset } from './kde-input.js';

const usage = `Usage: hotspot kde FILE.csv --x X --y Y [options] --out surface.asc
       hotspot kde --project P.hsw --dataset NAME [options] --out surface.asc

Kernel density of point events in events per km², written as an ESRI ASCII grid (rows north to
south, lower-left origin, values at cell centres), with an optional GeoJSON of hotspots.

Input:
  FILE.csv             events with x/y in projected metres; --x/--y/--weight name a header column
                       or give a 1-based column number (required for a file without a header row)
  --x X, --y Y         the coordinate columns
  --weight W           weight column (e.g. KSI counts); default 1 per event
  --crs CODE           CRS of the CSV's x/y, for the GeoJSON's lon/lat (default EPSG:27700)
  --project P.hsw      read the point records of a dataset instead (the project must exist)
  --dataset NAME       the dataset's name

Surface:
  --cell M             cell size in metres (default: shorter side of the events' box / 150)
  --bandwidth M        bandwidth in metres (default: 5 cells; the data-driven suggestion is printed)
  --kernel K           ${KERNEL_NAMES.join(' | ')} (default quartic)
  --extent minx,miny,maxx,maxy   grid extent and study area (default: events' box padded by the
                       bandwidth); events outside it are always left out and counted
  --exclude-outside    accepted for older scripts: events outside --extent are always left out
  --out FILE.asc       the ESRI ASCII grid to write (its CRS goes beside it in FILE.prj)

Hotspots:
  --hotspots FILE.geojson        hotspot polygons (WGS84) with their facts, numbered by events
  --threshold SPEC               mean-multiple:3 (default) | mean-multiple:1,2,3 | mean-sd:1,2 |
                                 quantile:0.9,0.99 | natural-breaks:5, over all cells of the study
                                 area; hotspots are the parts of the lowest class given
  --threshold-cells non-zero     take the thresholds over the non-zero cells only (named as such)
  --min-events N                 fewest events a hotspot may hold (default ${DEFAULT_MIN_EVENTS})
  --iterations N                 simulations of the test against complete spatial randomness
                                 (default 99; 0 for no test); hotspots need p < 0.05
  --seed N                       seed of the simulations (default ${DEFAULT_CSR_SEED})
  --json                         print one JSON object instead of text
  --help                         show this help`;

export const kdeCommand: CliCommand = {
  name: 'kde',
  summary: 'kernel density surface (ESRI ASCII grid) and hotspots (GeoJSON)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...eventInputOptions,
        weight: { type: 'string' },
        crs: { type: 'string' },
        cell: { type: 'string' },
        bandwidth: { type: 'string' },
        kernel: { type: 'string' },
        extent: { type: 'string' },
        'exclude-outside': { type: 'boolean' },
        out: { type: 'string' },
        hotspots: { type: 'string' },
        threshold: { type: 'string' },
        'threshold-cells': { type: 'string' },
        'min-events': { type: 'string' },
        iterations: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    if (values.out === undefined) throw new CliUsageError('--out FILE.asc is required');
    for (const name of ['threshold', 'threshold-cells', 'min-events', 'iterations', 'seed'] as const) {
      if (values[name] !== undefined && values.hotspots === undefined) {
        throw new CliUsageError(`--${name} needs --hotspots FILE.geojson`);
      }
    }
    const cells = values['threshold-cells'];
    if (cells !== undefined && cells !== 'non-zero' && cells !== 'study-area') {
      throw new CliUsageError(`--threshold-cells must be non-zero or study-area, got '${cells}'`);
    }
    const minEvents =
      values['min-events'] !== undefined
        ? wholeNumber(values['min-events'], '--min-events', 1)
        : DEFAULT_MIN_EVENTS;
    const iterationsOption =
      values.iterations !== undefined ? wholeNumber(values.iterations, '--iterations', 0) : null;
    const seed = values.seed !== undefined ? wholeNumber(values.seed, '--seed', 0) : DEFAULT_CSR_SEED;
    const options: KdeOptions = {};
    if (values.cell !== undefined) options.cellSizeM = positiveNumber(values.cell, '--cell');
    if (values.bandwidth !== undefined) options.bandwidthM = positiveNumber(values.bandwidth, '--bandwidth');
    if (values.kernel !== undefined) options.kernel = kernelOption(values.kernel);
    if (values.extent !== undefined) options.extent = extentOption(values.extent);
    if (values['exclude-outside'] && !options.extent)
      throw new CliUsageError('--exclude-outside needs --extent');
    let threshold: ThresholdSpec | null =
      values.hotspots !== undefined ? await thresholdOption(values.threshold ?? 'mean-multiple:3') : null;
    if (threshold && cells) threshold = { ...threshold, cells };

    const input = chooseEventInput(values, positionals);
    // The threads load the engine (~0.2 s each) while this thread reads the events.
    const pool = new WorkerPool();
    for (let k = 0; k < pool.size; k++) pool.prestart('kdeBand');
    const bar = createProgressBar(io, 'Kernel density and hotspots');
    let source: KdeEventSource;
    let run: KdeOnPoolResult;
    try {
      source = await readEvents(input, values);
      run = await kdeOnPool(
        pool,
        {
          events: source.events,
          weighted: source.events.weight !== undefined,
          options,
          hotspots: threshold ? { thresholds: threshold, minEvents } : null,
          iterations: iterationsOption ?? undefined,
          seed,
        },
        { onProgress: bar.update },
      );
    } catch (error) {
      if (error instanceof RangeError || error instanceof ApiError) throw new CliRefusal(error.message);
      throw error;
    } finally {
      bar.finish();
      await pool.close();
    }
    const { surface, hotspots } = run;
    await writeAtomically(values.out, esriAsciiGridChunks(surface.grid));
    // The grid's CRS beside it (x.asc → x.prj), so a GIS opens it in place; none for a CRS with no
    // known ESRI WKT (a proj4 string), said on stderr.
    const prj = prjFor(source.crs);
    const prjPath = 'text' in prj ? prjPathFor(values.out) : null;
    if ('text' in prj && prjPath) await writeAtomically(prjPath, prj.text);
    else if ('reason' in prj) io.err(`warning: ${prj.reason}`);
    if (values.hotspots !== undefined && hotspots) {
      await writeAtomically(
        values.hotspots,
        `${JSON.stringify(await hotspotGeoJson(hotspots, surface, source.crs))}\n`,
      );
    }
    report(io, values.json === true, source, surface, hotspots, values.out, values.hotspots, prjPath);
    return 0;
  },
};

async function readEvents(
  input: EventInput,
  values: {
    x?: string | undefined;
    y?: string | undefined;
    weight?: string | undefined;
    crs?: string | undefined;
  },
): Promise<KdeEventSource> {
  if ('project' in input) return readProjectDataset(input.project, input.dataset);
  if (values.x === undefined || values.y === undefined) throw new CliUsageError('--x and --y are required');
  const source = await readCsvEvents(input.csv, { x: values.x, y: values.y, weight: values.weight });
  source.crs = values.crs ?? 'EPSG:27700';
  return source;
}

function wholeNumber(text: string, name: string, min: number): number {
  const v = Number(text);
  if (!(/^\d+$/.test(text.trim()) && v >= min)) {
    throw new CliUsageError(`${name} must be a whole number ≥ ${min}, got '${text}'`);
  }
  return v;
}

function kernelOption(text: string): KernelName {
  if (!(KERNEL_NAMES as readonly string[]).includes(text)) {
    throw new CliUsageError(`--kernel must be one of ${KERNEL_NAMES.join(', ')}, got '${text}'`);
  }
  return text as KernelName;
}

/** Loaded with --hotspots only (simple-statistics), as proj4 for their GeoJSON. */
async function thresholdOption(text: string): Promise<ThresholdSpec> {
  const { parseThresholdSpec } = await import('../../../shared/analysis/hotspots/thresholds.js');
  try {
    return parseThresholdSpec(text);
  } catch (error) {
    throw new CliUsageError(`--threshold: ${(error as Error).message}`);
  }
}

async function hotspotGeoJson(result: HotspotResult, surface: KdeSurface, crs: string) {
  const { makeTransform } = await import('../../../shared/crs/transform.js');
  const t = makeTransform(crs, crs);
  return {
    type: 'FeatureCollection',
    features: result.hotspots.map((h) => ({
      type: 'Feature',
      properties: {
        rank: h.rank,
        class: h.classIndex,
        classLabel: h.classLabel,
        events: h.events,
        share: h.share,
        areaKm2: h.areaKm2,
        pai: h.pai,
        peakDensity: h.peakDensity,
        unit: surface.unit,
        topCategories: h.topCategories,
        topLocations: h.topLocations,
        peakHours: h.peakHours,
        peakHoursNote: h.peakHoursNote,
        pValue: h.pValue,
        timedEvents: h.times.timed,
        studyAreaEvents: result.totalEvents,
        studyAreaKm2: result.studyAreaKm2,
        support: result.support.rule,
      },
      geometry: {
        type: 'Polygon',
        // RFC 7946: exterior ring anticlockwise, holes clockwise, in lon/lat.
        coordinates: rightHandRule(
          h.polygon.map((ring) => ring.map(([x, y]) => roundLonLat(t.projectToWgs84(x, y)))),
        ),
      },
    })),
  };
}

function roundLonLat([lon, lat]: [number, number]): [number, number] {
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

async function writeAtomically(path: string, text: string | Iterable<Uint8Array>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, typeof text === 'string' ? text : Readable.from(text));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliRefusal(`cannot write ${path}: ${(error as Error).message}`);
  }
}

function report(
  io: CliIo,
  json: boolean,
  source: KdeEventSource,
  surface: KdeSurface,
  hotspots: HotspotResult | null,
  out: string,
  hotspotsOut: string | undefined,
  prjOut: string | null,
): void {
  const p = surface.params;
  const g = surface.grid;
  let max = 0;
  const values = g.values;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (json) {
    io.out(
      JSON.stringify({
        input: source.label,
        rows: source.rows,
        rejected: source.rejected,
        events: surface.counts,
        unit: surface.unit,
        params: p,
        grid: {
          width: g.width,
          height: g.height,
          originX: g.originX,
          originY: g.originY,
          cellSizeM: g.cellSizeM,
        },
        maxDensity: max,
        out,
        prj: prjOut,
        hotspotsOut: hotspotsOut ?? null,
        studyAreaKm2: surface.studyAreaM2 / 1e6,
        thresholds: hotspots?.thresholds ?? null,
        surfaceStats: hotspots?.surfaceStats ?? null,
        support: hotspots?.support ?? null,
        hotspots:
          hotspots?.hotspots.map((h) => ({
            rank: h.rank,
            class: h.classIndex,
            events: h.events,
            share: h.share,
            areaKm2: h.areaKm2,
            pai: h.pai,
            peakDensity: h.peakDensity,
            peakX: h.peakX,
            peakY: h.peakY,
            pValue: h.pValue,
            peakHours: h.peakHours,
            peakHoursNote: h.peakHoursNote,
          })) ?? null,
      }),
    );
    return;
  }
  const marked = (name: (typeof p.defaulted)[number], text: string) =>
    p.defaulted.includes(name) ? `${text} (default)` : text;
  const lines = [
    `Input: ${source.label}: ${formatCount(source.rows)} rows, ${source.rejected} rejected`,
    ...source.reasons.map((r) => `  ${r}`),
    `Events used: ${formatCount(surface.counts.used)}${surface.counts.excludedOutside > 0 ? ` (${surface.counts.excludedOutside} outside the study area left out)` : ''}; study area ${fmt(surface.studyAreaM2 / 1e6)} km²`,
    `Kernel: ${marked('kernel', p.kernel)}; bandwidth ${marked('bandwidthM', `${fmt(p.bandwidthM)} m`)}; cell ${marked('cellSizeM', `${fmt(p.cellSizeM)} m`)}`,
    `Suggested bandwidth (ArcGIS rule): ${p.suggestedBandwidthM === null ? 'n/a' : `${fmt(p.suggestedBandwidthM)} m`}`,
    `Grid: ${g.width} × ${g.height} cells from (${fmt(g.originX)}, ${fmt(g.originY)}); max ${fmt(max)} ${surface.unit}`,
    prjOut ? `Wrote ${out} and its CRS (${source.crs}) in ${prjOut}` : `Wrote ${out}`,
  ];
  if (hotspots && hotspotsOut) {
    lines.push(
      `Thresholds (${surface.unit}): ${hotspots.thresholds.map((t) => `${t.label} = ${fmt(t.value)}`).join('; ')}`,
    );
    lines.push(hotspots.support.statement);
    lines.push(`Hotspots: ${hotspots.hotspots.length}, written to ${hotspotsOut}`);
    if (hotspots.hotspots.length > 0) lines.push('  #  class  events  share   area km²    PAI       p');
    for (const h of hotspots.hotspots.slice(0, 20)) {
      lines.push(
        `${String(h.rank).padStart(3)}  ${String(h.classIndex).padStart(5)}  ${String(h.events).padStart(6)}  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.areaKm2.toFixed(4).padStart(9)}  ${h.pai.toFixed(1).padStart(5)}  ${h.pValue === null ? '     –' : h.pValue.toFixed(3).padStart(6)}`,
      );
    }
  }
  io.out(lines.join('\n'));
}

/** Six significant digits, at most three decimals, grouped (formatNumber: without starting ICU). */
function fmt(v: number): string {
  return formatNumber(Number(v.toPrecision(6)), 3);
}
