/**
 * The browser's stand-in for a native file dialog: the renderer streams the file the analyst picked
 * (`<input type="file">`) to `POST /api/upload?name=…`; the host writes it into its private temp
 * directory, registers it in the engine's FileRegistry and returns the FileRef. Paths never come
 * from the browser, only the display name, and that is reduced to a safe base name.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileRef } from '../../shared/api/project-api.js';
import type { FileRegistry } from '../engine/context.js';

/** A name fit for display and for the end of a temp file name: no separators, no control characters. */
export function safeUploadName(name: string | null): string | null {
  if (name === null) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return cleaned.slice(0, 200);
}

export class UploadRefused extends Error {
  override name = 'UploadRefused';
}

export async function receiveUpload(
  req: IncomingMessage,
  dir: string,
  rawName: string | null,
  files: FileRegistry,
): Promise<FileRef> {
  const name = safeUploadName(rawName);
  if (name === null) {
    req.resume();
    throw new UploadRefused(`upload needs ?name=<file name>, got '${rawName ?? ''}'`);
  }
  const path = join(dir, `${randomBytes(8).toString('hex')}-${name}`);
  try {
    await pipeline(req, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return files.register(path, name);
}
