import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathRegistry } from '../../../../electron/engine/files.js';
import { fileRefSchema } from '../../../../shared/api/project-api.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PathRegistry', () => {
  it('registers a file as a FileRef with its name and size that passes the Api schema', () => {
    const path = join(dir, 'crimes.csv');
    writeFileSync(path, 'x,y\n1,2\n');
    const ref = new PathRegistry().register(path);
    expect(ref).toMatchObject({ name: 'crimes.csv', size: 8 });
    expect(fileRefSchema.safeParse(ref).success).toBe(true);
  });

  it('resolves a ref it minted back to its path, and a save target that does not exist yet has size 0', () => {
    const files = new PathRegistry();
    const target = join(dir, 'profile.pdf');
    const ref = files.register(target, 'Problem profile.pdf');
    expect(ref).toMatchObject({ name: 'Problem profile.pdf', size: 0 });
    expect(files.resolve(ref)).toBe(target);
  });

  it('refuses refs it did not mint, including a well-formed guess and another registry’s ref', () => {
    const files = new PathRegistry();
    const foreign = new PathRegistry().register(join(dir, 'x'));
    expect(() => files.resolve({ id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'passwd', size: 1 })).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
    expect(() => files.resolve(foreign)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('mints a different random id each time and forgets refs on request', () => {
    const files = new PathRegistry();
    const a = files.register(join(dir, 'same'));
    const b = files.register(join(dir, 'same'));
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    files.forget(a);
    expect(() => files.resolve(a)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(files.resolve(b)).toBe(join(dir, 'same'));
  });
});
