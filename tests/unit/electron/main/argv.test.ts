import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPathFromArgv } from '../../../../electron/main/argv.js';

describe('projectPathFromArgv(argv, cwd)', () => {
  it('finds the project a Windows file association passes', () => {
    const argv = ['C:\\Program Files\\Hotspot Workbench\\Hotspot Workbench.exe', 'C:\\cases\\North Ward.hsw'];
    expect(projectPathFromArgv(argv, 'C:\\Windows\\System32', path.win32)).toBe('C:\\cases\\North Ward.hsw');
  });

  it('resolves a relative path against the launching directory', () => {
    expect(
      projectPathFromArgv(['/opt/hotspot/hotspot', 'north.hsw'], '/home/analyst/cases', path.posix),
    ).toBe('/home/analyst/cases/north.hsw');
    expect(projectPathFromArgv(['hotspot.exe', '..\\north.HSW'], 'D:\\work\\q1', path.win32)).toBe(
      'D:\\work\\north.HSW',
    );
  });

  it('skips the development entry point and the switches Chromium adds to a second instance', () => {
    const argv = [
      '/usr/bin/electron',
      '.',
      '--allow-file-access-from-files',
      '/tmp/a.hsw',
      '--enable-logging',
    ];
    expect(projectPathFromArgv(argv, '/', path.posix)).toBe('/tmp/a.hsw');
  });

  it('takes the last project when several are given', () => {
    expect(projectPathFromArgv(['app', '/a/one.hsw', '/a/two.hsw'], '/', path.posix)).toBe('/a/two.hsw');
  });

  it('returns null without a .hsw argument, for a bare ".hsw", a switch ending in .hsw or argv[0] alone', () => {
    expect(projectPathFromArgv(['app'], '/', path.posix)).toBeNull();
    expect(projectPathFromArgv(['app', 'data.csv', '--inspect'], '/', path.posix)).toBeNull();
    expect(projectPathFromArgv(['app', '.hsw'], '/', path.posix)).toBeNull();
    expect(projectPathFromArgv(['app', '--project=/a/b.hsw'], '/', path.posix)).toBeNull();
    expect(projectPathFromArgv(['/weird/install/app.hsw'], '/', path.posix)).toBeNull();
  });
});
