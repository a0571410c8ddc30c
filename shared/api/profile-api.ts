/**
 * Api methods of problem profiles, slides and exports (issue 6; DESIGN.md §1 NIM products, §3
 * exports, §4 provenance). The renderer's profile panel works in four calls:
 *
 *   build     buildProfile({ jobId, subject: 'hotspot:1', period, front })  → ProfileDocument
 *             (again with profileId to refresh figures; the analyst's text is kept)
 *   preview   ProfileDocument.html in a sandboxed iframe; getProfile / listProfiles to come back
 *   edit      saveProfileText({ profileId, sectionId, text })               → ProfileDocument
 *             with finding: { id, generated }, the rewording of one generated finding (summary
 *             bullet, intelligence gap, recommendation); an empty text restores the generated one
 *   review    updateProfileFront({ profileId, front: { reviewedAt: 'yyyy-mm-dd' } }) marks the
 *             profile reviewed by the analyst (null: not reviewed); no output says "reviewed" before
 *   export    exportProfile({ jobId, profileId, format, marking, target? }) → ExportResult
 *             exportData({ jobId, profileId, kind, format, target? })      → ExportResult
 *
 * Exports go to `target`, a save-dialog FileRef (Electron), or, without one, come back as base64
 * bytes for the browser to download (the web host).
 */
import { z } from 'zod';
import type { ProfileModel } from '../profile/model.js';
import { SECTION_IDS } from '../profile/model.js';
import { method } from './define.js';
import { jobIdSchema } from './jobs.js';
import { fileRefSchema } from './project-api.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd');
const idSchema = z.number().int().positive();

export const subjectSchema = z
  .string()
  .trim()
  .regex(
    /^(hotspot:\d+|chain:\d+|area:.+|category:.+)$/i,
    'subject is hotspot:N, area:NAME, category:NAME or chain:ID',
  )
  .max(300);

export const frontSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    reference: z.string().trim().max(100).optional(),
    author: z.string().trim().max(200).optional(),
    date: isoDate.optional(),
    version: z.string().trim().max(40).optional(),
    marking: z.string().trim().min(1).max(100).optional(),
    /** The day the analyst marked the profile reviewed; null takes the mark away. */
    reviewedAt: isoDate.nullable().optional(),
  })
  .strict();

/** A generated finding's stable id, e.g. "summary:headline", "gaps:month-only", "prevention:cocooning". */
export const findingIdSchema = z
  .string()
  .regex(/^[a-z]+:[a-z0-9-]+$/, 'a finding id is like summary:headline')
  .max(120);

export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, 'period.from must not be after period.to');

/** Which data the profile covers (default: every dataset, every category). */
export const scopeSchema = z
  .object({
    datasetIds: z.array(idSchema).max(1_000).optional(),
    categories: z.array(z.string().max(500)).max(1_000).optional(),
  })
  .strict();

/** Method settings (defaults: shared/profile/defaults.ts). */
export const profileOptionsSchema = z
  .object({
    cellSizeM: z.number().positive().max(100_000).optional(),
    bandwidthM: z.number().positive().max(1_000_000).optional(),
    knoxDistanceBandM: z.number().positive().max(100_000).optional(),
    knoxDistanceBands: z.number().int().min(1).max(20).optional(),
    knoxTimeBandDays: z.number().int().min(1).max(365).optional(),
    knoxTimeBands: z.number().int().min(1).max(20).optional(),
    knoxIterations: z.number().int().min(9).max(99_999).optional(),
    seed: z.number().int().min(0).max(4_294_967_295).optional(),
  })
  .strict();

export const buildProfileInputSchema = z
  .object({
    jobId: jobIdSchema,
    /** Rebuild this profile (figures refreshed, analyst text kept); subject etc. default to its own. */
    profileId: idSchema.optional(),
    subject: subjectSchema.optional(),
    period: periodSchema.optional(),
    front: frontSchema.optional(),
    scope: scopeSchema.optional(),
    options: profileOptionsSchema.optional(),
  })
  .strict()
  .refine((v) => v.profileId !== undefined || (v.subject !== undefined && v.period !== undefined), {
    message: 'give subject and period, or the profileId of a profile to rebuild',
  });

