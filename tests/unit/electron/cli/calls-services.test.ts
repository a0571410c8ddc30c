/**
 * The CLI calls the engine's services, never the Api handlers as a client (project brief, STYLE.md
 * 16): no command reaches `engine.api`/`api.` or dispatches a method by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const COMMANDS = join(import.meta.dirname, '../../../../electron/cli/commands');

describe('CLI commands', () => {
  const files = readdirSync(COMMANDS).filter((name) => name.endsWith('.ts'));

  it('finds the command sources', () => {
    expect(files).toEqual(
      expect.arrayContaining(['demo.ts', 'profile.ts', 'serve.ts', 'chains.ts', 'tactical.ts']),
    );
  });

  it.each(files)('%s calls no Api handler', (name) => {
    const code = readFileSync(join(COMMANDS, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bapi\s*\.\s*[a-z]\w*\s*\(|\.api\b|\{\s*api\s*\}/);
    expect(code).not.toMatch(/\bdispatch\s*\(/);
  });
});
