// Enforces which layer may import which (STYLE.md habit 10), as VS Code's layer lint does:
//   shared/          pure TypeScript: no Node built-ins, no DOM-only packages, nothing from electron/ or renderer/
//   renderer/        browser: shared/ and browser packages only, never Node, Electron or electron/
//   electron/engine, electron/cli, electron/web-host   Node: shared/ and each other, never 'electron' or renderer/
//   electron/main, electron/preload                    Electron: may import 'electron'
// Exits 1 listing every offending import.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const importPattern =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const rules = [
  {
    layer: 'shared',
    forbidNode: true,
    forbidElectron: true,
    forbidDirs: ['electron', 'renderer'],
    forbidPackages: ['maplibre-gl', 'better-sqlite3'],
  },
  {
    layer: 'renderer',
    forbidNode: true,
    forbidElectron: true,
    forbidDirs: ['electron'],
    forbidPackages: ['better-sqlite3'],
  },
  {
    layer: join('electron', 'engine'),
    forbidElectron: true,
    forbidDirs: ['renderer', join('electron', 'main'), join('electron', 'preload')],
  },
  {
    layer: join('electron', 'cli'),
    forbidElectron: true,
    forbidDirs: ['renderer', join('electron', 'main'), join('electron', 'preload')],
  },
  {
    layer: join('electron', 'web-host'),
    forbidElectron: true,
    forbidDirs: ['renderer', join('electron', 'main'), join('electron', 'preload')],
  },
  { layer: join('electron', 'preload'), forbidDirs: ['renderer', join('electron', 'engine')] },
];

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    // vite.config.ts runs in Node at build time; it is not part of the renderer bundle.
    if (name === 'node_modules' || name === 'dist' || name === 'vite.config.ts') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

const problems = [];
for (const rule of rules) {
  const layerDir = join(root, rule.layer);
  let files;
  try {
    files = [...sourceFiles(layerDir)];
  } catch {
    continue;
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const spec = match[1] ?? match[2];
      const where = `${relative(root, file)}: imports '${spec}'`;
      if (rule.forbidNode && nodeBuiltins.has(spec))
        problems.push(`${where} (Node built-in in ${rule.layer}/)`);
      if (rule.forbidElectron && (spec === 'electron' || spec.startsWith('electron/')))
        problems.push(`${where} (Electron in ${rule.layer}/)`);
      if (rule.forbidPackages?.some((p) => spec === p || spec.startsWith(`${p}/`)))
        problems.push(`${where} (package not allowed in ${rule.layer}/)`);
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), spec));
        for (const dir of rule.forbidDirs) {
          if (target === dir || target.startsWith(dir + sep))
            problems.push(`${where} (${rule.layer}/ may not import ${dir}/)`);
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`Layering violations (see docs/ARCHITECTURE.md, "Layers"):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('layers: ok');
