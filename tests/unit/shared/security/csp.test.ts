import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  buildExportCsp,
  buildMetaCsp,
  cspDirectives,
  tileOrigin,
} from '../../../../shared/security/csp.js';

/** Parses a policy string back into directive → sources, failing on a repeated directive. */
function parse(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    expect(map.has(name), `directive ${name} repeated`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

describe('buildCsp()', () => {
  it('allows scripts from the app itself only, with no unsafe-eval or unsafe-inline anywhere', () => {
    const policy = buildCsp();
    expect(parse(policy).get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
  });

  it('names no remote origin and no scheme wildcard when no tile origin is configured', () => {
    const policy = buildCsp();
    expect(policy).not.toMatch(/https?:/);
    expect(policy).not.toContain('*');
    for (const sources of parse(policy).values()) {
      for (const source of sources) expect(["'self'", "'none'", 'data:', 'blob:']).toContain(source);
    }
  });

  it('closes object-src, base-uri, form-action, frame-ancestors and frame-src', () => {
    const directives = parse(buildCsp());
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
  });

  it('lets MapLibre start its worker and decode images from blob: and data:', () => {
    const directives = parse(buildCsp());
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('adds a configured intranet tile origin to connect-src and img-src only', () => {
    const directives = parse(buildCsp({ tileOrigins: ['https://Tiles.Force.local:8443'] }));
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://tiles.force.local:8443']);
    expect(directives.get('img-src')).toContain('https://tiles.force.local:8443');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('lists a tile origin given twice (in different spellings) once', () => {
    const directives = parse(buildCsp({ tileOrigins: ['https://tiles.local', 'https://TILES.local:443'] }));
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://tiles.local']);
  });
});

describe('tileOrigin()', () => {
  it('drops the default port and lower-cases the host', () => {
    expect(tileOrigin('HTTP://Maps.Intranet:80')).toBe('http://maps.intranet');
  });

  it.each([
    ['a URL with a path', 'https://tiles.local/{z}/{x}/{y}.png'],
    ['a wildcard host', 'https://*.tiles.local'],
    ['a non-http scheme', 'file:///C:/tiles'],
    ['credentials', 'https://user:pw@tiles.local'],
    ['a CSP keyword', "'unsafe-eval'"],
    ['a directive smuggled after a semicolon', 'https://tiles.local; script-src *'],
    ['a query', 'https://tiles.local?x=1'],
  ])('refuses %s', (_what, value) => {
    expect(() => tileOrigin(value)).toThrow(RangeError);
  });
});

describe('cspDirectives()', () => {
  it('refuses the whole policy when one tile origin is invalid', () => {
    expect(() => cspDirectives({ tileOrigins: ['https://ok.local', 'javascript:alert(1)'] })).toThrow(
      RangeError,
    );
  });
});

describe('buildMetaCsp()', () => {
  it('keeps the script, object and base rules of the header', () => {
    const meta = parse(buildMetaCsp());
    const header = parse(buildCsp());
    for (const name of ['script-src', 'style-src', 'object-src', 'base-uri', 'form-action', 'worker-src']) {
      expect(meta.get(name), name).toEqual(header.get(name));
    }
  });

  it('leaves out what a configured tile origin widens, so the meta cannot block it', () => {
    const meta = parse(buildMetaCsp());
    for (const name of ['default-src', 'connect-src', 'img-src', 'frame-ancestors'])
      expect(meta.has(name), name).toBe(false);
  });
});

describe('buildExportCsp()', () => {
  it('allows inline styles and data: images but no script and no fetch', () => {
    const directives = parse(buildExportCsp());
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(['data:']);
    expect(directives.has('script-src')).toBe(false);
  });
});
