/**
 * Atomic file writes for exports (DESIGN.md §5 "Writes are atomic"): the bytes go to a temporary
 * file in the same folder (same file system, so rename is atomic), are flushed, and the file is then
 * renamed over the target. A reader sees the old file or the whole new one, never half of one; a
 * failure removes the temporary file and leaves the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
