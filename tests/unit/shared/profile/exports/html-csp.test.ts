import { describe, expect, it } from 'vitest';
import { withExportCsp } from '../../../../../shared/profile/exports/html-csp.js';

describe('withExportCsp', () => {
  const html = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body></body></html>';

  it('puts the export policy right after the charset, before anything it governs', () => {
    const out = withExportCsp(html);
    const head = /<head>(.*)<\/head>/.exec(out)![1]!;
    expect(
      head.startsWith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="'),
    ).toBe(true);
    const policy = /content="([^"]*)"/.exec(head)![1]!;
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.has('script-src')).toBe(false);
    expect(directives.get('img-src')).toEqual(['data:']);
  });

  it('adds it once, and refuses HTML without a head', () => {
    expect(withExportCsp(withExportCsp(html)).split('Content-Security-Policy').length - 1).toBe(1);
    expect(() => withExportCsp('<p>no head</p>')).toThrow(RangeError);
  });
});
