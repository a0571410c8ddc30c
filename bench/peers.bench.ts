/**
 * Whole-process comparisons with the tools an analyst would use instead (issue 15 item 6), each
 * peer measured in the same run as ours on the same input, because absolute times on shared machines
 * drift. One JSON line per row: our time, the peer's, the ratio (peer ÷ ours; > 1 means we are
 * faster), peak RSS of both, and the input sizes. A peer that is not installed is reported as
 * absent, never as a failure; nothing here fails on time.
 *
 *   peers.version  `hotspot --version` against `node -e 0` (ratio = ours ÷ node: the start-up cost)
 *   peers.knox     Chicago 2014 burglary (12,334 events), 200 m × 7 days, 99 iterations, against
 *                  Toby Davies' Python knox (/work/shared/peers/knox_davies.py; Debian's
 *                  python3-sklearn and python3-pandas)
 *   peers.kde      1,000,000 points, 1000 × 1000 cells of 10 m, quartic, h = 100 m, an ESRI grid out,
 *                  against QGIS's heatmap (qgis_process, GeoTIFF out)
 *   peers.import   1,000,000 police.uk rows (lon/lat, month dates) into a project, against GDAL's
 *                  ogr2ogr CSV → GeoPackage in BNG with its R-tree
 *
 * Ours is the built CLI (HOTSPOT_DIST, default dist/), run as `node cli.js` without npx.
 * BENCH_PEERS_ROWS scales the KDE and import inputs (default 1,000,000); BENCH_PEERS picks rows
 * (e.g. `version,kde`; default all). Each run reports wall and CPU (user + sys) time and the load
 * average at its start: on a shared machine the CPU time is the steadier figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from '../shared/util/random.js';
import { writePoliceUkCsv } from '../tests/unit/electron/engine/import/generate-police-uk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = resolve(root, process.env['HOTSPOT_DIST'] ?? 'dist', 'cli.js');
const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const python = '/usr/bin/python3';
const rows = Number(process.env['BENCH_PEERS_ROWS'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'hsw-bench-peers-'));
const picked = (process.env['BENCH_PEERS'] ?? 'version,knox,kde,import').split(',');

interface Timed {
  ms: number;
  /** User + system CPU time of the process and its children. */
  cpuMs: number;
  peakRssMb: number;
  ok: boolean;
  /** One-minute load average when it started. */
  load: number;
}