export interface ProfileDocument {
  id: number;
  model: ProfileModel;
  /** The self-contained HTML (the preview and the HTML export). */
  html: string;
  updatedAt: string;
}

export interface ProfileListItem {
  id: number;
  title: string;
  subject: string;
  period: { from: string; to: string };
  marking: string;
  createdAt: string;
  updatedAt: string;
}

export const EXPORT_FORMATS = ['html', 'pdf', 'pptx'] as const;
/** risk-zones: the chains' risk zones as Polygons in their own file (GeoJSON only; issue 12). */
export const DATA_KINDS = ['hotspots', 'chains', 'risk-zones', 'surface'] as const;
export const DATA_FORMATS = ['geojson', 'csv', 'asc'] as const;

export interface ExportResult {
  fileName: string;
  bytes: number;
  /** Where the file was written (with a target). */
  path?: string;
  /** The file's bytes, base64 (without a target: the browser downloads them). */
  base64?: string;
  mimeType: string;
  /** e.g. "PDF skipped: Chromium is not installed" (a soft failure the UI shows). */
  warnings: string[];
  /**
   * Files that go with a data export (issue 12): the "<file>.provenance.txt" sidecar of a CSV or
   * grid (metadata and protective marking), a grid's ".prj", and data-dictionary.txt. Written beside
   * `path` with a target; else returned as base64 for the browser to download with the file.
   */
  companions?: ExportCompanion[];
}

export interface ExportCompanion {
  fileName: string;
  bytes: number;
  mimeType: string;
  path?: string;
  base64?: string;
}

export const profileMethods = {
  buildProfile: method(buildProfileInputSchema)<ProfileDocument>(),
  getProfile: method(z.object({ profileId: idSchema }).strict())<ProfileDocument>(),
  listProfiles: method(z.object({}).strict())<ProfileListItem[]>(),
  deleteProfile: method(z.object({ profileId: idSchema }).strict())<boolean>(),
  saveProfileText: method(
    z
      .object({
        profileId: idSchema,
        sectionId: z.enum(SECTION_IDS),
        text: z.string().max(50_000),
        /** Reword this generated finding (its wording as generated, to notice later changes). */
        finding: z
          .object({ id: findingIdSchema, generated: z.string().max(50_000) })
          .strict()
          .optional(),
      })
      .strict(),
  )<ProfileDocument>(),
  updateProfileFront: method(
    z.object({ profileId: idSchema, front: frontSchema }).strict(),
  )<ProfileDocument>(),
  exportProfile: method(
    z
      .object({
        jobId: jobIdSchema,
        profileId: idSchema,
        format: z.enum(EXPORT_FORMATS),
        /** Overrides the profile's marking for this export. */
        marking: z.string().trim().min(1).max(100).optional(),
        target: fileRefSchema.optional(),
      })
      .strict(),
  )<ExportResult>(),
  exportData: method(
    z
      .object({
        jobId: jobIdSchema,
        profileId: idSchema,
        kind: z.enum(DATA_KINDS),
        format: z.enum(DATA_FORMATS),
        target: fileRefSchema.optional(),
      })
      .strict()
      .refine((v) => (v.kind === 'surface') === (v.format === 'asc'), {
        message: 'the surface exports as asc; hotspots and chains as geojson or csv',
      })
      .refine((v) => v.kind !== 'risk-zones' || v.format === 'geojson', {
        message: 'risk zones export as geojson (polygons)',
      }),
  )<ExportResult>(),
  importReferenceLines: method(
    z
      .object({
        file: fileRefSchema,
        name: z.string().trim().min(1).max(200),
        sourceCrs: z.string().min(1).max(2000).optional(),
      })
      .strict(),
  )<ReferenceLayerInfo>(),
  listReferenceLayers: method(z.object({}).strict())<ReferenceLayerInfo[]>(),
};

export interface ReferenceLayerInfo {
  id: number;
  name: string;
  fileName: string;
  sha256: string;
  sourceCrs: string;
  lines: number;
  createdAt: string;
}
