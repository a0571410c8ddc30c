import { describe, expect, it } from 'vitest';
import { warningNotice } from '../../../../renderer/src/panels/project-info.js';
import type { ProjectInfo } from '../../../../shared/api/project-api.js';

const project: ProjectInfo = {
  path: '/data/town.hsw',
  name: 'town',
  crs: 'EPSG:27700',
  schemaVersion: 4,
  createdAt: '2026-01-05T09:00:00.000Z',
  datasetCount: 1,
  recordCount: 10,
};

const broken =
  'The project\'s audit log was changed outside Hotspot Workbench: entry 3 ("import", 05/01/2026) was edited.';

describe('warningNotice', () => {
  it('shows nothing for a project opened without warnings', () => {
    expect(warningNotice(project)).toBeNull();
    expect(warningNotice({ ...project, warnings: [] })).toBeNull();
    expect(warningNotice({ ...project, warnings: ['  '] })).toBeNull();
  });

  it('gives a broken audit chain its own line under a plain heading', () => {
    expect(warningNotice({ ...project, warnings: [broken] })).toEqual({
      heading: 'Check this project before you rely on it',
      lines: [broken],
    });
  });

  it('counts the problems when there are several', () => {
    const notice = warningNotice({ ...project, warnings: [broken, 'A second problem. '] });
    expect(notice?.heading).toBe('Check this project before you rely on it (2 problems)');
    expect(notice?.lines).toEqual([broken, 'A second problem.']);
  });
});
