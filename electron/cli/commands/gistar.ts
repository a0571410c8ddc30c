/**
 * `hotspot gistar`: Getis-Ord Gi* z-scores of a grid of event counts, written as an ESRI ASCII grid
 * in the same convention as `hotspot kde` (rows north to south, lower-left origin at the extent's
 * lower-left corner), issue 13 item 8. Events come from a CSV (columns by header name or 1-based
 * number, read by kde-input.ts) or a project's dataset; events outside --extent are left out and
 * counted. The statistic, its p, the BH q over the grid's cells and the 90/95/99 % bins are
 * shared/analysis/gistar's. Cells where z is undefined (every count equal) are NODATA.
 */

import { binCounts, giBins } from '../../../shared/analysis/gistar/classes.js';
import { countGrid } from '../../../shared/analysis/gistar/count-grid.js';
import { suggestDistanceBand } from '../../../shared/analysis/gistar/distance-band.js';
import { giStar } from '../../../shared/analysis/gistar/gistar.js';
import { bandNote, exclusiveBins, giStarReadingNotes } from '../../../shared/analysis/gistar/reading.js';
import { writeEsriAsciiGrid } from '../../../shared/analysis/grid-io/esri-ascii.js';
import { prjFor, prjPathFor } from '../../../shared/analysis/grid-io/prj.js';
import { writeFileAtomic } from '../../engine/export/atomic-write.js';
import { extentOption, parseCommandArgs, positiveNumber } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { chooseEventInput, eventInputOptions, refusing } from '../event-options.js';
import { createProgressBar } from '../progress.js';
import { dataLine, dayWindows, eventsInPeriod, periodOption } from './gistar-input.js';
import { type KdeEventSource, readCsvEvents, readProjectDataset } from './kde-input.js';
import { readCsvEvents as readDatedCsvEvents } from './knox-input.js';

const usage = `Usage: hotspot gistar FILE.csv --x X --y Y --cell M --distance M --extent minx,miny,maxx,maxy --out z.asc
       hotspot gistar --project P.hsw --dataset NAME --cell M --distance M --extent ... --out z.asc

Getis-Ord Gi* hot and cold spots of event counts per grid cell (binary weights: cells whose centres
are within --distance, the cell itself included; population SD over all cells of the extent). Writes
the z-scores as an ESRI ASCII grid (rows north to south, lower-left origin) with its .prj beside it.
The mean and SD are over every cell of --extent, empty ones included: results depend on the extent.

  FILE.csv             events with x/y in projected metres (--x/--y: header name or column number)
  --x X, --y Y         the coordinate columns
  --weight W           weight column; default 1 per event (not with --date)
  --date D             the CSV's date column, to state the events' dates and filter them
  --date-format F      dd/mm/yyyy (default) | iso
  --from DATE, --to DATE   only events dated within (dd/mm/yyyy, both inclusive; a CSV needs
                       --date; a project's record counts when its date window overlaps)
  --crs CODE           CRS of the CSV's x/y, for the .prj (default EPSG:27700)
  --project P.hsw      read the point records of a dataset instead (the project must exist)
  --dataset NAME       the dataset's name
  --cell M             cell size in metres
  --distance M         distance band in metres (the suggested band is printed)
  --extent minx,miny,maxx,maxy   the grid and study area; events outside it are left out and counted
  --out FILE.asc       the z-score grid to write
  --json               print one JSON object instead of text
  --help               show this help`;

