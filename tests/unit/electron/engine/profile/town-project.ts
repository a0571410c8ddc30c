/**
 * Test fixture: a project holding the synthetic town's police crimes, wards and streets, built
 * through the engine's Api as the app builds it, plus the crimes CSV parsed independently (plain
 * string handling, no import code), so tests can recompute the profile's numbers from the source.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../../../../electron/engine/engine.js';
import { generateTown } from '../../../../../shared/generate/generate-town.js';
import { townFiles } from '../../../../../shared/generate/town-files.js';

export interface SourceCrime {
  category: string;
  subcategory: string;
  fromMs: number;
  toMs: number;
  x: number;
  y: number;
  location: string;
}

export interface TownProject {
  dir: string;
  engine: Engine;
  crimes: SourceCrime[];
  datasetId: number;
  close(): Promise<void>;
}

function parseUk(text: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`unexpected date ${text}`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));
}

/** The generator writes no quoted commas in these columns except Location, which is last. */
export function parseCrimes(csv: string): SourceCrime[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.length > 0);
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return {
      category: cells[1]!,
      subcategory: cells[2]!,
      fromMs: parseUk(cells[3]!),
      toMs: parseUk(cells[4]!),
      x: Number(cells[5]),
      y: Number(cells[6]),
      location: cells.slice(9).join(',').replace(/^"|"$/g, ''),
    };
  });
}

export async function createTownProject(): Promise<TownProject> {
  const dir = mkdtempSync(join(tmpdir(), 'hsw-profile-'));
  const files = townFiles(generateTown({ seed: 1 }));
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  const engine = createEngine({ appVersion: '0.1.0-test', host: 'web', poolSize: 2 });
  const { api } = engine;
  await api.createProject({ path: join(dir, 'town.hsw') });
  const ref = engine.files.register(join(dir, 'police_crimes.csv'));
  const preview = await api.previewImport({ file: ref });
  const summary = await api.runImport({
    jobId: 'fixture-import-0001',
    file: ref,
    dataset: 'Police recorded crime',
    mapping: preview.mapping,
    pii: [],
    dryRun: false,
    allowDuplicateFile: false,
  });
  await api.importBoundaries({ file: engine.files.register(join(dir, 'wards.geojson')), name: 'Wards' });
  await api.importReferenceLines({
    file: engine.files.register(join(dir, 'streets.geojson')),
    name: 'Streets',
  });
  return {
    dir,
    engine,
    crimes: parseCrimes(readFileSync(join(dir, 'police_crimes.csv'), 'utf8')),
    datasetId: summary.datasetId!,
    close: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
