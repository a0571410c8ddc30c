/**
 * Handlers of the project-api methods: app info, the project file's life cycle, the job list and
 * cancel, and hashFile (a real worker job, used to check the job runner end to end).
 */
import type { AppInfo, projectMethods } from '../../../shared/api/project-api.js';
import type { EngineContext, Handlers } from '../context.js';
import { runtimeLicences } from '../licences.js';
import { compactProject } from '../project/compact.js';
import type { ProjectSession } from '../project/session.js';

export interface ProjectHandlerDeps {
  session: ProjectSession;
  host: AppInfo['host'];
}

export function createProjectHandlers(
  ctx: EngineContext,
  { session, host }: ProjectHandlerDeps,
): Handlers<typeof projectMethods> {
  return {
    appInfo: async () => ({
      name: 'Hotspot Workbench',
      version: ctx.appVersion,
      host,
      licences: runtimeLicences(),
    }),
    getProject: async () => session.get()?.info() ?? null,
    createProject: async ({ path, name }) => session.create(path, name),
    openProject: async ({ path }) => session.open(path),
    closeProject: async () => {
      session.close();
      return null;
    },
    compactProject: async () => compactProject(session.require()),
    listJobs: async () => ctx.jobs.list(),
    cancelJob: async ({ jobId }) => ctx.jobs.cancel(jobId),
    hashFile: async ({ jobId, file }) =>
      ctx.jobs.run(
        jobId,
        'hashFile',
        { path: ctx.files.resolve(file) },
        { label: `Checksum of ${file.name}` },
      ),
  };
}
