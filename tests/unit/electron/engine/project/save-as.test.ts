import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, readAudit } from '../../../../../electron/engine/project/audit.js';
import {
  createProject,
  type OpenProject,
  openProject,
} from '../../../../../electron/engine/project/open-project.js';
import { saveProjectAs } from '../../../../../electron/engine/project/save-as.js';
import { ApiError } from '../../../../../shared/api/errors.js';

let dir: string;
const opened: OpenProject[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-save-as-'));
});
afterEach(() => {
  for (const project of opened.splice(0)) project.close();
  rmSync(dir, { recursive: true, force: true });
});

function contextOf(project: OpenProject) {
  opened.push(project);
  return {
    project: () => project,
    audit: (action: string, detail: Record<string, unknown>) => void appendAudit(project.db, action, detail),
  };
}

describe('saveProjectAs(ctx, path)', () => {
  it('writes a copy that opens as the same project, with the save recorded in its audit log', async () => {
    const original = createProject(join(dir, 'north.hsw'), { appVersion: '0.1.0', name: 'North Ward' });
    const ctx = contextOf(original);
    appendAudit(original.db, 'import', { file: 'crimes.csv' });
    const target = join(dir, 'north-copy.hsw');
    await saveProjectAs(ctx, target);

    const copy = openProject(target);
    opened.push(copy);
    expect(copy.info().name).toBe('North Ward');
    expect(readAudit(copy.db).map((entry) => entry.action)).toEqual(['import', 'project-saved-as']);
    expect(readdirSync(dir).filter((f) => f.includes('.saving'))).toEqual([]);
  });

  it('replaces an existing file at the target and drops its stale WAL files', async () => {
    const ctx = contextOf(createProject(join(dir, 'a.hsw'), { appVersion: '0.1.0', name: 'A' }));
    const target = join(dir, 'b.hsw');
    writeFileSync(target, 'old content');
    writeFileSync(`${target}-wal`, 'stale');
    await saveProjectAs(ctx, target);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const copy = openProject(target);
    opened.push(copy);
    expect(copy.info().name).toBe('A');
  });

  it('refuses to save over the open project itself', async () => {
    const path = join(dir, 'same.hsw');
    const ctx = contextOf(createProject(path, { appVersion: '0.1.0' }));
    const error = await saveProjectAs(ctx, join(dir, '.', 'same.hsw')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('refused');
  });

  it('refuses a folder that does not exist, leaving nothing behind', async () => {
    const ctx = contextOf(createProject(join(dir, 'p.hsw'), { appVersion: '0.1.0' }));
    const error = await saveProjectAs(ctx, join(dir, 'missing', 'p.hsw')).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('not-found');
    expect(readdirSync(dir).filter((f) => !f.startsWith('p.hsw'))).toEqual([]);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
