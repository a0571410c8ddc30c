/**
 * Test helpers for the import store: a real temporary project, CSV files, mappings, and a byte-level
 * fingerprint of the project file taken after a checkpoint (so "unchanged" means the .hsw bytes).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProject, type OpenProject } from '../../../../../electron/engine/project/open-project.js';
import type { ColumnMapping } from '../../../../../shared/import/mapping.js';

export interface TempProject {
  dir: string;
  project: OpenProject;
  /** Writes a file into the temp dir and returns its path. */
  file(name: string, content: string | Buffer): string;
  /** SHA-256 of the .hsw after a TRUNCATE checkpoint (the WAL folded in and emptied). */
  fingerprint(): string;
  cleanup(): void;
}

export function tempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'hsw-import-'));
  const project = createProject(join(dir, 'test.hsw'), { appVersion: 'test' });
  return {
    dir,
    project,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    fingerprint() {
      project.db.pragma('wal_checkpoint(TRUNCATE)');
      return createHash('sha256').update(readFileSync(project.path)).digest('hex');
    },
    cleanup() {
      try {
        project.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function mapping(
  partial: Partial<ColumnMapping> & Pick<ColumnMapping, 'fields' | 'timeShape'>,
): ColumnMapping {
  return {
    dateFormat: 'dmy',
    sourceCrs: null,
    excluded: [],
    swapSuspectedCoordinates: false,
    preset: null,
    ...partial,
  };
}

export function csv(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/** A fixed "now" for imports: 1 June 2024, so 2023–2024 dates are in the past. */
export const NOW_MS = Date.UTC(2024, 5, 1);

/** Records with both project coordinates, each in its import's dataset (points a query can place). */
export const PLACED_POINTS_SQL = `SELECT COUNT(*) FROM records r JOIN imports i ON i.id = r.import_id
  WHERE r.x IS NOT NULL AND r.y IS NOT NULL AND i.dataset_id = r.dataset_id`;
