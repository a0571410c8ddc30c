import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyFindingEdit,
  getStoredProfile,
  saveProfile,
  saveSectionText,
} from '../../../../../electron/engine/profile/profile-store.js';
import { migrate } from '../../../../../electron/engine/project/migrate.js';

const front = {
  title: 'Problem profile: Burglary',
  reference: '',
  author: 'A. Analyst',
  date: '2026-01-05',
  version: '1.0',
  marking: 'OFFICIAL',
};

let db: Database.Database | null = null;
afterEach(() => db?.close());

function project(): Database.Database {
  db = new Database(':memory:');
  migrate(db);
  return db;
}

describe('applyFindingEdit', () => {
  it('stores the rewording with the generated wording it replaced, and drops it when emptied or set back', () => {
    const target = { id: 'summary:counts', generated: '980 events.' };
    const saved = applyFindingEdit({ scanning: 'My reading' }, target, 'Fewer events.');
    expect(saved).toEqual({
      scanning: 'My reading',
      findings: { 'summary:counts': { text: 'Fewer events.', basedOn: '980 events.' } },
    });
    expect(applyFindingEdit(saved, target, '  ')).toEqual({ scanning: 'My reading' });
    expect(applyFindingEdit(saved, target, '980 events.')).toEqual({ scanning: 'My reading' });
  });
});

describe('saveSectionText with a finding', () => {
  it('keeps the finding edit and the section text when the profile is saved again (a rebuild)', () => {
    const d = project();
    const stored = saveProfile(d, {
      subject: 'category:Burglary',
      scope: {},
      options: {},
      period: { from: '2025-10-01', to: '2025-12-31' },
      front,
    });
    saveSectionText(d, stored.id, 'scanning', 'My reading');
    saveSectionText(d, stored.id, 'summary', 'Hotspot 1 (Castle) rose sharply.', {
      id: 'summary:headline',
      generated: 'Hotspot 1 rose from 62 to 106.',
    });
    // A rebuild saves the profile's subject, period and front again.
    saveProfile(d, { ...stored, front: { ...front, reviewedAt: '2026-01-06' } });
    const back = getStoredProfile(d, stored.id);
    expect(back.texts).toEqual({
      scanning: 'My reading',
      findings: {
        'summary:headline': {
          text: 'Hotspot 1 (Castle) rose sharply.',
          basedOn: 'Hotspot 1 rose from 62 to 106.',
        },
      },
    });
    expect(back.texts.summary).toBeUndefined();
    expect(back.front.reviewedAt).toBe('2026-01-06');
  });
});
