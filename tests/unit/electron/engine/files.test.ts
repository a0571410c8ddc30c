import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('resolves a read ref to its path, and a save target that does not exist yet has size 0', () => {
    const files = new PathRegistry();
    const source = join(dir, 'crimes.csv');
    writeFileSync(source, 'x,y\n1,2\n');
    expect(files.resolve(files.register(source))).toBe(source);
    const target = join(dir, 'profile.pdf');
    const ref = files.registerTarget(target, 'Problem profile.pdf');
    expect(ref).toMatchObject({ name: 'Problem profile.pdf', size: 0, mode: 'write' });
    expect(fileRefSchema.safeParse(ref).success).toBe(true);
    expect(files.resolveTarget(ref)).toBe(target);
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

  it('each ref serves only its own mode: a read ref is never a save target, a save target is never read', () => {
    const files = new PathRegistry();
    const source = join(dir, 'extract.csv');
    writeFileSync(source, 'a\n');
    const read = files.register(source);
    const write = files.registerTarget(join(dir, 'out.csv'));
    expect(read.mode).toBe('read');
    expect(() => files.resolveTarget(read)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => files.resolve(write)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('goes by the mode it registered, not the mode a caller claims on the ref', () => {
    const files = new PathRegistry();
    const source = join(dir, 'claimed.csv');
    writeFileSync(source, 'a\n');
    const forged = { ...files.register(source), mode: 'write' as const };
    expect(() => files.resolveTarget(forged)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('refuses to save over a file registered for reading, whatever dialog the target came from', () => {
    const files = new PathRegistry();
    const source = join(dir, 'partner.csv');
    writeFileSync(source, 'a\n');
    files.register(source);
    // The same file picked again in a Save dialog, spelt differently and through a symbolic link.
    const same = files.registerTarget(join(dir, '.', 'sub', '..', 'partner.csv'));
    expect(() => files.resolveTarget(same)).toThrow(/imported or opened; save under a different name/);
    const link = join(dir, 'link-to-partner.csv');
    symlinkSync(source, link);
    expect(() => files.resolveTarget(files.registerTarget(link))).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
    // A different file in the same folder is fine.
    const other = files.registerTarget(join(dir, 'partner-hotspots.csv'));
    expect(files.resolveTarget(other)).toBe(join(dir, 'partner-hotspots.csv'));
  });

  it('allows the save once the read ref is forgotten (e.g. an upload deleted)', () => {
    const files = new PathRegistry();
    const path = join(dir, 'upload.csv');
    writeFileSync(path, 'a\n');
    const read = files.register(path);
    const target = files.registerTarget(path);
    expect(() => files.resolveTarget(target)).toThrow();
    files.forget(read);
    expect(files.resolveTarget(target)).toBe(path);
  });
});
