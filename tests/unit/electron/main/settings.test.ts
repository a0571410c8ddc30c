import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSettings, SettingsStore } from '../../../../electron/main/settings.js';

describe('parseSettings(value)', () => {
  it('keeps valid tile origins in canonical form, once each', () => {
    expect(
      parseSettings({
        tileOrigins: ['https://Tiles.Force.local', 'https://tiles.force.local:443', 'http://wms.local:8080'],
      }),
    ).toEqual({ tileOrigins: ['https://tiles.force.local', 'http://wms.local:8080'] });
  });

  it('drops origins edited into something that would widen the policy', () => {
    expect(
      parseSettings({
        tileOrigins: ['*', 'https://ok.local', "'unsafe-eval'", 'https://x.local/path', 42, 'file:///c'],
      }),
    ).toEqual({ tileOrigins: ['https://ok.local'] });
  });

  it('falls back to no tile origins for a missing or malformed file', () => {
    expect(parseSettings(null)).toEqual({ tileOrigins: [] });
    expect(parseSettings({ tileOrigins: 'https://ok.local' })).toEqual({ tileOrigins: [] });
  });
});

describe('SettingsStore', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hsw-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('persists an added tile origin in canonical form and reads it back in a new store', () => {
    const file = path.join(dir, 'settings.json');
    const store = new SettingsStore(file);
    expect(store.get()).toEqual({ tileOrigins: [] });
    expect(store.addTileOrigin('HTTPS://Tiles.Force.local:443')).toBe('https://tiles.force.local');
    store.addTileOrigin('https://tiles.force.local');
    expect(new SettingsStore(file).get()).toEqual({ tileOrigins: ['https://tiles.force.local'] });
  });

  it('refuses an invalid origin without touching the file', () => {
    const file = path.join(dir, 'refused.json');
    const store = new SettingsStore(file);
    expect(() => store.addTileOrigin('https://tiles.local/{z}/{x}/{y}.png')).toThrow(RangeError);
    expect(existsSync(file)).toBe(false);
  });
});
