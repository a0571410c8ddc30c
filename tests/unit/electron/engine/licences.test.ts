import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runtimeLicences } from '../../../../electron/engine/licences.js';

describe('runtimeLicences', () => {
  it('lists every direct runtime dependency with its installed version and licence', () => {
    const app = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const licences = runtimeLicences();
    for (const name of Object.keys(app.dependencies)) {
      const installed = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as {
        version: string;
      };
      expect(licences).toContainEqual(expect.objectContaining({ name, version: installed.version }));
    }
    expect(licences.find((l) => l.name === 'better-sqlite3')?.licence).toBe('MIT');
    expect(licences.find((l) => l.name === 'proj4')?.licence).toBe('MIT');
  });

  it('includes transitive dependencies and leaves out dev-only ones', () => {
    const names = new Set(runtimeLicences().map((l) => l.name));
    expect(names.has('@turf/helpers')).toBe(true); // pulled in by @turf/turf
    expect(names.has('vitest')).toBe(false);
    expect(names.has('typescript')).toBe(false);
  });
});
