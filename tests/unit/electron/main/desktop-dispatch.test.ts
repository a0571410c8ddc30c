import { describe, expect, it } from 'vitest';
import { type DesktopHandlers, dispatchDesktop } from '../../../../electron/main/desktop-dispatch.js';
import { ApiError } from '../../../../shared/api/errors.js';

function handlers(seen: [string, unknown][] = []): DesktopHandlers {
  const record =
    (name: string, value: unknown) =>
    async (input: unknown): Promise<never> => {
      seen.push([name, input]);
      return value as never;
    };
  return {
    pickFile: record('pickFile', { id: 'abcdefgh12345678', name: 'crimes.csv', size: 10 }),
    chooseSaveFile: record('chooseSaveFile', null),
    newProject: record('newProject', null),
    openProject: async () => {
      throw new ApiError('refused', 'Jobs are still running.');
    },
    saveProjectAs: async () => {
      throw new Error('disk full');
    },
    chooseBasemap: record('chooseBasemap', null),
    allowTileOrigin: async () => {
      throw new RangeError('tile origin must use http or https');
    },
    tileOrigins: record('tileOrigins', []),
  } as DesktopHandlers;
}

describe('dispatchDesktop(handlers, method, rawInput)', () => {
  it('runs a handler with its validated input and wraps the value', async () => {
    const seen: [string, unknown][] = [];
    const result = await dispatchDesktop(handlers(seen), 'pickFile', {
      title: 'Import data',
      accept: '.csv',
    });
    expect(result).toEqual({ ok: true, value: { id: 'abcdefgh12345678', name: 'crimes.csv', size: 10 } });
    expect(seen).toEqual([['pickFile', { title: 'Import data', accept: '.csv' }]]);
  });

  it('refuses an unknown method and an inherited name without calling anything', async () => {
    const seen: [string, unknown][] = [];
    for (const method of ['readFile', '__proto__', 'toString', 42]) {
      const result = await dispatchDesktop(handlers(seen), method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(seen).toEqual([]);
  });

  it('refuses input that fails the schema: a path as defaultName, an extra key, a bad accept list', async () => {
    const seen: [string, unknown][] = [];
    const cases: [string, unknown][] = [
      ['chooseSaveFile', { defaultName: '../../etc/passwd' }],
      ['chooseSaveFile', { defaultName: 'C:\\Windows\\evil.pdf' }],
      ['pickFile', { path: '/etc/passwd' }],
      ['pickFile', { accept: 'text/csv' }],
      ['newProject', { path: '/tmp/x.hsw' }],
      ['pickFile', null],
    ];
    for (const [method, input] of cases) {
      const result = await dispatchDesktop(handlers(seen), method, input);
      expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    expect(seen).toEqual([]);
  });

  it('carries an ApiError’s code, a RangeError as invalid-argument and anything else as failed', async () => {
    expect(await dispatchDesktop(handlers(), 'openProject', {})).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Jobs are still running.' },
    });
    expect(await dispatchDesktop(handlers(), 'allowTileOrigin', { origin: 'ftp://x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatchDesktop(handlers(), 'saveProjectAs', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk full' },
    });
  });
});
