/**
 * End-to-end tests: the built renderer in Debian's Chromium against the real engine behind
 * `hotspot serve` (DESIGN.md §6). `npm test` builds first; these tests build nothing. No browser is
 * ever downloaded: Chromium is /usr/bin/chromium (`.ci/run` installs it when missing).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  // The JSON report feeds the totals line that .ci/run prints (scripts/test-totals.mjs).
  reporter: [['list'], ['json', { outputFile: '../../.test-reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.HOTSPOT_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-default-apps',
        '--disable-domain-reliability',
        '--metrics-recording-only',
        // A fence under the test's request log: every host name but loopback fails to resolve.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
        // WebGL without a GPU: SwiftShader, which newer Chromium only enables on request.
        '--use-gl=angle',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
});
