import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/engine/export/atomic-write.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces an existing file with the new bytes and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsw-atomic-'));
    dirs.push(dir);
    const path = join(dir, 'profile.html');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, new TextEncoder().encode('new bytes'));
    expect(readFileSync(path, 'utf8')).toBe('new bytes');
    expect(readdirSync(dir)).toEqual(['profile.html']);
  });

  it('leaves the target as it was and cleans up when the write fails (folder missing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hsw-atomic-'));
    dirs.push(dir);
    await expect(writeFileAtomic(join(dir, 'missing', 'x.pdf'), 'data')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
