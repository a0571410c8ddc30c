import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../../../../../electron/engine/import/readers/file-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'hsw-file-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(bytes: number): { path: string; data: Buffer } {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + 7) & 0xff;
  const path = join(dir, `f${bytes}.bin`);
  writeFileSync(path, data);
  return { path, data };
}

describe('fileChunks', () => {
  it('gives every byte once, in order, in pieces of at most the chunk size (copied before the next)', async () => {
    const { path, data } = fileOf(1_000);
    const pieces: Buffer[] = [];
    for await (const chunk of fileChunks(path, 64)) pieces.push(Buffer.from(chunk));
    // 1,000 = 15 × 64 + 40
    expect(pieces.map((p) => p.length)).toEqual([...Array(15).fill(64), 40]);
    expect(Buffer.concat(pieces).equals(data)).toBe(true);
  });

  it('reuses one buffer: a piece kept without copying is overwritten by the next read', async () => {
    const { path, data } = fileOf(128);
    const kept: Buffer[] = [];
    for await (const chunk of fileChunks(path, 64)) kept.push(chunk);
    expect(kept[0]!.equals(data.subarray(64, 128))).toBe(true);
  });

  it('gives nothing for an empty file and stops cleanly on break', async () => {
    const empty = fileOf(0);
    let n = 0;
    for await (const _ of fileChunks(empty.path)) n++;
    expect(n).toBe(0);
    const { path, data } = fileOf(300);
    for await (const chunk of fileChunks(path, 100)) {
      expect(Buffer.from(chunk).equals(data.subarray(0, 100))).toBe(true);
      break;
    }
  });
});
