/**
 * Fixtures for the shell's end-to-end tests:
 * - `hotspot`: a `node dist/cli.js serve` process on a fresh project in a temp dir, port 0; the URL
 *   (with its token) is read from the first line of its stdout (and checked against the copy it
 *   writes with --open-url-file). Stopped with SIGTERM after the test, which must exit 0.
 * - `network` (automatic): records every request the browser context makes; after the test it
 *   fails if even one was for anything but loopback, data: or blob: (DESIGN.md §5).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';

export interface Served {
  /** The URL printed by `hotspot serve`, with `#token=…`. */
  url: string;
  origin: string;
  token: string;
  dir: string;
  projectPath: string;
}

const repoRoot = resolve(import.meta.dirname, '../..');
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that stay on this machine: loopback http(s)/ws(s), and data:/blob:/about: URLs. */
export function staysOnMachine(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOOPBACK_HOSTS.has(parsed.hostname);
}

async function startServe(dir: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const projectPath = join(dir, 'e2e.hsw');
  const urlFile = join(dir, 'url.txt');
  const args = [
    `${process.env.HOTSPOT_DIST ?? 'dist'}/cli.js`,
    'serve',
    '--project',
    projectPath,
    '--port',
    '0',
    '--open-url-file',
    urlFile,
  ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    // Uploads land in the host's temp dir: memory-backed when there is one, so the 3 GiB upload of
    // the cancel test is quick and leaves no disk traffic.
    env: existsSync('/dev/shm') ? { ...process.env, TMPDIR: '/dev/shm' } : process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hotspot serve printed no URL in 30 s:\n${stderr}`)),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`hotspot serve exited with ${code}:\n${stderr}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
  });
  expect(readFileSync(urlFile, 'utf8'), '--open-url-file holds the printed URL').toBe(`${url}\n`);
  return { child, url, stderr: () => stderr };
}

export interface NetworkLog {
  /** Every URL the browser context requested. */
  seen: string[];
  /** Those that were not loopback, data: or blob:. */
  offending: string[];
}

export const test = base.extend<{ hotspot: Served; network: NetworkLog }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument
  hotspot: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'hotspot-e2e-'));
    const { child, url, stderr } = await startServe(dir);
    const parsed = new URL(url);
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
    await use({ url, origin: parsed.origin, token, dir, projectPath: join(dir, 'e2e.hsw') });
    const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    const code = await exited;
    await rm(dir, { recursive: true, force: true });
    expect(code, `hotspot serve should stop cleanly on SIGTERM; stderr:\n${stderr()}`).toBe(0);
  },

  network: [
    async ({ context }, use) => {
      // Recorded from events rather than by context.route(): routing would pass every request body
      // (the 3 GiB upload) through the DevTools protocol. Leaks are also fenced off at DNS level by
      // --host-resolver-rules in playwright.config.ts, so a recorded one cannot have got through.
      const log: NetworkLog = { seen: [], offending: [] };
      context.on('request', (request) => {
        log.seen.push(request.url());
        if (!staysOnMachine(request.url())) log.offending.push(request.url());
      });
      await use(log);
      expect(log.offending, 'requests that would have left the machine').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
