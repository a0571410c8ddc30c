// Runs Doyensec's Electronegativity (the Electron security scanner) over electron/ and the renderer
// page, and exits 1 on any finding of medium severity or above (issue 14 item 2). Part of `npm run lint`.
//
//   node scripts/electronegativity.mjs          the built page dist/renderer/index.html (HOTSPOT_DIST
//                                               moves it); without a build, the source page with its
//                                               CSP meta filled in as the build does
//   node scripts/electronegativity.mjs --all    also list low and informational findings
//
// A line the scanner cannot see through carries its own `// eng-disable CHECK_NAME` with the reason
// beside it (e.g. web preferences built by secureWebPreferences()); everything else has to be fixed.
// Offline: the scanner fetches updated translations from GitHub when it starts; that fetch is
// answered here with a failure before the scanner loads, so a run never touches the network.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const builtPage = join(root, process.env.HOTSPOT_DIST ?? 'dist', 'renderer', 'index.html');
const showAll = process.argv.includes('--all');
const MEDIUM = 2; // the scanner's severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3

const require = createRequire(import.meta.url);
let runnerPath;
try {
  runnerPath = require.resolve('@doyensec/electronegativity');
} catch {
  console.error('electronegativity: @doyensec/electronegativity is not installed (npm ci installs it).');
  process.exit(1);
}
// The scanner's only network use is `got(<GitHub URL of its translations>)`: stub it before loading.
const gotPath = createRequire(runnerPath).resolve('got');
const offlineGot = () => Promise.reject(new Error('offline: translations are not fetched'));
Module._cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot };
const run = require(runnerPath);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

/** The built page; without a build, renderer/index.html with the meta as renderer/vite.config.ts writes it. */
async function pageHtml() {
  if (existsSync(builtPage))
    return { html: readFileSync(builtPage, 'utf8'), label: relative(root, builtPage) };
  const { tsImport } = await import('tsx/esm/api');
  const { buildMetaCsp } = await tsImport('../shared/security/csp.ts', import.meta.url);
  const source = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
  return {
    html: source.replace('%HOTSPOT_CSP%', buildMetaCsp()),
    label: 'renderer/index.html (meta as built)',
  };
}

/** One scan of the app as a whole, so the global checks (CSP, navigation, permissions) see every part. */
async function scan(html) {
  const scanDir = mkdtempSync(join(tmpdir(), 'hotspot-eng-'));
  cpSync(join(root, 'electron'), join(scanDir, 'electron'), { recursive: true });
  mkdirSync(join(scanDir, 'renderer'));
  writeFileSync(join(scanDir, 'renderer', 'index.html'), html);
  const logLine = console.log;
  console.log = () => {}; // the scanner's "could not retrieve translations" notice
  try {
    return await run({
      input: scanDir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = logLine;
    rmSync(scanDir, { recursive: true, force: true });
  }
}

const { html, label } = await pageHtml();
const result = await scan(html);
const where = (issue) =>
  issue.file === 'N/A'
    ? 'the app as a whole'
    : `${issue.file.replace(/^renderer\/index\.html$/, label)}:${issue.location.line}`;
for (const issue of result.issues.filter((i) => showAll || i.severity.value >= MEDIUM)) {
  const review = issue.manualReview ? ' (manual review)' : '';
  console.log(`${issue.severity.name.padEnd(13)} ${issue.id.padEnd(40)} ${where(issue)}${review}`);
}
const serious = result.issues.filter((issue) => issue.severity.value >= MEDIUM).length;
console.log(
  `electronegativity (Electron ${electronVersion}) over electron/ and ${label}: ` +
    `${serious} medium-or-above, ${result.issues.length} in all, ${result.errors.length} files not parsed`,
);
process.exit(serious > 0 || result.errors.length > 0 ? 1 : 0);
