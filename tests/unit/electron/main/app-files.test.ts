import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRange, resolveAppFile } from '../../../../electron/main/app-files.js';

const root = path.resolve('/opt/hotspot/dist/renderer');

describe('resolveAppFile(urlPath, rootDir)', () => {
  it('serves index.html for / and files under the root', () => {
    expect(resolveAppFile('/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('/assets/index-3f2a.js', root)).toBe(path.join(root, 'assets', 'index-3f2a.js'));
    expect(resolveAppFile('/glyphs/Noto%20Sans/0-255.pbf', root)).toBe(
      path.join(root, 'glyphs', 'Noto Sans', '0-255.pbf'),
    );
  });

  it.each([
    ['a parent-directory path', '/../../etc/passwd'],
    ['an encoded parent-directory path', '/%2e%2e/%2e%2e/etc/passwd'],
    ['an encoded slash traversal', '/assets%2f..%2f..%2f..%2fsecret'],
    ['a backslash', '/..\\..\\secret'],
    ['a NUL byte', '/index.html%00.png'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['the root itself', '/.'],
    ['a sibling folder sharing the prefix', '/../renderer-evil/x.js'],
  ])('refuses %s', (_what, urlPath) => {
    expect(resolveAppFile(urlPath, root)).toBeNull();
  });
});

describe('parseRange(header, size)', () => {
  it('returns null (whole file) without a header', () => {
    expect(parseRange(null, 100)).toBeNull();
  });

  it('reads a closed, an open and a suffix range', () => {
    expect(parseRange('bytes=0-16383', 100_000)).toEqual({ start: 0, end: 16383 });
    expect(parseRange('bytes=99990-', 100_000)).toEqual({ start: 99990, end: 99999 });
    expect(parseRange('bytes=-10', 100_000)).toEqual({ start: 99990, end: 99999 });
  });

  it('clips an end past the file and a suffix longer than the file', () => {
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it.each([
    ['a start past the end', 'bytes=100-', 100],
    ['an end before the start', 'bytes=50-10', 100],
    ['several ranges', 'bytes=0-1,5-6', 100],
    ['another unit', 'items=0-1', 100],
    ['an empty range', 'bytes=-', 100],
    ['a zero suffix', 'bytes=-0', 100],
    ['any range of an empty file', 'bytes=0-', 0],
  ])('is unsatisfiable for %s', (_what, header, size) => {
    expect(parseRange(header, size)).toBe('unsatisfiable');
  });
});
