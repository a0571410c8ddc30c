import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A sandboxed preload can require('electron') and nothing else: the bundle must be self-contained.
describe('electron/preload/preload.ts bundle', () => {
  it('is one CommonJS script whose only require is electron', async () => {
    const result = await build({
      entryPoints: ['electron/preload/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    const requires = new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...requires]).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld("hotspot"');
    expect(code).toContain('exposeInMainWorld("hotspotDesktop"');
    expect(code).not.toMatch(/exposeInMainWorld\("ipcRenderer"/);
  });
});
