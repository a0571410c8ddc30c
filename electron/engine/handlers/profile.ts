/**
 * Handlers of the profile-api methods (shared/api/profile-api.ts): build, read, edit and export
 * problem profiles and their data, and import the reference lines (streets) their maps draw.
 * Building and exporting run as tracked jobs (profile/profile-jobs.ts, which the CLI calls too): the
 * profile gathers through the engine's analysis services (profile/gather.ts), which run in the
 * worker pool under that job's signal and come from the project's cache when nothing changed, so
 * cancelling the profile job cancels its analyses.
 */
import type { ExportResult, profileMethods } from '../../../shared/api/profile-api.js';
import { importReferenceLayer } from '../boundaries/layer-import-service.js';
import type { EngineContext, Handlers } from '../context.js';
import { printHtmlToPdf } from '../export/print-pdf.js';
import { buildProfileJob, exportDataJob, exportProfileJob } from '../profile/profile-jobs.js';
import { type PdfPrinter, ProfileService } from '../profile/profile-service.js';
import {
  deleteStoredProfile,
  getStoredProfile,
  listStoredProfiles,
  saveProfile,
  saveSectionText,
} from '../profile/profile-store.js';
import { listReferenceLayers } from '../profile/reference-lines.js';

export interface ProfileHandlerOptions {
  /** HTML → PDF; the desktop app passes Electron's printToPDF, the CLI and web host headless Chromium. */
  printPdf?: PdfPrinter;
}

function strip(result: ExportResult & { data?: Uint8Array }): ExportResult {
  const { data: _data, ...rest } = result;
  return rest;
}

export function createProfileHandlers(
  ctx: EngineContext,
  options: ProfileHandlerOptions = {},
): Handlers<typeof profileMethods> {
  const service = new ProfileService({ ctx, printPdf: options.printPdf ?? printHtmlToPdf });
  return {
    buildProfile: async ({ jobId, profileId, subject, period, front, scope, options: settings }) =>
      buildProfileJob(ctx, service, {
        jobId,
        ...(profileId !== undefined ? { profileId } : {}),
        ...(subject !== undefined ? { subject } : {}),
        ...(period !== undefined ? { period } : {}),
        ...(front !== undefined ? { front } : {}),
        ...(scope !== undefined ? { scope } : {}),
        ...(settings !== undefined ? { options: settings } : {}),
      }),
    getProfile: async ({ profileId }) => service.get(profileId, `profile-get-${profileId}-${Date.now()}`),
    listProfiles: async () => listStoredProfiles(ctx.project().db),
    deleteProfile: async ({ profileId }) => {
      const deleted = deleteStoredProfile(ctx.project().db, profileId);
      if (deleted) ctx.notifyProjectChanged();
      return deleted;
    },
    saveProfileText: async ({ profileId, sectionId, text, finding }) => {
      saveSectionText(ctx.project().db, profileId, sectionId, text, finding);
      return service.get(profileId, `profile-text-${profileId}-${Date.now()}`);
    },
    updateProfileFront: async ({ profileId, front }) => {
      const db = ctx.project().db;
      const stored = getStoredProfile(db, profileId);
      const merged = {
        ...stored.front,
        ...Object.fromEntries(Object.entries(front).filter(([, v]) => v !== undefined)),
      };
      saveProfile(db, {
        id: profileId,
        subject: stored.subject,
        scope: stored.scope,
        options: stored.options,
        period: stored.period,
        front: merged,
      });
      return service.get(profileId, `profile-front-${profileId}-${Date.now()}`);
    },
    exportProfile: async ({ jobId, profileId, format, marking, target }) =>
      strip(
        await exportProfileJob(ctx, service, {
          jobId,
          profileId,
          format,
          ...(marking !== undefined ? { marking } : {}),
          ...(target ? { targetPath: ctx.files.resolveTarget(target) } : {}),
        }),
      ),
    exportData: async ({ jobId, profileId, kind, format, target }) =>
      strip(
        await exportDataJob(ctx, service, {
          jobId,
          profileId,
          kind,
          format,
          ...(target ? { targetPath: ctx.files.resolveTarget(target) } : {}),
        }),
      ),
    importReferenceLines: async ({ file, name, sourceCrs }) =>
      importReferenceLayer(ctx, {
        filePath: ctx.files.resolve(file),
        fileName: file.name,
        name,
        ...(sourceCrs ? { sourceCrs } : {}),
      }),
    listReferenceLayers: async () => listReferenceLayers(ctx.project().db),
  };
}
