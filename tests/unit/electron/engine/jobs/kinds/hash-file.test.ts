import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../../../../electron/engine/jobs/kinds/hash-file.js';
import { noProgress } from '../../../../../../shared/jobs/progress.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hsw-hash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hashFile', () => {
  it('gives the SHA-256 of an empty file (FIPS 180-2 vector)', async () => {
    const path = join(dir, 'empty');
    writeFileSync(path, '');
    expect(await hashFile({ path }, noProgress)).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      bytes: 0,
    });
  });

  it('streams a multi-chunk file to the same digest as hashing it whole, reporting bytes read', async () => {
    const path = join(dir, 'big.bin');
    const data = Buffer.alloc(5 * (1 << 20) + 123);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    writeFileSync(path, data);
    const reports: [number, number][] = [];
    const result = await hashFile({ path }, (done, total) => reports.push([done, total]));
    expect(result).toEqual({ sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length });
    expect(reports[0]).toEqual([0, data.length]);
    expect(reports.at(-1)).toEqual([data.length, data.length]);
    expect(reports.length).toBe(1 + 6);
  });

  it('refuses a missing file as not-found and a folder as invalid-argument', async () => {
    await expect(hashFile({ path: join(dir, 'nope') }, noProgress)).rejects.toMatchObject({
      code: 'not-found',
    });
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    await expect(hashFile({ path: folder }, noProgress)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: `Not a file: ${folder}`,
    });
  });
});
