/**
 * The allow-list of files the analyst chose (DESIGN.md §5: file paths only from the analyst's own
 * dialogs). The Electron dialogs, the CLI and the web host's upload register a path and hand the
 * renderer an opaque FileRef; handlers turn a ref back into a path, and this registry refuses any id
 * it did not mint. Ids are 128 random bits, so they cannot be guessed.
 *
 * Every ref has a mode: 'read' (an open dialog, an upload, a file named on the command line) or
 * 'write' (a save dialog, an output path). Handlers that read call `resolve`, exports call
 * `resolveTarget`, and each refuses the other mode, so a ref picked for reading can never be used to
 * overwrite the source extract. A write target is also refused while the same file is registered
 * for reading in this session, whichever dialog it came from.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { ApiError } from '../../shared/api/errors.js';
import type { FileMode, FileRef } from '../../shared/api/project-api.js';
import type { FileRegistry } from './context.js';

interface Entry {
  path: string;
  mode: FileMode;
}

export class PathRegistry implements FileRegistry {
  private readonly entries = new Map<string, Entry>();

  /** Registers an existing file the analyst chose to read. */
  register(path: string, name: string = basename(path)): FileRef {
    return this.add(path, name, 'read');
  }

  /** Registers a place the analyst chose to save to (it may not exist yet). */
  registerTarget(path: string, name: string = basename(path)): FileRef {
    return this.add(path, name, 'write');
  }

  /** The path of a ref registered for reading. */
  resolve(ref: FileRef): string {
    const entry = this.entry(ref);
    if (entry.mode !== 'read') {
      throw new ApiError(
        'invalid-argument',
        `"${ref.name}" was chosen as a place to save, not a file to open.`,
      );
    }
    return entry.path;
  }

  /** The path of a ref registered for writing, unless that file is also open for reading. */
  resolveTarget(ref: FileRef): string {
    const entry = this.entry(ref);
    if (entry.mode !== 'write') {
      throw new ApiError(
        'invalid-argument',
        `"${ref.name}" was chosen as a file to read; choose where to save with a Save dialog.`,
      );
    }
    if (this.isRegisteredForReading(entry.path)) {
      throw new ApiError(
        'invalid-argument',
        `"${ref.name}" is a file you imported or opened; save under a different name so the original is kept.`,
      );
    }
    return entry.path;
  }

  /**
   * Where an export writes a file that goes with its chosen target (a "<file>.provenance.txt"
   * sidecar, a grid's ".prj", data-dictionary.txt): in the target's folder, under a plain file name,
   * and never over a file registered for reading, which the analyst did not choose to replace.
   */
  companionPath(targetPath: string, fileName: string): string {
    if (basename(fileName) !== fileName || fileName === '' || fileName === '.' || fileName === '..') {
      throw new ApiError(
        'invalid-argument',
        `"${fileName}" is not a plain file name to save beside the export.`,
      );
    }
    const path = join(dirname(targetPath), fileName);
    if (this.isRegisteredForReading(path)) {
      throw new ApiError(
        'refused',
        `Nothing was exported: the export also writes "${fileName}" beside "${basename(targetPath)}", ` +
          'and that is a file you imported or opened. Save the export in another folder so the original is kept.',
      );
    }
    return path;
  }

  /** Whether `path` is a file registered for reading (compared as absolute paths; case-blind on Windows). */
  isRegisteredForReading(path: string): boolean {
    const key = pathKey(path);
    for (const entry of this.entries.values()) {
      if (entry.mode === 'read' && pathKey(entry.path) === key) return true;
    }
    return false;
  }

  /**
   * Takes over a ref the host's own registry minted (electron/engine/host/engine-client.ts): the
   * host registers what its dialogs return, the engine in its thread or process adopts it.
   */
  adopt(ref: FileRef, path: string): void {
    this.entries.set(ref.id, { path, mode: ref.mode ?? 'read' });
  }

  /** Drops a reference, e.g. after an uploaded temporary file was deleted. */
  forget(ref: FileRef): void {
    this.entries.delete(ref.id);
  }

  private add(path: string, name: string, mode: FileMode): FileRef {
    const id = randomBytes(16).toString('base64url');
    this.entries.set(id, { path, mode });
    return { id, name: name.slice(0, 260) || 'file', size: sizeOf(path), mode };
  }

  private entry(ref: FileRef): Entry {
    const entry = this.entries.get(ref.id);
    if (entry === undefined) {
      throw new ApiError(
        'not-found',
        `The file "${ref.name}" is not one you chose in this session; choose it again.`,
      );
    }
    return entry;
  }
}

/** One spelling per file: absolute, through symbolic links when the file exists. */
function pathKey(path: string): string {
  let absolute = resolvePath(path);
  try {
    absolute = realpathSync(absolute);
  } catch {
    // a save target that does not exist yet
  }
  return process.platform === 'win32' ? absolute.toLowerCase() : absolute;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
