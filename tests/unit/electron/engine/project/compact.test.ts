import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactCommand } from '../../../../../electron/cli/commands/compact.js';
import {
  cached,
  noteProfileAnalyses,
  recordingAnalysisUses,
  UNUSED_RESULTS_KEPT_PER_KIND,
} from '../../../../../electron/engine/analysis-cache.js';
import { readAudit, verifyAuditChain } from '../../../../../electron/engine/project/audit.js';
import { compactMessage, compactProject } from '../../../../../electron/engine/project/compact.js';
import {
  createProject,
  type OpenProject,
  openProject,
} from '../../../../../electron/engine/project/open-project.js';

let dir: string;
let project: OpenProject;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-compact-'));
  project = createProject(join(dir, 'p.hsw'), { appVersion: 'test' });
});
afterEach(() => {
  project.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = () => ({ project: () => project, appVersion: 'test' });

/** Stores one result of `kind` holding a grid of 100,000 doubles (800 kB), returns its id. */
async function store(kind: string, n: number): Promise<number> {
  const grid = new Float64Array(100_000).fill(n);
  return (await cached(ctx(), kind, { n }, { cell: 50 }, async () => ({ grid }))).analysisId;
}

function savedProfile(): number {
  const now = new Date().toISOString();
  return Number(
    project.db
      .prepare(
        `INSERT INTO profiles (title, subject_json, period_json, sections_json, front_json, created_at, updated_at)
         VALUES ('P', '{}', '{}', '{}', '{}', ?, ?)`,
      )
      .run(now, now).lastInsertRowid,
  );
}

function remainingIds(): number[] {
  return project.db.prepare('SELECT id FROM analyses ORDER BY id').pluck().all() as number[];
}

describe('pruning and compacting the analysis cache', () => {
  it('keeps the latest result of each kind and those a saved profile was built from', async () => {
    const { analysisIds } = await recordingAnalysisUses(async () => [await store('kde', 1)]);
    noteProfileAnalyses(project.db, savedProfile(), analysisIds);
    const kde2 = await store('kde', 2);
    const kde3 = await store('kde', 3);
    const kde4 = await store('kde', 4);
    const knox1 = await store('knox', 1);
    const knox2 = await store('knox', 2);
    expect(analysisIds).toHaveLength(1);
    project.db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = statSync(project.path).size;

    const result = compactProject(project);
    expect(remainingIds()).toEqual([analysisIds[0], kde4, knox2]);
    expect(result).toMatchObject({ analysesRemoved: 3, analysesKept: 3, bytesBefore: sizeBefore });
    // Three 800 kB grids removed and the file vacuumed: at least 2 MB smaller.
    expect(result.bytesBefore - result.bytesAfter).toBeGreaterThan(2 * 800_000);
    expect(statSync(project.path).size).toBe(result.bytesAfter);
    expect([kde2, kde3, knox1].every((id) => !remainingIds().includes(id))).toBe(true);
    expect(compactMessage(result)).toMatch(/^Removed 3 stored analyses; 3 kept .* MB → .* MB\.$/);
    const last = readAudit(project.db).at(-1)!;
    expect(last).toMatchObject({ action: 'compact', detail: { analysesRemoved: 3, analysesKept: 3 } });
    expect(verifyAuditChain(project.db).intact).toBe(true);
  });

  it('a deleted profile no longer keeps its analyses', async () => {
    const { analysisIds } = await recordingAnalysisUses(async () => [await store('kde', 1)]);
    const profileId = savedProfile();
    noteProfileAnalyses(project.db, profileId, analysisIds);
    await store('kde', 2);
    project.db.prepare('DELETE FROM profiles WHERE id = ?').run(profileId);
    expect(compactProject(project).analysesRemoved).toBe(1);
  });

  it('bounds each kind as it grows: the newest unused results stay, profile ones on top', async () => {
    const { analysisIds } = await recordingAnalysisUses(async () => [await store('kde', 0)]);
    noteProfileAnalyses(project.db, savedProfile(), analysisIds);
    const ids: number[] = [];
    for (let n = 1; n <= UNUSED_RESULTS_KEPT_PER_KIND + 4; n++) ids.push(await store('kde', n));
    expect(remainingIds()).toEqual([analysisIds[0], ...ids.slice(4)]);
  });

  it('a cache hit inside a recording counts as a use', async () => {
    const id = await store('knox', 7);
    const { analysisIds } = await recordingAnalysisUses(() => store('knox', 7));
    expect(analysisIds).toEqual([id]);
  });
});

describe('hotspot compact', () => {
  it('compacts a project and prints what it did; refuses a missing file', async () => {
    await store('kde', 1);
    await store('kde', 2);
    project.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {}, interactive: false, debug: false };
    const path = join(dir, 'p.hsw');
    expect(await compactCommand.run(['--project', path, '--json'], io)).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ analysesRemoved: 1, analysesKept: 1 });
    await expect(compactCommand.run(['--project', join(dir, 'none.hsw')], io)).rejects.toThrow(
      /no project at .*none\.hsw/,
    );
    project = openProject(path);
    expect(remainingIds()).toHaveLength(1);
  });
});
