import { describe, expect, it } from 'vitest';
import { intOption, parseCommandArgs } from '../../../../electron/cli/args.js';
import { CliUsageError } from '../../../../electron/cli/command.js';

describe('parseCommandArgs', () => {
  it('parses known options', () => {
    const { values } = parseCommandArgs(['--port', '8080'], { port: { type: 'string' } });
    expect(values.port).toBe('8080');
  });

  it('turns an unknown option into a CliUsageError', () => {
    expect(() => parseCommandArgs(['--prot', '1'], { port: { type: 'string' } })).toThrow(CliUsageError);
  });
});

describe('intOption', () => {
  const range = { min: 0, max: 65535, fallback: 0 };
  it('returns the fallback when absent and the number when valid', () => {
    expect(intOption(undefined, '--port', range)).toBe(0);
    expect(intOption('8080', '--port', range)).toBe(8080);
  });

  it('refuses non-integers and values out of range with the option named', () => {
    expect(() => intOption('8.5', '--port', range)).toThrow("--port must be a whole number, got '8.5'");
    expect(() => intOption('-1', '--port', range)).toThrow('--port must be between 0 and 65535, got -1');
  });
});