export const gistarCommand: CliCommand = {
  name: 'gistar',
  summary: 'Getis-Ord Gi* hot and cold spots of counts per cell (ESRI ASCII grid of z-scores)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...eventInputOptions,
        weight: { type: 'string' },
        date: { type: 'string' },
        'date-format': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        crs: { type: 'string' },
        cell: { type: 'string' },
        distance: { type: 'string' },
        extent: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    for (const name of ['cell', 'distance', 'extent', 'out'] as const) {
      if (values[name] === undefined) throw new CliUsageError(`--${name} is required`);
    }
    const cellSizeM = positiveNumber(values.cell as string, '--cell');
    const distanceM = positiveNumber(values.distance as string, '--distance');
    const extent = extentOption(values.extent as string);
    const out = values.out as string;
    const period = periodOption(values.from, values.to);

    const input = chooseEventInput(values, positionals);
    let source: KdeEventSource;
    if ('project' in input) {
      source = await readProjectDataset(input.project, input.dataset);
    } else {
      if (values.x === undefined || values.y === undefined)
        throw new CliUsageError('--x and --y are required');
      source =
        values.date === undefined
          ? await readCsvEvents(input.csv, { x: values.x, y: values.y, weight: values.weight })
          : await readDatedCsv(input.csv, values);
      source.crs = values.crs ?? 'EPSG:27700';
      if (period && values.date === undefined)
        throw new CliUsageError('--from/--to need --date: the CSV column holding the dates');
    }
    const read = source.events.x.length;
    if (period) source.events = eventsInPeriod(source.events, period);
    const data = dataLine(source.events, read, period);

    const counts = refusing(() => countGrid(source.events, extent, cellSizeM));
    if (counts.used === 0)
      throw new CliRefusal('no events lie inside --extent: check the extent and the x/y columns');
    const bar = createProgressBar(io, 'Gi*');
    let result: ReturnType<typeof giStar>;
    try {
      result = refusing(() => giStar(counts.grid, { distanceM }, bar.update));
    } finally {
      bar.finish();
    }
    const zGrid = { ...counts.grid, values: result.z };
    await writeOrRefuse(out, writeEsriAsciiGrid(zGrid));
    const prj = prjFor(source.crs);
    const prjPath = 'text' in prj ? prjPathFor(out) : null;
    if ('text' in prj && prjPath) await writeOrRefuse(prjPath, prj.text);
    else if ('reason' in prj) io.err(`warning: ${prj.reason}`);

    const bins = binCounts(giBins(result));
    const suggested = suggestDistanceBand(source.events.x, source.events.y, cellSizeM);
    const undefinedCells = result.z.reduce((n, z) => n + (Number.isNaN(z) ? 1 : 0), 0);
    const notes = [...giStarReadingNotes({ ...result, bins }), bandNote(suggested, cellSizeM)];
    const summary = {
      input: source.label,
      data,
      rows: source.rows,
      rejected: source.rejected,
      events: { used: counts.used, outside: counts.outside },
      grid: {
        width: zGrid.width,
        height: zGrid.height,
        originX: zGrid.originX,
        originY: zGrid.originY,
        cellSizeM,
      },
      distanceM,
      cells: result.cells,
      meanCount: result.mean,
      sdCount: result.sd,
      undefinedCells,
      bins,
      binRule:
        'hot (+) and cold (−) at 99 % (3), 95–99 % (2), 90–95 % (1), each cell in one class, by the Benjamini–Hochberg q over all cells',
      suggestedDistance: suggested,
      caveats: notes,
      out,
      prj: prjPath,
    };
    if (values.json) {
      io.out(JSON.stringify(summary));
      return 0;
    }
    for (const line of source.reasons) io.err(`rejected ${line}`);
    const lines = [
      `${source.label}: ${counts.used} events in the grid, ${counts.outside} outside the extent left out, ${source.rejected} ${source.rejected === 1 ? 'row' : 'rows'} rejected`,
      data,
      `Grid ${zGrid.width} × ${zGrid.height} cells of ${cellSizeM} m; distance band ${distanceM} m; mean ${result.mean.toFixed(3)} events per cell (SD ${result.sd.toFixed(3)})`,
      `Hot spot cells: ${exclusiveBins(bins, 1)}`,
      `Cold spot cells: ${exclusiveBins(bins, -1)}`,
      '(each cell in one class; confidence from the Benjamini–Hochberg adjusted p over all cells of the extent)',
      ...notes,
    ];
    if (undefinedCells > 0)
      lines.push(
        `${undefinedCells} cells have no z (written as NODATA): every count is the same or every cell is a neighbour`,
      );
    lines.push(`Wrote ${out}${prjPath ? ` and ${prjPath}` : ''}`);
    io.out(lines.join('\n'));
    return 0;
  },
};

/** A CSV read with its date column (knox-input.ts), the dates kept as whole-day windows. */
async function readDatedCsv(
  path: string,
  values: { x?: string; y?: string; date?: string; 'date-format'?: string; weight?: string },
): Promise<KdeEventSource> {
  if (values.weight !== undefined) throw new CliUsageError('--weight cannot be used with --date');
  const format = values['date-format'] ?? 'dd/mm/yyyy';
  if (format !== 'dd/mm/yyyy' && format !== 'iso')
    throw new CliUsageError(`--date-format must be dd/mm/yyyy or iso, got '${format}'`);
  const dated = await readDatedCsvEvents(path, {
    x: values.x as string,
    y: values.y as string,
    date: values.date as string,
    dateFormat: format,
  });
  const { x, y, day } = dated.events;
  return { ...dated, crs: 'EPSG:27700', events: { x, y, ...dayWindows(day) } };
}

async function writeOrRefuse(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new CliRefusal(`cannot write ${path}: ${(error as Error).message}`);
  }
}
