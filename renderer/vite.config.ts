/**
 * Builds the renderer into dist/renderer with relative URLs (base './'), so the same files load from
 * the web host and from Electron's app scheme. The index.html CSP meta (defence in depth; the hosts
 * also send the header) is written from shared/security/csp.ts at build time, so there is one policy.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildMetaCsp } from '../shared/security/csp.js';

/**
 * The <meta> policy: the header's rules minus what the analyst's intranet tile origin widens
 * (a page enforces both policies, so a narrower meta would block the configured tile server).
 */
function metaCsp(): string {
  return buildMetaCsp();
}

function cspMeta(): Plugin {
  return {
    name: 'hotspot-csp-meta',
    transformIndexHtml: (html) => html.replace('%HOTSPOT_CSP%', metaCsp()),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [cspMeta()],
  // Test hooks (shell/test-hooks.ts) only in a build for the tests: scripts/build.mjs sets the variable.
  define: { __HOTSPOT_TEST_HOOKS__: JSON.stringify(process.env.HOTSPOT_TEST_HOOKS === '1') },
  build: {
    // HOTSPOT_DIST may be relative to the project or absolute (a side build in /tmp).
    outDir: resolve(
      fileURLToPath(new URL('..', import.meta.url)),
      process.env.HOTSPOT_DIST ?? 'dist',
      'renderer',
    ),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // MapLibre alone is ~1 MB minified; the app is offline, so one large chunk costs nothing.
    chunkSizeWarningLimit: 4096,
    assetsInlineLimit: 0,
  },
});
