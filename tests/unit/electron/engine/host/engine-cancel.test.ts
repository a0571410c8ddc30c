/**
 * Cancel honoured by the remaining jobs (issue 14 item 4), through the engine in its own thread as
 * every host runs it: each job is cancelled on its first progress report and must reject
 * `cancelled`, its last event saying so. The time from cancelJob to the call settling is printed,
 * not asserted (2 shared cores). engine-thread.test.ts covers hashFile, import, Knox, KDE, chains
 * and building a profile. The same project then checks that a data export's companion files (the
 * provenance sidecar, the grid's .prj, data-dictionary.txt) never replace a file opened for reading.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../../electron/engine/engine.js';
import { startEngineThread } from '../../../../../electron/engine/host/engine-thread.js';
import type { ApiEvent } from '../../../../../shared/api/jobs.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { townFiles } from '../../../../../shared/generate/town-files.js';

type AnyApi = Record<string, (input: unknown) => Promise<unknown>>;

let dir: string;
let engine: ReturnType<typeof startEngineThread>;
let api: AnyApi;
let datasetId: number;
let profileId: number;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-cancel-'));
  for (const file of townFiles(generateTown({ seed: 7, size: 2 }))) {
    files[file.name] = join(dir, file.name);
    writeFileSync(files[file.name]!, file.text);
  }
  engine = startEngineThread({ appVersion: '0.1.0-test', host: 'web', poolSize: 2 });
  api = engine.api as unknown as AnyApi;
  await api.createProject({ path: join(dir, 'cancel.hsw') });
  const crimes = engine.files.register(files['police_crimes.csv']!);
  const preview = (await api.previewImport({ file: crimes })) as { mapping: unknown };
  ({ datasetId } = (await api.runImport({
    jobId: 'import-setup-01',
    file: crimes,
    dataset: 'Police recorded crime',
    mapping: preview.mapping,
    pii: [],
    dryRun: false,
    allowDuplicateFile: false,
  })) as { datasetId: number });
  await api.importBoundaries({ file: engine.files.register(files['wards.geojson']!), name: 'Wards' });
  ({ id: profileId } = (await api.buildProfile({
    jobId: 'profile-setup-01',
    subject: 'category:Burglary',
    period: { from: '2025-07-01', to: '2025-12-31' },
    options: { knoxIterations: 99, seed: 1 },
  })) as { id: number });
}, 240_000);

afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a job, cancels it on its first progress report, and returns how the call and its events ended. */
async function cancelOnFirstProgress(jobId: string, start: () => Promise<unknown>) {
  const seen: ApiEvent[] = [];
  let cancelAt: number | null = null;
  const stop = engine.events.subscribe((event) => {
    if (event.type !== 'job' || event.job.id !== jobId) return;
    seen.push(event);
    if (cancelAt === null && event.job.total > 0) {
      cancelAt = performance.now();
      void api.cancelJob!({ jobId });
    }
  });
  try {
    const outcome = await start().then(
      () => 'finished',
      (error: { code?: string; message?: string }) => error.code ?? error.message,
    );
    if (cancelAt !== null) {
      console.log(
        `[measured] ${jobId}: settled ${(performance.now() - cancelAt).toFixed(0)} ms after cancelJob`,
      );
    }
    const last = seen.at(-1);
    return { outcome, lastState: last?.type === 'job' ? last.job.state : undefined };
  } finally {
    stop();
  }
}

const cancelled = { outcome: 'cancelled', lastState: 'cancelled' };

describe('every job with a Cancel honours it (engine in its thread)', () => {
  it('importBoundaries', async () => {
    // Enough features that the import is still running when the cancel arrives (progress every 500).
    const wards = JSON.parse(readFileSync(files['wards.geojson']!, 'utf8')) as { features: object[] };
    const features = Array.from({ length: 20_000 }, (_, i) => ({
      ...wards.features[i % wards.features.length]!,
      properties: { code: `W${i}`, name: `Ward ${i}` },
    }));
    const many = join(dir, 'many-wards.geojson');
    writeFileSync(many, JSON.stringify({ type: 'FeatureCollection', features }));
    const file = engine.files.register(many);
    const result = await cancelOnFirstProgress('bounds-cancel-01', () =>
      api.importBoundaries!({ jobId: 'bounds-cancel-01', file, name: 'Postcode districts' }),
    );
    expect(result).toEqual(cancelled);
  });

  it('runGiStar', async () => {
    const result = await cancelOnFirstProgress('gistar-cancel-01', () =>
      api.runGiStar!({ jobId: 'gistar-cancel-01', filter: { datasetIds: [datasetId] }, cellSizeM: 25 }),
    );
    expect(result).toEqual(cancelled);
  });

  it('runEmerging', async () => {
    const result = await cancelOnFirstProgress('emerging-cancel-01', () =>
      api.runEmerging!({
        jobId: 'emerging-cancel-01',
        filter: { datasetIds: [datasetId] },
        endDate: '2025-12-31',
        slice: { unit: 'months', length: 1, slices: 12 },
        cellSizeM: 50,
      }),
    );
    expect(result).toEqual(cancelled);
  });

  it('runConcentration', async () => {
    const result = await cancelOnFirstProgress('concentration-cancel-01', () =>
      api.runConcentration!({
        jobId: 'concentration-cancel-01',
        filter: { datasetIds: [datasetId] },
        cellSizeM: 10,
      }),
    );
    expect(result).toEqual(cancelled);
  });

  it('runTactical', async () => {
    const result = await cancelOnFirstProgress('tactical-cancel-01', () =>
      api.runTactical!({
        jobId: 'tactical-cancel-01',
        datasetIds: [datasetId],
        from: '2025-10-01',
        to: '2025-12-31',
      }),
    );
    expect(result).toEqual(cancelled);
  });

  it('exportProfile', async () => {
    const result = await cancelOnFirstProgress('export-profile-cancel-01', () =>
      api.exportProfile!({ jobId: 'export-profile-cancel-01', profileId, format: 'pptx' }),
    );
    expect(result).toEqual(cancelled);
  });
});

