import { describe, expect, it } from 'vitest';
import {
  aboutDetail,
  DATA_PROTECTION_NOTES,
  licenceList,
  licenceSummary,
} from '../../../../electron/main/about.js';
import type { AppInfo } from '../../../../shared/api/project-api.js';

const info: AppInfo = {
  name: 'Hotspot Workbench',
  version: '0.1.0',
  host: 'electron',
  licences: [
    { name: 'zod', version: '4.6.7', licence: 'MIT' },
    { name: 'd3', version: '7.9.2', licence: 'ISC' },
    { name: 'proj4', version: '2.22.0', licence: 'MIT' },
  ],
};

describe('licenceSummary(licences)', () => {
  it('counts packages per licence, most common first', () => {
    expect(licenceSummary(info.licences)).toBe('MIT: 2 packages, ISC: 1 package');
  });
});

describe('aboutDetail(info, versions)', () => {
  it('names the app version, the runtime versions and the licence counts', () => {
    const text = aboutDetail(info, { electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0' });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Electron 45.4.1 · Chromium 142.0.7444.59 · Node.js 22.20.0');
    expect(text).toContain('Includes 3 third-party packages');
    expect(text).toContain('MIT: 2 packages, ISC: 1 package');
  });

  it('leaves out runtime versions it does not know', () => {
    expect(aboutDetail({ ...info, licences: [] }, { node: '20.19.0' })).toContain('\nNode.js 20.19.0\n');
  });
});

describe('licenceList(info)', () => {
  it('lists every package with its version and licence', () => {
    expect(licenceList(info).split('\n')).toEqual([
      'Hotspot Workbench 0.1.0: third-party software',
      'zod 4.6.7 — MIT',
      'd3 7.9.2 — ISC',
      'proj4 2.22.0 — MIT',
    ]);
  });
});

describe('DATA_PROTECTION_NOTES', () => {
  it('tells the analyst about the network, the project file, the PII guard and exports', () => {
    expect(DATA_PROTECTION_NOTES).toMatch(/no telemetry/);
    expect(DATA_PROTECTION_NOTES).toMatch(/project file \(\.hsw\)/);
    expect(DATA_PROTECTION_NOTES).toMatch(/audit log/);
    expect(DATA_PROTECTION_NOTES).toMatch(/Exports/);
  });
});
