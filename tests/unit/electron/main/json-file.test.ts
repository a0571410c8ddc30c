import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile, writeJsonAtomic } from '../../../../electron/main/json-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hsw-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temporaries = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeJsonAtomic(path, value) / readJsonFile(path)', () => {
  it('round-trips a value, replacing the old content, and leaves no temporary file behind', () => {
    const file = path.join(dir, 'window-state.json');
    writeJsonAtomic(file, { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false });
    writeJsonAtomic(file, { bounds: { x: 5, y: 6, width: 7, height: 8 }, maximized: true });
    expect(readJsonFile(file)).toEqual({ bounds: { x: 5, y: 6, width: 7, height: 8 }, maximized: true });
    expect(temporaries()).toEqual([]);
  });

  it('throws and removes its temporary file when the rename fails', () => {
    // A non-empty directory where the file should go makes the rename fail.
    const target = path.join(dir, 'occupied');
    mkdirSync(path.join(target, 'inner'), { recursive: true });
    expect(() => writeJsonAtomic(target, { v: 2 })).toThrow();
    expect(temporaries()).toEqual([]);
    expect(existsSync(path.join(target, 'inner'))).toBe(true);
  });

  it('reads a missing or corrupt file as null', () => {
    expect(readJsonFile(path.join(dir, 'missing.json'))).toBeNull();
    const corrupt = path.join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"bounds": {');
    expect(readJsonFile(corrupt)).toBeNull();
  });
});
