import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliRefusal, CliUsageError } from '../../../../../electron/cli/command.js';
import { knoxCommand } from '../../../../../electron/cli/commands/knox.js';
import { createEngine } from '../../../../../electron/engine/engine.js';
import { runImport } from '../../../../../electron/engine/import/run-import.js';
import { defaultPoolSize } from '../../../../../electron/engine/jobs/worker-pool.js';
import { knoxReport } from '../../../../../shared/analysis/knox/knox-report.js';
import { knoxTest } from '../../../../../shared/analysis/knox/knox-test.js';
import { dayOf, wallClockMs } from '../../../../../shared/model/time.js';
import { Random } from '../../../../../shared/util/random.js';
import { captureIo, tempDir } from '../cli-harness.js';

const dir = tempDir('hotspot-knox-');

/** 150 events on a 2 km square in BNG metres over 60 days of 2024, with a planted near-repeat cluster. */
function events() {
  const random = new Random(31);
  const x: number[] = [];
  const y: number[] = [];
  const day: number[] = [];
  for (let i = 0; i < 150; i++) {
    const cluster = i < 30;
    x.push(Math.round(cluster ? 530_000 + random.uniform(0, 150) : 529_000 + random.uniform(0, 2000)));
    y.push(Math.round(cluster ? 180_000 + random.uniform(0, 150) : 179_000 + random.uniform(0, 2000)));
    day.push(cluster ? 10 + random.int(0, 6) : random.int(0, 60));
  }
  const days = day.map((d) => dayOf(wallClockMs(2024, 3, 1)) + d);
  return {
    x,
    y,
    days,
    columns: { x: Float64Array.from(x), y: Float64Array.from(y), day: Int32Array.from(days) },
  };
}