// A results analysis or a data export on this town ends sooner than a cancel's round trip to the
// engine's thread (progress events go out at most every 100 ms), so these run with the engine in
// this process, where the cancel lands during the job's first progress report.
describe('quick jobs honour a cancel (engine in this process)', () => {
  let local: ReturnType<typeof createEngine>;
  beforeAll(async () => {
    local = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 1 });
    await local.api.openProject({ path: join(dir, 'cancel.hsw') });
  });
  afterAll(() => local.close());

  async function cancelLocally(jobId: string, start: () => Promise<unknown>) {
    const stop = local.events.subscribe((event) => {
      if (event.type === 'job' && event.job.id === jobId && event.job.total > 0)
        void local.api.cancelJob({ jobId });
    });
    try {
      return await start().then(
        () => 'finished',
        (error: { code?: string }) => error.code,
      );
    } finally {
      stop();
    }
  }

  it('runResults', async () => {
    const outcome = await cancelLocally('results-cancel-01', () =>
      local.api.runResults({
        jobId: 'results-cancel-01',
        datasetIds: [datasetId],
        target: { boundaryFeatureId: 1 },
        buffer: { boundaryFeatureId: 2 },
        control: { boundaryFeatureId: 3 },
        before: { from: '2025-01-01', to: '2025-06-30' },
        after: { from: '2025-07-01', to: '2025-12-31' },
      }),
    );
    expect(outcome).toBe('cancelled');
  });

  it('exportData, writing nothing', async () => {
    const target = local.files.registerTarget(join(dir, 'cancelled-surface.asc'));
    const outcome = await cancelLocally('export-data-local-01', () =>
      local.api.exportData({
        jobId: 'export-data-local-01',
        profileId,
        kind: 'surface',
        format: 'asc',
        target,
      }),
    );
    expect(outcome).toBe('cancelled');
    expect(existsSync(join(dir, 'cancelled-surface.asc'))).toBe(false);
  });
});

describe('a data export writes only where the analyst chose', () => {
  const surface = (jobId: string, target: unknown) =>
    api.exportData!({ jobId, profileId, kind: 'surface', format: 'asc', target });

  it('writes the grid, its .prj, sidecar and data dictionary beside the chosen file', async () => {
    const folder = join(dir, 'export-ok');
    mkdirSync(folder);
    await surface('export-ok-0001', engine.files.registerTarget(join(folder, 'surface.asc')));
    expect(readdirSync(folder).sort()).toEqual([
      'data-dictionary.txt',
      'surface.asc',
      'surface.asc.provenance.txt',
      'surface.prj',
    ]);
  });

  for (const companion of ['surface.asc.provenance.txt', 'surface.prj', 'data-dictionary.txt']) {
    it(`refuses, writing nothing, when ${companion} beside the target is a file opened for reading`, async () => {
      const folder = join(dir, `export-${companion}`);
      mkdirSync(folder);
      const original = join(folder, companion);
      writeFileSync(original, 'the analyst’s own file\n');
      engine.files.register(original);
      const outcome = await surface(
        'export-no-0001',
        engine.files.registerTarget(join(folder, 'surface.asc')),
      ).then(
        () => null,
        (error: { code?: string; message?: string }) => error,
      );
      expect(outcome?.code).toBe('refused');
      expect(outcome?.message).toContain(`"${companion}"`);
      expect(outcome?.message).toContain('Save the export in another folder');
      expect(readFileSync(original, 'utf8')).toBe('the analyst’s own file\n');
      expect(readdirSync(folder)).toEqual([companion]);
      expect(existsSync(join(folder, 'surface.asc'))).toBe(false);
    });
  }
});
