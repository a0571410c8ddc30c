/**
 * Third-party licences for Help › About: the app's runtime dependencies and everything they pull in,
 * read from the package.json files installed beside the app (node_modules; inside app.asar when
 * packaged). Read once and cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Licence {
  name: string;
  version: string;
  licence: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  dependencies?: Record<string, string>;
}

let cachedLicences: Licence[] | null = null;

export function runtimeLicences(): Licence[] {
  if (!cachedLicences) {
    const root = findAppRoot(dirname(fileURLToPath(import.meta.url)));
    cachedLicences = root ? licencesUnder(root) : [];
  }
  return cachedLicences;
}

/** Walks the production dependency tree from the app's package.json (hoisted or nested installs). */
export function licencesUnder(root: string): Licence[] {
  const app = readPackage(join(root, 'package.json'));
  const found = new Map<string, Licence>();
  const queue: { name: string; from: string }[] = Object.keys(app?.dependencies ?? {}).map((name) => ({
    name,
    from: root,
  }));
  while (queue.length > 0) {
    const { name, from } = queue.shift()!;
    const dir = locate(name, from, root);
    if (!dir || found.has(dir)) continue;
    const pkg = readPackage(join(dir, 'package.json'));
    if (!pkg?.name) continue;
    found.set(dir, { name: pkg.name, version: pkg.version ?? '', licence: licenceOf(pkg) });
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir });
  }
  return [...new Map([...found.values()].map((l) => [`${l.name}@${l.version}`, l])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

function locate(name: string, from: string, root: string): string | null {
  for (let dir = from; dir.startsWith(root); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return null;
}

function findAppRoot(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    if (readPackage(join(dir, 'package.json'))?.name === 'hotspot-workbench') return dir;
    if (dirname(dir) === dir) return null;
  }
}

function readPackage(path: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

function licenceOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const types = (pkg.licenses ?? []).map((l) => l.type).filter(Boolean);
  return types.length > 0 ? types.join(' OR ') : 'UNKNOWN';
}
