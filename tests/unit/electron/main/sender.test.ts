import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../../electron/main/app-origin.js';
import { isTrustedSender } from '../../../../electron/main/sender.js';

describe('isTrustedSender(frameUrl, isMainFrame, expectedOrigin)', () => {
  it('trusts the main frame showing an app page', () => {
    expect(isTrustedSender('app://hotspot/index.html', true, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://hotspot/index.html?project=1#map', true, APP_ORIGIN)).toBe(true);
  });

  it('refuses a sub-frame even on the app origin', () => {
    expect(isTrustedSender('app://hotspot/index.html', false, APP_ORIGIN)).toBe(false);
  });

  it('refuses a main frame that shows another origin', () => {
    expect(isTrustedSender('https://evil.example/', true, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('file:///tmp/page.html', true, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('app://hotspot.evil.example/', true, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('about:blank', true, APP_ORIGIN)).toBe(false);
  });

  it('refuses a destroyed or unknown frame', () => {
    expect(isTrustedSender(null, true, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, true, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('', true, APP_ORIGIN)).toBe(false);
  });

  it('compares against the origin it is given (the web host check uses http://127.0.0.1:port)', () => {
    expect(isTrustedSender('http://127.0.0.1:4173/', true, 'http://127.0.0.1:4173')).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:4174/', true, 'http://127.0.0.1:4173')).toBe(false);
  });
});
