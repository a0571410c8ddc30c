/**
 * SHA-256 of a file, streamed in 1 MiB chunks so any size fits in memory; progress in bytes.
 * Used for import provenance (the `imports.sha256` column) and by the `hashFile` Api method.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../../shared/api/errors.js';
import type { ProgressFn } from '../../../../shared/jobs/progress.js';
import type { HashFileParams, HashFileResult } from '../jobs.js';

const CHUNK_BYTES = 1 << 20;

export async function hashFile({ path }: HashFileParams, progress: ProgressFn): Promise<HashFileResult> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new ApiError('not-found', `File not found: ${path}`);
    throw error;
  });
  if (!info.isFile()) throw new ApiError('invalid-argument', `Not a file: ${path}`);
  const hash = createHash('sha256');
  let bytes = 0;
  progress(0, info.size, 'Hashing');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    progress(bytes, info.size, 'Hashing');
  }
  return { sha256: hash.digest('hex'), bytes };
}
