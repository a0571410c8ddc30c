/**
 * The engine: one object holding the open project, the job runner and the file registry, with
 * the handlers of every Api domain composed into one implementation of the Api. The Electron IPC
 * binding, the web host and the CLI each create one engine and call `api` (through dispatch.ts for
 * untrusted input) and `events`.
 *
 *   const engine = createEngine({ appVersion: '0.1.0', host: 'web' });
 *   const envelope = await dispatch(engine.api, 'openProject', { path });
 *   const stop = engine.events.subscribe((event) => send(event));
 *   await engine.close();
 */
import type { ApiMethods } from '../../shared/api/api.js';
import type { ApiEvent } from '../../shared/api/jobs.js';
import type { AppInfo } from '../../shared/api/project-api.js';
import { BasemapService } from './basemap/basemap-service.js';
import type { EngineContext, Handlers } from './context.js';
import { PathRegistry } from './files.js';
import { createAnalysisHandlers } from './handlers/analysis.js';
import { createAreasActionsHandlers } from './handlers/areas-actions.js';
import { createBasemapHandlers } from './handlers/basemap.js';
import { createImportHandlers } from './handlers/import.js';
import { createMapHandlers } from './handlers/map.js';
import { createProfileHandlers } from './handlers/profile.js';
import { createProjectHandlers } from './handlers/project.js';
import { createTacticalHandlers } from './handlers/tactical.js';
import { createTaskingHandlers } from './handlers/tasking.js';
import { JobManager } from './jobs/job-manager.js';
import { WorkerPool } from './jobs/worker-pool.js';
import type { PdfPrinter } from './profile/profile-service.js';
import { appendAudit } from './project/audit.js';
import { ProjectSession } from './project/session.js';

export interface EngineOptions {
  appVersion: string;
  host: AppInfo['host'];
  /** Worker threads; default from the machine (see WorkerPool). */
  poolSize?: number;
  /** HTML → PDF for profile exports; default headless Chromium (the desktop app passes Electron's printToPDF). */
  printPdf?: PdfPrinter;
}

export type EventListener = (event: ApiEvent) => void;

export interface Engine {
  readonly api: Handlers<ApiMethods>;
  readonly context: EngineContext;
  /** The project file's life cycle (create, open, close): the service the project handlers call. */
  readonly session: ProjectSession;
  /** Where the host registers files the analyst chose (dialogs, command line, uploads). */
  readonly files: PathRegistry;
  /** The project's basemap and the local tile files both hosts serve. */
  readonly basemaps: BasemapService;
  readonly events: { subscribe(listener: EventListener): () => void };
  /** Cancels running jobs, stops the worker threads and closes the project. */
  close(): Promise<void>;
}

export function createEngine(options: EngineOptions): Engine {
  const listeners = new Set<EventListener>();
  const emit = (event: ApiEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        if (process.env['HOTSPOT_DEBUG']) console.error('event listener failed:', error);
      }
    }
  };
  const jobs = new JobManager(
    new WorkerPool(options.poolSize === undefined ? {} : { size: options.poolSize }),
  );
  jobs.onEvent(emit);
  const files = new PathRegistry();
  const session = new ProjectSession({
    appVersion: options.appVersion,
    onChange: (reason) => emit({ type: 'project', reason }),
    busy: () => jobs.activeCount() > 0,
  });
  const context: EngineContext = {
    appVersion: options.appVersion,
    project: () => session.require(),
    maybeProject: () => session.get(),
    jobs,
    files,
    audit: (action, detail) => {
      appendAudit(session.require().db, action, detail);
    },
    notifyProjectChanged: () => emit({ type: 'project', reason: 'changed' }),
  };
  const basemaps = new BasemapService(context);
  const api: Handlers<ApiMethods> = {
    ...createProjectHandlers(context, { session, host: options.host }),
    ...createImportHandlers(context),
    ...createAnalysisHandlers(context),
    ...createMapHandlers(context),
    ...createBasemapHandlers(context, basemaps),
    ...createProfileHandlers(context, options.printPdf ? { printPdf: options.printPdf } : {}),
    ...createTacticalHandlers(context),
    ...createTaskingHandlers(context),
    ...createAreasActionsHandlers(context),
  };
  return {
    api,
    context,
    session,
    files,
    basemaps,
    events: {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    close: async () => {
      await jobs.close();
      await basemaps.closeAll();
      session.shutdown();
      listeners.clear();
    },
  };
}
