import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTown } from '../../../../shared/generate/generate-town.js';
import { townFiles } from '../../../../shared/generate/town-files.js';

const SAMPLE_DIR = join(import.meta.dirname, '../../../../resources/sample');
const REGENERATE = 'npx tsx electron/cli/main.ts generate --out resources/sample --seed 1';

describe('resources/sample', () => {
  it(`equals the generator's output for seed 1 byte for byte (if not, regenerate: ${REGENERATE})`, () => {
    const files = townFiles(generateTown({ seed: 1 }));
    const present = readdirSync(SAMPLE_DIR).filter((name) => !name.startsWith('.'));
    expect(present.sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) {
      const onDisk = readFileSync(join(SAMPLE_DIR, f.name), 'utf8');
      expect(onDisk === f.text, `${f.name} differs from a fresh generation; ${REGENERATE}`).toBe(true);
    }
  });

  it('stays small enough to commit (under 4 MB in all)', () => {
    const bytes = readdirSync(SAMPLE_DIR).reduce(
      (s, name) => s + readFileSync(join(SAMPLE_DIR, name)).length,
      0,
    );
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });
});
