/**
 * `hotspot demo`: the whole app in one command (README's main job; issue 6 item 4). Generates the
 * synthetic town into DIR/data, creates DIR/demo.hsw, imports every extract, the boundaries and the
 * streets through the same engine services the app's Api handlers call, builds a burglary problem profile (kernel
 * density hotspots, Knox near-repeat test, chains) and writes profile.html, profile.pdf, slides.pptx,
 * and the data exports into DIR: hotspots.geojson, hotspots.csv, chains.geojson (member events as
 * points), chains.csv, risk-zones.geojson, surface.asc with surface.prj, each CSV's and the grid's
 * "<file>.provenance.txt" (metadata, protective marking) and data-dictionary.txt. Without a Chromium
 * the PDF is skipped with a warning (exit 0). Prints every path and a one-screen summary.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.js';
import type { ExportResult, ProfileDocument } from '../../../shared/api/profile-api.js';
import { generateTown } from '../../../shared/generate/generate-town.js';
import { townFiles } from '../../../shared/generate/town-files.js';
import { importBoundaryLayer, importReferenceLayer } from '../../engine/boundaries/layer-import-service.js';
import { createEngine, type Engine } from '../../engine/engine.js';
import { writeFileAtomic } from '../../engine/export/atomic-write.js';
import { findChromium } from '../../engine/export/chromium.js';
import { printHtmlToPdf } from '../../engine/export/print-pdf.js';
import { previewImportFile, runImportJob } from '../../engine/import/import-service.js';
import { buildProfileJob, exportDataJob, exportProfileJob } from '../../engine/profile/profile-jobs.js';
import { ProfileService } from '../../engine/profile/profile-service.js';
import { intOption, parseCommandArgs } from '../args.js';
import { type CliCommand, type CliIo, CliRefusal } from '../command.js';
import { createProgressBar } from '../progress.js';
import { APP_VERSION } from '../version.js';

const usage = `Usage: hotspot demo [--out DIR] [--from yyyy-mm-dd --to yyyy-mm-dd] [--iterations N] [--seed N] [--json]

Generates the synthetic town of Ashbridge, imports it into DIR/demo.hsw and writes a burglary
problem profile with slides and data exports into DIR (default ./demo-output):
  profile.html  profile.pdf  slides.pptx
  hotspots.geojson  hotspots.csv  chains.geojson  chains.csv  risk-zones.geojson
  surface.asc + surface.prj, *.provenance.txt beside each CSV and the grid, data-dictionary.txt
An existing DIR/demo.hsw is replaced. The PDF needs Chromium or Chrome (HOTSPOT_CHROMIUM); without
one it is skipped with a warning.

Options:
  --out DIR          output folder (default ./demo-output)
  --from, --to       the profile's period (default 2025-07-01 to 2025-12-31, the data's last half-year)
  --iterations N     Knox permutations, 9-99999 (default 999)
  --seed N           seed of the town and of the Knox permutations (default 1)
  --json             print one JSON object (files, timings, findings) instead of text
  --help             show this help`;

const DATASETS: Record<string, string> = {
  'police_crimes.csv': 'Police recorded crime',
  'asb.csv': 'Police ASB incidents',
  'fire.csv': 'Fire and rescue incidents',
  'ambulance.csv': 'Ambulance assault call-outs',
  'hospital_admissions.csv': 'Hospital A&E assault admissions',
};
const BOUNDARIES: Record<string, string> = {
  'wards.geojson': 'Wards',
  'beats.geojson': 'Police beats',
  'postcode_districts.geojson': 'Postcode districts',
};

function jobId(name: string): string {
  return `demo-${name}-${randomBytes(6).toString('hex')}`;
}

function isoOption(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new CliRefusal(`${name} must be yyyy-mm-dd, got '${value}'`);
  return value;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'generate the sample town, analyse it and write a profile, slides and data exports',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = resolve(values.out ?? 'demo-output');
    const seed = intOption(values.seed, '--seed', { min: 0, max: 0xffffffff, fallback: 1 });
    const iterations = intOption(values.iterations, '--iterations', { min: 9, max: 99_999, fallback: 999 });
    const period = {
      from: isoOption(values.from, '--from', '2025-07-01'),
      to: isoOption(values.to, '--to', '2025-12-31'),
    };
    const info = await stat(dir).catch(() => null);
    if (info && !info.isDirectory()) throw new CliRefusal(`--out ${dir} is a file; give a folder`);
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    const started = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string, since: number) => {
      timings[name] = Math.round(performance.now() - since) / 1000;
    };
    const say = (text: string) => {
      if (!values.json) io.err(text);
    };

    let t = performance.now();
    say(`Generating the sample town into ${dataDir}`);
    for (const file of townFiles(generateTown({ seed })))
      await writeFileAtomic(join(dataDir, file.name), file.text);
    lap('generate', t);

    const projectPath = join(dir, 'demo.hsw');
    for (const suffix of ['', '-wal', '-shm']) await rm(`${projectPath}${suffix}`, { force: true });
    const engine = createEngine({ appVersion: APP_VERSION, host: 'web' });
    try {
      // The engine's services, as the Api handlers call them (STYLE.md 16).
      const ctx = engine.context;
      const profiles = new ProfileService({ ctx, printPdf: printHtmlToPdf });
      engine.session.create(projectPath, 'Ashbridge demo');
      t = performance.now();
      const datasetIds: Record<string, number> = {};
      for (const [file, name] of Object.entries(DATASETS)) {
        say(`Importing ${file}`);
        const filePath = join(dataDir, file);
        const preview = await previewImportFile(filePath);
        if (preview.problems.length > 0) throw new CliRefusal(`${file}: ${preview.problems.join('; ')}`);
        const summary = await withBar(io, `Importing ${file}`, engine, (id) =>
          runImportJob(ctx, id, {
            filePath,
            fileName: file,
            dataset: name,
            mapping: preview.mapping,
            pii: [],
            dryRun: false,
            allowDuplicateFile: false,
          }),
        );
        if (summary.datasetId === null) throw new CliRefusal(`${file}: ${summary.message}`);
        datasetIds[file] = summary.datasetId;
      }
      for (const [file, name] of Object.entries(BOUNDARIES)) {
        await importBoundaryLayer(ctx, { filePath: join(dataDir, file), fileName: file, name });
      }
      await importReferenceLayer(ctx, {
        filePath: join(dataDir, 'streets.geojson'),
        fileName: 'streets.geojson',
        name: 'Streets',
      });
      lap('import', t);

      t = performance.now();
      say('Building the burglary problem profile (density, hotspots, Knox test, chains)');
      const doc: ProfileDocument = await withBar(io, 'Profile', engine, (id) =>
        buildProfileJob(ctx, profiles, {
          jobId: id,
          subject: 'category:Burglary',
          period,
          scope: { datasetIds: [datasetIds['police_crimes.csv']!] },
          options: { knoxIterations: iterations, seed },
          front: {
            title: 'Dwelling burglary in Ashbridge: problem profile',
            reference: 'PP-DEMO-001',
            author: 'Hotspot Workbench demo',
            marking: 'OFFICIAL-SENSITIVE',
          },
        }),
      );
      lap('profile', t);

      const written: { file: string; bytes: number }[] = [];
      const warnings: string[] = [];
      const save = async (file: string, call: (targetPath: string) => Promise<ExportResult>) => {
        const path = join(dir, file);
        const result = await call(path);
        written.push({ file: path, bytes: result.bytes });
        // A data file's sidecar, .prj and the data dictionary (written once, listed once).
        for (const c of result.companions ?? []) {
          if (c.path === undefined) continue;
          const at = written.findIndex((w) => w.file === c.path);
          if (at >= 0) written.splice(at, 1);
          written.push({ file: c.path, bytes: c.bytes });
        }
        warnings.push(...result.warnings);
      };
      t = performance.now();
      await save('profile.html', (targetPath) =>
        exportProfileJob(ctx, profiles, {
          jobId: jobId('html'),
          profileId: doc.id,
          format: 'html',
          targetPath,
        }),
      );
      lap('html', t);
      t = performance.now();
      if (findChromium()) {
        await save('profile.pdf', (targetPath) =>
          exportProfileJob(ctx, profiles, {
            jobId: jobId('pdf'),
            profileId: doc.id,
            format: 'pdf',
            targetPath,
          }),
        );
      } else {
        warnings.push(
          'PDF skipped: no Chromium or Chrome found (install chromium or set HOTSPOT_CHROMIUM); profile.html prints to PDF from any browser.',
        );
      }
      lap('pdf', t);
      t = performance.now();
      await save('slides.pptx', (targetPath) =>
        exportProfileJob(ctx, profiles, {
          jobId: jobId('pptx'),
          profileId: doc.id,
          format: 'pptx',
          targetPath,
        }),
      );
      lap('pptx', t);
      t = performance.now();
      const data: [string, 'hotspots' | 'chains' | 'risk-zones' | 'surface', 'geojson' | 'csv' | 'asc'][] = [
        ['hotspots.geojson', 'hotspots', 'geojson'],
        ['hotspots.csv', 'hotspots', 'csv'],
        ['chains.geojson', 'chains', 'geojson'],
        ['chains.csv', 'chains', 'csv'],
        ['risk-zones.geojson', 'risk-zones', 'geojson'],
        ['surface.asc', 'surface', 'asc'],
      ];
      for (const [file, kind, format] of data) {
        try {
          await save(file, (targetPath) =>
            exportDataJob(ctx, profiles, { jobId: jobId(kind), profileId: doc.id, kind, format, targetPath }),
          );
        } catch (error) {
          if (!(error instanceof ApiError && error.code === 'refused')) throw error;
          warnings.push(`${file} skipped: ${error.message}`);
        }
      }
      lap('data', t);
      timings.total = Math.round(performance.now() - started) / 1000;

      const summary = findings(doc);
      if (values.json) {
        io.out(JSON.stringify({ dir, project: projectPath, files: written, warnings, timings, ...summary }));
      } else {
        io.out(`Demo written to ${dir} in ${timings.total.toFixed(1)} s\n`);
        for (const w of written) io.out(`  ${w.file}  (${(w.bytes / 1024).toFixed(0)} KB)`);
        io.out(`  ${projectPath}  (the project: open it in the app)`);
        for (const w of warnings) io.err(`warning: ${w}`);
        io.out('');
        io.out(summary.text);
      }
      return 0;
    } finally {
      await engine.close();
    }
  },
};

async function withBar<T>(
  io: CliIo,
  label: string,
  engine: Engine,
  call: (jobId: string) => Promise<T>,
): Promise<T> {
  const bar = createProgressBar(io, label);
  const id = jobId(label.replace(/[^A-Za-z0-9]+/g, '').slice(0, 20) || 'job');
  const stop = engine.events.subscribe((event) => {
    if (event.type === 'job' && event.job.id.startsWith(id))
      bar.update(event.job.done, event.job.total, event.job.message ?? '');
  });
  try {
    return await call(id);
  } finally {
    stop();
    bar.finish();
  }
}

/** The one-screen summary: hotspots with PAI, the Knox headline, the chains. */
export function findings(doc: ProfileDocument): {
  text: string;
  hotspots: { rank: number; events: number; pai: number; place: string }[];
  knox: string | null;
  chains: number | null;
} {
  const m = doc.model;
  const analysis = m.sections.find((s) => s.id === 'analysis');
  const table = analysis?.blocks.find((b) => b.kind === 'table' && b.caption.startsWith('Hotspots'));
  // Columns by their labels: the table's layout (e.g. a Test or Top categories column) varies.
  const column = (label: string) =>
    table && table.kind === 'table' ? table.columns.findIndex((c) => c.label === label) : -1;
  const [events, pai, place, locations] = ['Events', 'PAI', 'Place', 'Top locations'].map(column);
  const hotspots =
    table && table.kind === 'table'
      ? table.rows.slice(0, 5).map((r) => ({
          rank: Number(r[0]),
          events: Number((r[events!] ?? '').replace(/,/g, '')),
          pai: Number(r[pai!]),
          place: (r[place!] && r[place!] !== '—' ? r[place!] : (r[locations!] ?? '').split(' (')[0]) ?? '',
        }))
      : [];
  const chainLine = m.headlines.find((h) => /near-repeat chains? that could be series/.test(h));
  const chains = chainLine ? Number(/^([\d,]+)/.exec(chainLine)?.[1]?.replace(/,/g, '') ?? Number.NaN) : null;
  const lines = [
    `${m.front.title} (${m.front.marking})`,
    `${m.subjectLabel}, ${m.periods.current.from} to ${m.periods.current.to}`,
    '',
    ...m.headlines.map((h) => `- ${h}`),
    '',
    'Hotspots (most events first):',
    ...hotspots.map(
      (h) =>
        `  ${String(h.rank).padStart(2)}  ${String(h.events).padStart(4)} events  PAI ${h.pai.toFixed(1).padStart(5)}  ${h.place}`,
    ),
  ];
  return { text: lines.join('\n'), hotspots, knox: m.nearRepeatHeadline, chains };
}
