/**
 * The allow-list of files the analyst chose (DESIGN.md §5: file paths only from the analyst's own
 * dialogs). The Electron dialog, the CLI and the web host's upload register a path and hand the
 * renderer an opaque FileRef; handlers turn a ref back into a path with `resolve`, which refuses
 * any id this registry did not mint. Ids are 128 random bits, so they cannot be guessed.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api/errors.js';
import type { FileRef } from '../../shared/api/project-api.js';
import type { FileRegistry } from './context.js';

export class PathRegistry implements FileRegistry {
  private readonly paths = new Map<string, string>();

  /** Registers `path` (an existing file to read, or a save target that may not exist yet). */
  register(path: string, name: string = basename(path)): FileRef {
    const id = randomBytes(16).toString('base64url');
    this.paths.set(id, path);
    return { id, name: name.slice(0, 260) || 'file', size: sizeOf(path) };
  }

  resolve(ref: FileRef): string {
    const path = this.paths.get(ref.id);
    if (path === undefined) {
      throw new ApiError(
        'not-found',
        `The file "${ref.name}" is not one you chose in this session; choose it again.`,
      );
    }
    return path;
  }

  /** Drops a reference, e.g. after an uploaded temporary file was deleted. */
  forget(ref: FileRef): void {
    this.paths.delete(ref.id);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