/** Runs a command to the end under /usr/bin/time (wall time here; CPU and peak RSS from time -f). */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Timed {
  const load = Math.round(loadavg()[0] * 100) / 100;
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const [rssKb, user, sys] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (run.status !== 0) process.stderr.write(`${command} ${args.join(' ')}:\n${run.stderr.slice(-2000)}\n`);
  const cpuMs = Math.round((user + sys) * 1000);
  return { ms, cpuMs, peakRssMb: Math.round(rssKb / 1024), ok: run.status === 0, load };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function row(bench: string, ours: Timed, peer: Timed | null, extra: Record<string, unknown>): void {
  const line: Record<string, unknown> = {
    bench,
    ms: Math.round(ours.ms),
    cpuMs: ours.cpuMs,
    load: ours.load,
    oursPeakRssMb: ours.peakRssMb,
    oursOk: ours.ok,
    ...extra,
  };
  if (peer === null) line['peer'] = 'absent';
  else {
    line['peerMs'] = Math.round(peer.ms);
    line['peerCpuMs'] = peer.cpuMs;
    line['peerLoad'] = peer.load;
    line['peerPeakRssMb'] = peer.peakRssMb;
    line['peerOk'] = peer.ok;
    // A ratio only when both finished: a failed run's time says nothing.
    line['ratio'] = peer.ok && ours.ok ? Math.round((peer.ms / ours.ms) * 100) / 100 : null;
    line['cpuRatio'] = peer.ok && ours.ok ? Math.round((peer.cpuMs / ours.cpuMs) * 100) / 100 : null;
  }
  console.log(JSON.stringify(line));
}

try {
  if (!existsSync(cli)) throw new Error(`no built CLI at ${cli}: run the build first`);

  // Start-up.
  if (picked.includes('version')) startUp();
  if (picked.includes('knox')) knox();
  if (picked.includes('kde')) kde();
  if (picked.includes('import')) await importRows();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function startUp(): void {
  const bare = timed(process.execPath, ['-e', '0']);
  const version = timed(process.execPath, [cli, '--version']);
  console.log(
    JSON.stringify({
      bench: 'peers.version',
      ms: Math.round(version.ms),
      nodeMs: Math.round(bare.ms),
      timesNode: Math.round((version.ms / bare.ms) * 100) / 100,
      cpuMs: version.cpuMs,
      nodeCpuMs: bare.cpuMs,
      load: version.load,
      goal: '≤ 3 × node -e 0',
    }),
  );
}

/** Knox: the 2014 rows of the Chicago file. */
function knox(): void {
  const chicago = readFileSync(join(shared, 'data/chicago_burglary_2014_2017.csv'), 'utf8').split('\n');
  const of2014 = [chicago[0], ...chicago.slice(1).filter((l) => l.trim().endsWith('/2014'))];
  const knoxCsv = join(dir, 'chicago_2014.csv');
  writeFileSync(knoxCsv, `${of2014.join('\n')}\n`);
  const oursKnox = timed(process.execPath, [
    cli,
    'knox',
    knoxCsv,
    ...['--x', 'x', '--y', 'y', '--date', 'date_single', '--distance-edges', '0,200,inf'],
    ...['--time-edges', '0,7,inf', '--iterations', '99', '--seed', '1'],
  ]);
  const davies = join(shared, 'peers/knox_davies.py');
  const hasDavies = existsSync(davies) && spawnSync(python, ['-c', 'import sklearn, pandas']).status === 0;
  const driver = [
    'import sys, pandas as pd, numpy as np',
    `sys.path.insert(0, ${JSON.stringify(join(shared, 'peers'))})`,
    'from knox_davies import knox_test',
    `d = pd.read_csv(${JSON.stringify(knoxCsv)})`,
    "t = (pd.to_datetime(d['date_single'], format='%d/%m/%Y') - pd.Timestamp('2014-01-01')).dt.days.values.astype(float)",
    "knox_test(d[['x', 'y']].values, t, s_bands=[200], t_bands=[7], n_iter=99, seed=1)",
  ].join('\n');
  row('peers.knox', oursKnox, hasDavies ? timed(python, ['-c', driver]) : null, {
    peerName: "Davies' knox_davies.py",
    events: of2014.length - 1,
    iterations: 99,
    goalRatio: 20,
  });
}

/** KDE: seeded uniform points over a 10 km square. */
function kde(): void {
  const random = new Random(7);
  const lines = ['x,y'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${(400_000 + random.uniform(0, 10_000)).toFixed(2)},${(300_000 + random.uniform(0, 10_000)).toFixed(2)}`,
    );
  }
  const pointsCsv = join(dir, 'points.csv');
  writeFileSync(pointsCsv, `${lines.join('\n')}\n`);
  lines.length = 0;
  const oursKde = timed(process.execPath, [
    cli,
    'kde',
    pointsCsv,
    ...['--x', 'x', '--y', 'y', '--cell', '10', '--bandwidth', '100'],
    ...['--extent', '400000,300000,410000,310000', '--out', join(dir, 'ours.asc')],
  ]);
  // Debian's qgis_process wrapper passes --noversioncheck (from /etc/default/qgis), which its
  // qgis_process.bin refuses: run the binary itself when it is there.
  const qgisCommand = onPath('qgis_process.bin') ? 'qgis_process.bin' : 'qgis_process';
  const qgis = onPath(qgisCommand)
    ? timed(
        qgisCommand,
        [
          'run',
          'qgis:heatmapkerneldensityestimation',
          `--INPUT=delimitedtext://file://${pointsCsv}?type=csv&xField=x&yField=y&crs=EPSG:27700&spatialIndex=no`,
          '--RADIUS=100',
          '--PIXEL_SIZE=10',
          '--KERNEL=0',
          '--OUTPUT_VALUE=0',
          `--OUTPUT=${join(dir, 'qgis.tif')}`,
        ],
        { QT_QPA_PLATFORM: 'offscreen' },
      )
    : null;
  row('peers.kde', oursKde, qgis, {
    peerName: 'QGIS heatmap (qgis_process)',
    points: rows,
    cells: '1000 × 1000',
    goalRatio: 10,
  });
}

/** Import: police.uk street-level rows. */
async function importRows(): Promise<void> {
  const streetCsv = join(dir, 'street.csv');
  await writePoliceUkCsv(streetCsv, rows, 2024);
  const oursImport = timed(process.execPath, [
    cli,
    'import',
    streetCsv,
    ...['--project', join(dir, 'bench.hsw'), '--preset', 'police-uk'],
  ]);
  const ogr = onPath('ogr2ogr')
    ? timed('ogr2ogr', [
        ...['-f', 'GPKG', join(dir, 'street.gpkg'), streetCsv],
        ...['-oo', 'X_POSSIBLE_NAMES=Longitude', '-oo', 'Y_POSSIBLE_NAMES=Latitude'],
        ...['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:27700', '-gt', '65536'],
      ])
    : null;
  row('peers.import', oursImport, ogr, {
    peerName: 'GDAL ogr2ogr CSV → GPKG',
    rows,
    goalRatio: 4,
    goalPeakRssMb: 300,
  });
}