function ukDate(dayNumber: number): string {
  const d = new Date(dayNumber * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const data = events();
const withHeader = join(dir, 'events.csv');
writeFileSync(
  withHeader,
  `ref,easting,northing,committed\n${data.x.map((v, i) => `CR${i},${v},${data.y[i]},${ukDate(data.days[i])}`).join('\n')}\n`,
);

describe('hotspot knox', () => {
  const edges = ['--distance-edges', '0,100,200,inf', '--time-edges', '0,7,14,inf'];
  const library = knoxReport(
    knoxTest(data.columns, {
      distanceEdgesM: [0, 100, 200, Infinity],
      timeEdgesDays: [0, 7, 14, Infinity],
      iterations: 49,
      seed: 5,
    }),
  );

  it('prints with --json the same numbers as the library, in one thread and over a worker pool', async () => {
    for (const threads of ['1', '2']) {
      const cap = captureIo();
      const code = await knoxCommand.run(
        [
          withHeader,
          '--x',
          'easting',
          '--y',
          'northing',
          '--date',
          'committed',
          ...edges,
          '--iterations',
          '49',
          '--seed',
          '5',
          '--threads',
          threads,
          '--json',
        ],
        cap.io,
      );
      expect(code).toBe(0);
      expect(cap.out.length).toBe(1);
      const printed = JSON.parse(cap.out[0]);
      expect(printed.distanceEdges).toEqual([0, 100, 200, null]);
      expect(printed.timeEdges).toEqual([0, 7, 14, null]);
      for (const key of [
        'events',
        'metric',
        'iterations',
        'seed',
        'observed',
        'expectedMean',
        'expectedMedian',
        'knoxRatio',
        'knoxRatioMedian',
        'pValue',
      ] as const) {
        expect(printed[key], `${key} with --threads ${threads}`).toEqual(library[key]);
      }
      // The planted cluster: 30 events within ~212 m and 6 days of each other.
      expect(printed.knoxRatio[0][0]).toBeGreaterThan(2);
    }
  });

  it('prints with --dry-run the close pairs (brute force) and the estimate, and runs nothing', async () => {
    let closePairs = 0;
    for (let i = 0; i < data.x.length; i++) {
      for (let j = i + 1; j < data.x.length; j++) {
        if (Math.hypot(data.x[i] - data.x[j], data.y[i] - data.y[j]) < 200) closePairs++;
      }
    }
    const input = [withHeader, '--x', 'easting', '--y', 'northing', '--date', 'committed', ...edges];
    const cap = captureIo();
    const code = await knoxCommand.run(
      [...input, '--iterations', '999', '--threads', '2', '--dry-run', '--json'],
      cap.io,
    );
    expect(code).toBe(0);
    const printed = JSON.parse(cap.out[0]);
    expect(printed).toMatchObject({ events: 150, closePairs, iterations: 999, threads: 2, earlyStop: false });
    expect(printed.observed).toBeUndefined();
    const words = captureIo();
    await knoxCommand.run([...input, '--iterations', '999', '--threads', '2', '--dry-run'], words.io);
    expect(words.out).toEqual([
      `Under a second for 999 iterations (${closePairs.toLocaleString('en-GB')} close pairs).`,
    ]);
  });

  it('without --threads keeps a small run in this process and gives a large one the pool', async () => {
    const input = [withHeader, '--x', 'easting', '--y', 'northing', '--date', 'committed', ...edges];
    // 49 iterations of 150 events: well under IN_PROCESS_MAX_SECONDS, so one thread, same numbers.
    const small = captureIo();
    await knoxCommand.run([...input, '--iterations', '49', '--dry-run', '--json'], small.io);
    expect(JSON.parse(small.out[0]).threads).toBe(1);
    const run = captureIo();
    await knoxCommand.run([...input, '--iterations', '49', '--seed', '5', '--json'], run.io);
    expect(JSON.parse(run.out[0]).pValue).toEqual(library.pValue);
    // 10^6 iterations × 150 events × 20 ns ≥ 3 s on one thread whatever the close pairs: the pool.
    const large = captureIo();
    await knoxCommand.run([...input, '--iterations', '1000000', '--dry-run', '--json'], large.io);
    expect(JSON.parse(large.out[0]).threads).toBe(defaultPoolSize());
    // Within 5 km every one of the 11,175 pairs is close: 50,000 iterations × (11,175 × 1.6 +
    // 150 × 20) ns ≈ 1 s, so the pool, though the events alone (0.15 s) would stay here.
    const wide = [withHeader, '--x', 'easting', '--y', 'northing', '--date', 'committed'];
    const bands = ['--distance-edges', '0,5000,inf', '--time-edges', '0,7,inf'];
    const pairs = captureIo();
    await knoxCommand.run([...wide, ...bands, '--iterations', '50000', '--dry-run', '--json'], pairs.io);
    expect(JSON.parse(pairs.out[0])).toMatchObject({ closePairs: 11_175, threads: defaultPoolSize() });
  });

  it('reads a file without a header by column numbers, with ISO dates', async () => {
    const path = join(dir, 'no-header.csv');
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(path, `${data.x.map((v, i) => `${iso(data.days[i])},${v},${data.y[i]}`).join('\n')}\n`);
    const cap = captureIo();
    await knoxCommand.run(
      [
        path,
        '--x',
        '2',
        '--y',
        '3',
        '--date',
        '1',
        '--date-format',
        'iso',
        ...edges,
        '--iterations',
        '49',
        '--seed',
        '5',
        '--threads',
        '1',
        '--json',
      ],
      cap.io,
    );
    expect(JSON.parse(cap.out[0]).observed).toEqual(library.observed);
  });

  it('prints readable tables with correct NRC interval labels', async () => {
    const cap = captureIo();
    await knoxCommand.run(
      [
        withHeader,
        '--x',
        'easting',
        '--y',
        'northing',
        '--date',
        'committed',
        '--nrc-bandwidth',
        '100',
        '--nrc-bands',
        '3',
        '--nrc-days',
        '7',
        '--nrc-time-bands',
        '3',
        '--iterations',
        '19',
        '--seed',
        '2',
        '--threads',
        '1',
      ],
      cap.io,
    );
    const text = cap.out.join('\n');
    expect(text).toContain('manhattan distance, 19 iterations, seed 2');
    for (const label of [
      '0 m (same location)',
      '(0, 100) m',
      '[200, 300) m',
      '≥ 300 m',
      '[0, 7) days',
      '[7, 14) days',
      '≥ 21 days',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).not.toMatch(/8 to 14|1 to 100/);
  });

  it('counts and reports rows with bad dates or coordinates, and uses the rest', async () => {
    const path = join(dir, 'bad-rows.csv');
    writeFileSync(
      path,
      'x,y,date\n530000,180000,01/03/2024\n530010,180000,31/02/2024\nabc,180000,02/03/2024\n530020,180000,03/03/2024\n',
    );
    const cap = captureIo();
    await knoxCommand.run(
      [
        path,
        '--x',
        'x',
        '--y',
        'y',
        '--date',
        'date',
        ...edges,
        '--iterations',
        '9',
        '--seed',
        '1',
        '--threads',
        '1',
        '--json',
      ],
      cap.io,
    );
    expect(JSON.parse(cap.out[0]).events).toBe(2);
    expect(cap.err.join('\n')).toMatch(
      /2 of 4 rows were not used[\s\S]*row 3: date '31\/02\/2024'[\s\S]*row 4: x\/y 'abc'/,
    );
  });

  it('refuses lon/lat coordinates with a one-line reason', async () => {
    const path = join(dir, 'lonlat.csv');
    writeFileSync(path, 'lon,lat,date\n-0.12,51.5,01/03/2024\n-0.13,51.51,02/03/2024\n');
    await expect(
      knoxCommand.run(
        [path, '--x', 'lon', '--y', 'lat', '--date', 'date', ...edges, '--threads', '1'],
        captureIo().io,
      ),
    ).rejects.toThrow(CliRefusal);
    await expect(
      knoxCommand.run(
        [path, '--x', 'lon', '--y', 'lat', '--date', 'date', ...edges, '--threads', '1'],
        captureIo().io,
      ),
    ).rejects.toThrow(/project them to metres first/);
  });

  it('refuses bad edges as data problems and wrong option combinations as usage errors', async () => {
    const base = [withHeader, '--x', 'easting', '--y', 'northing', '--date', 'committed', '--threads', '1'];
    await expect(
      knoxCommand.run([...base, '--distance-edges', '0,200,100', '--time-edges', '0,7'], captureIo().io),
    ).rejects.toThrow(/strictly increasing/);
    await expect(knoxCommand.run([...base, '--distance-edges', '0,100'], captureIo().io)).rejects.toThrow(
      CliUsageError,
    );
    await expect(
      knoxCommand.run([...base, ...edges, '--nrc-bandwidth', '100'], captureIo().io),
    ).rejects.toThrow(CliUsageError);
    await expect(
      knoxCommand.run([...base, '--nrc-bandwidth', '100', '--nrc-bands', '3'], captureIo().io),
    ).rejects.toThrow(/also needs --nrc-days, --nrc-time-bands/);
    await expect(
      knoxCommand.run([...base, ...edges, '--metric', 'chebyshev'], captureIo().io),
    ).rejects.toThrow(CliUsageError);
    await expect(knoxCommand.run([...base.slice(1), ...edges], captureIo().io)).rejects.toThrow(
      CliUsageError,
    );
  });

  it('names the columns when a column is missing', async () => {
    await expect(
      knoxCommand.run(
        [withHeader, '--x', 'east', '--y', 'northing', '--date', 'committed', ...edges, '--threads', '1'],
        captureIo().io,
      ),
    ).rejects.toThrow(/'east' is not a column; the columns are: ref, easting, northing, committed/);
  });

  it('reads a dataset of a project with --project and --dataset, and refuses an unknown dataset', async () => {
    const project = join(dir, 'knox.hsw');
    const engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
    try {
      await engine.api.createProject({ path: project });
      await runImport(engine.context.project().db, {
        filePath: withHeader,
        dataset: 'Burglary',
        mapping: {
          fields: { reference: 'ref', date: 'committed', x: 'easting', y: 'northing' },
          timeShape: 'date',
          dateFormat: 'dmy',
          sourceCrs: 'EPSG:27700',
          excluded: [],
          swapSuspectedCoordinates: false,
          preset: null,
        },
        projectCrs: 'EPSG:27700',
        pii: [],
        nowMs: Date.UTC(2024, 11, 1),
      });
    } finally {
      await engine.close();
    }
    const cap = captureIo();
    await knoxCommand.run(
      [
        '--project',
        project,
        '--dataset',
        'Burglary',
        ...edges,
        '--iterations',
        '49',
        '--seed',
        '5',
        '--threads',
        '1',
        '--json',
      ],
      cap.io,
    );
    const printed = JSON.parse(cap.out[0]);
    expect(printed.source).toBe('knox.hsw › Burglary');
    expect(printed.observed).toEqual(library.observed);
    expect(printed.pValue).toEqual(library.pValue);
    await expect(
      knoxCommand.run(
        ['--project', project, '--dataset', 'Robbery', ...edges, '--threads', '1'],
        captureIo().io,
      ),
    ).rejects.toThrow(/has no dataset named 'Robbery'/);
  });
});
