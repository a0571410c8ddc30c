/**
 * `hotspot generate`: writes the seeded synthetic town (shared/generate/) to a folder: five partner
 * extracts, boundary and street GeoJSON, ground_truth.json and README.txt. Each file is written to
 * a temporary name and renamed into place, so a reader never sees half a file.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  DEFAULT_END_DATE,
  DEFAULT_MONTHS,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  generateTown,
  MAX_SIZE,
} from '../../../shared/generate/generate-town.js';
import { type TownFile, townFiles } from '../../../shared/generate/town-files.js';
import { intOption, parseCommandArgs } from '../args.js';
import { type CliCommand, CliRefusal, CliUsageError } from '../command.js';
import { createProgressBar } from '../progress.js';

const usage = `Usage: hotspot generate --out DIR [--seed N] [--size N] [--end-date yyyy-mm-dd] [--months N] [--json]

Writes the synthetic town of Ashbridge to DIR (created if needed): police_crimes.csv, asb.csv,
fire.csv, ambulance.csv, hospital_admissions.csv, wards.geojson, beats.geojson,
postcode_districts.geojson, streets.geojson, ground_truth.json and README.txt. The same seed and
size always give byte-identical files.

Options:
  --out DIR              folder to write (existing files of the same names are replaced)
  --seed N               whole number 0-4294967295 (default ${DEFAULT_SEED}, the shipped sample)
  --size N               multiplies every count, > 0 and <= ${MAX_SIZE} (default ${DEFAULT_SIZE}: about 19 500 records)
  --end-date yyyy-mm-dd  last day of the data (default ${DEFAULT_END_DATE})
  --months N             months of data, 12-36 (default ${DEFAULT_MONTHS})
  --json                 print one JSON object (files, rows per dataset, seconds) instead of text
  --help                 show this help`;

export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'write the seeded synthetic sample town (extracts, boundaries, ground truth)',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      out: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      'end-date': { type: 'string' },
      months: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.out === undefined) throw new CliUsageError('--out DIR is required');
    const seed = intOption(values.seed, '--seed', { min: 0, max: 0xffffffff, fallback: DEFAULT_SEED });
    const size = sizeOption(values.size);
    const months = intOption(values.months, '--months', { min: 12, max: 36, fallback: DEFAULT_MONTHS });
    const endDate = values['end-date'] ?? DEFAULT_END_DATE;
    const dir = resolve(values.out);
    await ensureDirectory(dir);

    const started = performance.now();
    const bar = createProgressBar(io, 'Generating');
    let files: TownFile[];
    try {
      const town = generateTown({ seed, size, endDate, months, progress: bar.update });
      files = townFiles(town);
    } catch (error) {
      if (error instanceof RangeError) throw new CliRefusal(error.message);
      throw error;
    } finally {
      bar.finish();
    }
    for (const file of files) await writeAtomically(join(dir, file.name), file.text);
    const seconds = (performance.now() - started) / 1000;

    const truth = JSON.parse(files.find((f) => f.name === 'ground_truth.json')!.text) as {
      datasets: { file: string; rows: number }[];
    };
    if (values.json) {
      io.out(
        JSON.stringify({
          dir,
          seed,
          size,
          endDate,
          months,
          seconds,
          datasets: truth.datasets.map((d) => ({ file: d.file, rows: d.rows })),
          files: files.map((f) => f.name),
        }),
      );
    } else {
      const total = truth.datasets.reduce((s, d) => s + d.rows, 0);
      io.out(
        `Wrote ${files.length} files to ${dir} (seed ${seed}, size ${size}, ${total} records, ${seconds.toFixed(1)} s)`,
      );
      for (const d of truth.datasets) io.out(`  ${d.file.padEnd(26)} ${String(d.rows).padStart(7)} rows`);
    }
    return 0;
  },
};

function sizeOption(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SIZE;
  if (!/^\d+(\.\d+)?$/.test(value))
    throw new CliUsageError(`--size must be a positive number, got '${value}'`);
  const n = Number(value);
  if (!(n > 0 && n <= MAX_SIZE)) throw new CliUsageError(`--size must be > 0 and <= ${MAX_SIZE}, got ${n}`);
  return n;
}

async function ensureDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new CliRefusal(`--out ${dir} is a file; give a folder`);
  await mkdir(dir, { recursive: true });
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}
