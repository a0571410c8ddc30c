// Builds everything into dist/: the Node bundles with esbuild (CLI, worker, Electron main and
// preload) and the renderer with Vite. Type-checking is `npm run typecheck`; this only emits.
import { chmodSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

// HOTSPOT_DIST lets several builds of one tree live side by side (default dist/).
const out = process.env.HOTSPOT_DIST ?? 'dist';
// Test hooks in the renderer (renderer/src/shell/test-hooks.ts): with --test-hooks (npm test,
// npm run bench) or HOTSPOT_TEST_HOOKS=1; a side build (HOTSPOT_DIST) is a development build and
// has them unless HOTSPOT_TEST_HOOKS=0. The shipped paths (npm start, npm run dist, serve) build
// into dist/ without them.
if (process.argv.includes('--test-hooks')) process.env.HOTSPOT_TEST_HOOKS = '1';
else if (process.env.HOTSPOT_TEST_HOOKS === undefined && out !== 'dist') process.env.HOTSPOT_TEST_HOOKS = '1';

// Entry points start with ./ : a bare 'electron/…' would match the external 'electron' package.
await Promise.all([
  esbuild({
    ...node,
    entryPoints: { cli: './electron/cli/main.ts' },
    outdir: out,
    // Each command's dynamic import() becomes its own chunk beside cli.js, loaded when it runs.
    splitting: true,
    chunkNames: 'cli-[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // A job kind's module is a chunk (worker-*.js) imported by its first job (job-handlers.ts).
  esbuild({
    ...node,
    entryPoints: { worker: './electron/engine/jobs/worker.ts' },
    outdir: out,
    splitting: true,
    chunkNames: 'worker-[name]-[hash]',
  }),
  // The engine's own thread (web host) or Electron utility process (electron/engine/host/).
  esbuild({ ...node, entryPoints: { engine: './electron/engine/host/engine-entry.ts' }, outdir: out }),
  esbuild({
    ...node,
    entryPoints: { main: './electron/main/main.ts' },
    outdir: `${out}/electron`,
    external: ['electron'],
  }),
  // A sandboxed preload must be a single CommonJS script.
  esbuild({
    ...node,
    packages: undefined,
    format: 'cjs',
    entryPoints: { preload: './electron/preload/preload.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: `${out}/electron`,
    external: ['electron'],
  }),
]);
chmodSync(`${out}/cli.js`, 0o755);
// A side build outside the project (HOTSPOT_DIST=../../tmp/x) runs as dist/ does only if Node finds
// what dist/ finds above it: package.json's "type": "module" (without it Node 20 compiles each
// bundle twice to detect its format) and node_modules for the external packages.
const root = fileURLToPath(new URL('..', import.meta.url));
if (relative(root, resolve(out)).startsWith('..')) {
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  if (!existsSync(join(out, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
}

await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
console.log(`build: ${out}/ ready${process.env.HOTSPOT_TEST_HOOKS === '1' ? ' (with test hooks)' : ''}`);
