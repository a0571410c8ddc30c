/**
 * Building and exporting a profile as tracked jobs (listed, cancellable, with progress events): the
 * services the Api handlers and the CLI both call (STYLE.md 16). Each job reports five steps; the
 * profile's analyses run under the job's signal, so cancelling the job cancels them.
 */
import { ApiError } from '../../../shared/api/errors.js';
import type { ExportResult, ProfileDocument } from '../../../shared/api/profile-api.js';
import type { EngineContext } from '../context.js';
import type { ProfileJob } from './gather.js';
import type { BuildRequest, ProfileService } from './profile-service.js';

type ExportProfileRequest = Parameters<ProfileService['exportProfile']>[0];
type ExportDataRequest = Parameters<ProfileService['exportData']>[0];

function trackProfileJob<T>(
  ctx: EngineContext,
  jobId: string,
  kind: string,
  label: string,
  fn: (job: ProfileJob) => Promise<T>,
): Promise<T> {
  return ctx.jobs.track(jobId, kind, label, async (progress, signal) => {
    const result = await fn({ step: (step, message) => progress(step, 5, message), signal });
    if (signal.aborted) throw new ApiError('cancelled', 'The profile was cancelled');
    progress(5, 5);
    return result;
  });
}

export function buildProfileJob(
  ctx: EngineContext,
  service: ProfileService,
  request: BuildRequest,
): Promise<ProfileDocument> {
  const label = `Problem profile: ${request.subject ?? `profile ${request.profileId}`}`;
  return trackProfileJob(ctx, request.jobId, 'profile', label, (job) => service.build(request, job));
}

export function exportProfileJob(
  ctx: EngineContext,
  service: ProfileService,
  request: ExportProfileRequest,
): Promise<ExportResult & { data: Uint8Array }> {
  const label = `Export profile ${request.profileId} as ${request.format.toUpperCase()}`;
  return trackProfileJob(ctx, request.jobId, 'export', label, (job) => service.exportProfile(request, job));
}

export function exportDataJob(
  ctx: EngineContext,
  service: ProfileService,
  request: ExportDataRequest,
): Promise<ExportResult & { data: Uint8Array }> {
  const label = `Export ${request.kind} as ${request.format.toUpperCase()}`;
  return trackProfileJob(ctx, request.jobId, 'export', label, (job) => service.exportData(request, job));
}
