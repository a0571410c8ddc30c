import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../electron/main/app-origin.js';
import { isAllowedRequest, isAppNavigation } from '../../../../electron/main/request-policy.js';

const appOnly = [APP_ORIGIN];
const withTiles = [APP_ORIGIN, 'https://tiles.force.local'];

describe('isAllowedRequest(url, allowedOrigins)', () => {
  it('allows the app bundle, its assets and its local basemaps', () => {
    expect(isAllowedRequest('app://hotspot/index.html', appOnly)).toBe(true);
    expect(isAllowedRequest('app://hotspot/assets/index-3f2a.js', appOnly)).toBe(true);
    expect(isAllowedRequest('app://HOTSPOT/basemaps/abcdefgh/3/1/2', appOnly)).toBe(true);
  });

  it('allows DevTools, data: and blob: URLs minted by the app', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', appOnly)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', appOnly)).toBe(true);
    expect(isAllowedRequest('blob:app://hotspot/5b0c6a0e-7f9e-4bd0-9d1e-0a1b2c3d4e5f', appOnly)).toBe(true);
  });

  it('refuses blob: URLs of another origin', () => {
    expect(isAllowedRequest('blob:https://evil.example/5b0c6a0e', appOnly)).toBe(false);
  });

  it('refuses the internet, another app host and another custom scheme', () => {
    expect(isAllowedRequest('https://tile.openstreetmap.org/1/0/0.png', appOnly)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', appOnly)).toBe(false);
    expect(isAllowedRequest('app://other/index.html', appOnly)).toBe(false);
    expect(isAllowedRequest('hotspot-tiles://hotspot/x', appOnly)).toBe(false);
  });

  it('refuses file:, chrome: and javascript: URLs and garbage', () => {
    expect(isAllowedRequest('file:///etc/passwd', appOnly)).toBe(false);
    expect(isAllowedRequest('chrome://settings', appOnly)).toBe(false);
    expect(isAllowedRequest('javascript:alert(1)', appOnly)).toBe(false);
    expect(isAllowedRequest('not a url', appOnly)).toBe(false);
  });

  it('allows the configured intranet tile origin only, with its exact scheme and port', () => {
    expect(isAllowedRequest('https://tiles.force.local/osm/12/2015/1343.png', withTiles)).toBe(true);
    expect(isAllowedRequest('http://tiles.force.local/osm/12/2015/1343.png', withTiles)).toBe(false);
    expect(isAllowedRequest('https://tiles.force.local:8443/x.png', withTiles)).toBe(false);
    expect(isAllowedRequest('https://tiles.force.local.evil.example/x.png', withTiles)).toBe(false);
    expect(isAllowedRequest('https://tiles.force.local/x.png', appOnly)).toBe(false);
  });
});

describe('isAppNavigation(url)', () => {
  it('allows app pages and refuses everything else', () => {
    expect(isAppNavigation('app://hotspot/index.html#/profiles')).toBe(true);
    expect(isAppNavigation('https://example.com/')).toBe(false);
    expect(isAppNavigation('file:///C:/Users/analyst/evil.html')).toBe(false);
    expect(isAppNavigation('app://hotspot.evil/index.html')).toBe(false);
  });
});
