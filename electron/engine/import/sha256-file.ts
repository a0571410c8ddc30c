/** SHA-256 of a file's bytes, streamed (a partner extract can be larger than memory). */
import { createHash } from 'node:crypto';
import type { ProgressFn } from '../../../shared/jobs/progress.js';
import { fileChunks } from './readers/file-chunks.js';

export async function sha256File(path: string, progress?: ProgressFn, totalBytes = 0): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of fileChunks(path)) {
    hash.update(chunk);
    done += chunk.length;
    progress?.(done, totalBytes, 'Checking the file');
  }
  return hash.digest('hex');
}
