/**
 * Helpers for tests of `hotspot` subcommands: a CliIo that keeps what a command prints, and
 * temporary folders that are removed after the test file has run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { CliIo } from '../../../../electron/cli/command.js';

/** A non-interactive CliIo (no progress bar) keeping each stdout and stderr write in `out`, `err`. */
export function captureIo(): { out: string[]; err: string[]; io: CliIo } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      interactive: false,
      debug: false,
    },
  };
}

/**
 * A maker of fresh folders under the OS temp folder named `prefix…`, all removed after the calling
 * file's tests. Call it at the top level of a test file (it registers an afterAll hook).
 */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** One fresh temporary folder, removed after the calling file's tests (call at the top level). */
export function tempDir(prefix: string): string {
  return tempDirs(prefix)();
}
