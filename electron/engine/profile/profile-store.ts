/**
 * Profiles in the project file (`profiles` table, schema v1): the subject, scope and options of a
 * profile, its period, its front matter and the analyst's text per stable section id. Figures are not
 * stored: they are rebuilt from the data (analysis results come from the project's analysis cache), so
 * a rebuild after new data refreshes every figure and keeps every word the analyst wrote.
 *
 * The analyst's words live in `sections_json`: commentary per section id, and under `findings` the
 * rewording of single generated findings (summary bullets, intelligence gaps, recommendations) by
 * finding id, each with the generated wording it replaced (shared/profile/findings.ts). Whether the
 * analyst has marked the profile reviewed is the front matter's `reviewedAt` (updateProfileFront).
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors.js';
import type { ProfileListItem } from '../../../shared/api/profile-api.js';
import type { DateRange, ProfileFront, SectionId } from '../../../shared/profile/model.js';
import type { FindingEdit, SavedTexts } from '../../../shared/profile/sections.js';

export interface ProfileScope {
  datasetIds?: number[];
  categories?: string[];
}

export interface ProfileOptions {
  cellSizeM?: number;
  bandwidthM?: number;
  knoxDistanceBandM?: number;
  knoxDistanceBands?: number;
  knoxTimeBandDays?: number;
  knoxTimeBands?: number;
  knoxIterations?: number;
  seed?: number;
}

export interface StoredProfile {
  id: number;
  subject: string;
  scope: ProfileScope;
  options: ProfileOptions;
  period: DateRange;
  front: ProfileFront;
  texts: SavedTexts;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  title: string;
  subject_json: string;
  period_json: string;
  sections_json: string;
  front_json: string;
  created_at: string;
  updated_at: string;
}

function fromRow(row: Row): StoredProfile {
  const subject = JSON.parse(row.subject_json) as {
    subject: string;
    scope?: ProfileScope;
    options?: ProfileOptions;
  };
  return {
    id: row.id,
    subject: subject.subject,
    scope: subject.scope ?? {},
    options: subject.options ?? {},
    period: JSON.parse(row.period_json) as DateRange,
    front: JSON.parse(row.front_json) as ProfileFront,
    texts: JSON.parse(row.sections_json) as SavedTexts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getStoredProfile(db: Database.Database, id: number): StoredProfile {
  const row = db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not-found', `There is no profile with id ${id}`);
  return fromRow(row);
}

export function listStoredProfiles(db: Database.Database): ProfileListItem[] {
  return (db.prepare('SELECT * FROM profiles ORDER BY updated_at DESC, id DESC').all() as Row[]).map(
    (row) => {
      const p = fromRow(row);
      return {
        id: p.id,
        title: p.front.title,
        subject: p.subject,
        period: p.period,
        marking: p.front.marking,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      };
    },
  );
}

/** Inserts a new profile (no id) or updates one, keeping its saved texts; returns the stored row. */
export function saveProfile(
  db: Database.Database,
  profile: Omit<StoredProfile, 'id' | 'createdAt' | 'updatedAt' | 'texts'> & { id?: number },
): StoredProfile {
  const now = new Date().toISOString();
  const subjectJson = JSON.stringify({
    subject: profile.subject,
    scope: profile.scope,
    options: profile.options,
  });
  if (profile.id === undefined) {
    const id = Number(
      db
        .prepare(
          `INSERT INTO profiles (title, subject_json, period_json, sections_json, front_json, created_at, updated_at)
           VALUES (?, ?, ?, '{}', ?, ?, ?)`,
        )
        .run(
          profile.front.title,
          subjectJson,
          JSON.stringify(profile.period),
          JSON.stringify(profile.front),
          now,
          now,
        ).lastInsertRowid,
    );
    return getStoredProfile(db, id);
  }
  const changes = db
    .prepare(
      'UPDATE profiles SET title = ?, subject_json = ?, period_json = ?, front_json = ?, updated_at = ? WHERE id = ?',
    )
    .run(
      profile.front.title,
      subjectJson,
      JSON.stringify(profile.period),
      JSON.stringify(profile.front),
      now,
      profile.id,
    ).changes;
  if (changes === 0) throw new ApiError('not-found', `There is no profile with id ${profile.id}`);
  return getStoredProfile(db, profile.id);
}

/** A generated finding the analyst rewords: its id and the generated wording on their screen. */
export interface FindingTarget {
  id: string;
  generated: string;
}

/**
 * The analyst's rewording of one finding. An empty text, or the generated wording itself, removes the
 * edit: the finding goes back to its generated wording.
 */
export function applyFindingEdit(texts: SavedTexts, finding: FindingTarget, text: string): SavedTexts {
  const findings: Record<string, FindingEdit> = { ...(texts.findings ?? {}) };
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === finding.generated.trim()) delete findings[finding.id];
  else findings[finding.id] = { text: trimmed, basedOn: finding.generated };
  const { findings: _old, ...rest } = texts;
  return Object.keys(findings).length > 0 ? { ...rest, findings } : rest;
}

/**
 * Stores the analyst's text of one section, or with `finding` their rewording of one generated
 * finding of it (read, modify, write in one transaction).
 */
export function saveSectionText(
  db: Database.Database,
  id: number,
  sectionId: SectionId,
  text: string,
  finding?: FindingTarget,
): StoredProfile {
  db.transaction(() => {
    let texts = getStoredProfile(db, id).texts;
    if (finding) texts = applyFindingEdit(texts, finding, text);
    else texts[sectionId] = text;
    db.prepare('UPDATE profiles SET sections_json = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(texts),
      new Date().toISOString(),
      id,
    );
  })();
  return getStoredProfile(db, id);
}

export function deleteStoredProfile(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM profiles WHERE id = ?').run(id).changes > 0;
}
