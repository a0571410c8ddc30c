import { describe, expect, it } from 'vitest';
import { extentOption, intOption, parseCommandArgs, positiveNumber } from '../../../../electron/cli/args.js';
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

describe('positiveNumber', () => {
  it('reads a number > 0, spaces around it allowed', () => {
    expect(positiveNumber('250', '--cell')).toBe(250);
    expect(positiveNumber(' 0.5 ', '--bandwidth')).toBe(0.5);
  });

  it('refuses zero, negatives, blanks and text, naming the option (exit 2)', () => {
    for (const text of ['0', '-5', '', '  ', 'ten', 'Infinity']) {
      expect(() => positiveNumber(text, '--cell')).toThrow(CliUsageError);
    }
    expect(() => positiveNumber('-5', '--cell')).toThrow("--cell must be a number > 0, got '-5'");
  });
});

describe('extentOption', () => {
  it('reads minx,miny,maxx,maxy with spaces after the commas', () => {
    expect(extentOption('400000, 300000, 410000, 310000')).toEqual({
      minX: 400_000,
      minY: 300_000,
      maxX: 410_000,
      maxY: 310_000,
    });
  });

  it('refuses three numbers, text, and an empty or inverted box', () => {
    expect(() => extentOption('1,2,3')).toThrow("--extent must be minx,miny,maxx,maxy, got '1,2,3'");
    expect(() => extentOption('1,2,x,4')).toThrow(CliUsageError);
    expect(() => extentOption('0,0,0,10')).toThrow('--extent needs minx < maxx and miny < maxy');
    expect(() => extentOption('0,10,10,0')).toThrow('--extent needs minx < maxx and miny < maxy');
  });
});
