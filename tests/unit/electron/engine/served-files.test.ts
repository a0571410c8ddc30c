import { describe, expect, it } from 'vitest';
import { contentTypeFor, decodeUrlPath } from '../../../../electron/engine/served-files.js';

describe('decodeUrlPath(urlPath)', () => {
  it('decodes percent-encoding, leaving the path otherwise as it is', () => {
    expect(decodeUrlPath('/glyphs/Noto%20Sans/0-255.pbf')).toBe('/glyphs/Noto Sans/0-255.pbf');
    expect(decodeUrlPath('/%2e%2e/x')).toBe('/../x');
    expect(decodeUrlPath('')).toBe('');
  });

  it.each([
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['an encoded NUL byte', '/index.html%00.png'],
    ['a backslash', '/..\\secret'],
    ['an encoded backslash', '/..%5Csecret'],
  ])('refuses %s', (_what, urlPath) => {
    expect(decodeUrlPath(urlPath)).toBeNull();
  });
});

describe('contentTypeFor(file)', () => {
  it('names the types the renderer bundle and basemaps use, case-insensitively', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/0-255.pbf')).toBe('application/x-protobuf');
    expect(contentTypeFor('/x/Makefile')).toBe('application/octet-stream');
  });
});
