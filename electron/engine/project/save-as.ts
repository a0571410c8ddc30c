/**
 * File › Save Project As: copies the open project to a new file with SQLite's online backup API
 * (better-sqlite3 `db.backup`), which gives a consistent snapshot even in WAL mode and while the
 * app keeps reading. The copy is written under a temporary name beside the target and renamed
 * into place, so a failure leaves any existing file at the target untouched (DESIGN.md §5).
 * The caller then opens the copy, as Save As does in any desktop app.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors.js';
import type { EngineContext } from '../context.js';

function samePath(a: string, b: string): boolean {
  const [x, y] = [resolve(a), resolve(b)];
  // Windows and macOS file systems are case-insensitive by default.
  return process.platform === 'linux' ? x === y : x.toLowerCase() === y.toLowerCase();
}

export async function saveProjectAs(
  ctx: Pick<EngineContext, 'project' | 'audit'>,
  path: string,
): Promise<void> {
  const project = ctx.project();
  if (samePath(project.path, path)) {
    throw new ApiError(
      'refused',
      'That is the project already open. Choose a different file name to save a copy.',
    );
  }
  if (!existsSync(dirname(resolve(path)))) {
    throw new ApiError('not-found', `The folder ${dirname(path)} does not exist.`);
  }
  ctx.audit('project-saved-as', { path });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.saving`;
  try {
    await project.db.backup(temporary);
    // A WAL or shared-memory file left by an earlier project at the target would be replayed
    // into the copy when it is opened; the copy has none of its own once the backup has closed.
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-wal`, { force: true });
    rmSync(`${temporary}-shm`, { force: true });
  }
}
