/**
 * What every feature of the renderer gets: the Api, the map and its layer registry, notifications,
 * the job runner that wires progress and Cancel into the status bar, file choosing, and the open
 * project. Features receive it in their panel's `render(el, app)`.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Api } from '../../../shared/api/api.js';
import type { DesktopApi } from '../../../shared/api/desktop.js';
import type { FileRef, ProjectInfo } from '../../../shared/api/project-api.js';
import type { PickFileOptions } from '../api/transport.js';
import type { MapLayers } from '../map/layers.js';

export type JobOutcome<T> =
  | { ok: true; value: T }
  /** The failure was already shown to the analyst (a toast, or "Cancelled" in the status bar). */
  | { ok: false; cancelled: boolean; error: unknown };

export type NoticeKind = 'info' | 'success' | 'error';

export interface AppContext {
  readonly api: Api;
  readonly host: 'electron' | 'web';
  /** Electron's extras (native save dialog, basemap choice, menu commands); null in a browser. */
  readonly desktop: DesktopApi | null;
  readonly map: MapLibreMap;
  readonly layers: MapLayers;
  /** Shows a toast; errors stay until dismissed, others fade after a few seconds. */
  notify(message: string, kind?: NoticeKind): void;
  /** Shows an error toast with an ApiError's message (or any error's). */
  notifyError(error: unknown, context?: string): void;
  /**
   * Runs one long Api call as a job: makes its jobId, shows it in the status bar with progress and a
   * Cancel button (Api.cancelJob), and reports failures. `start` must pass the jobId to the Api.
   *
   *   const outcome = await app.runJob('Kernel density: burglary', (jobId) => app.api.runKde({ jobId, … }));
   *   if (outcome.ok) show(outcome.value);
   */
  runJob<T>(label: string, start: (jobId: string) => Promise<T>): Promise<JobOutcome<T>>;
  /** Lets the analyst choose a file (native dialog or browser upload, shown in the status bar). */
  chooseFile(options?: PickFileOptions): Promise<FileRef | null>;
  /** The open project, or null. */
  project(): ProjectInfo | null;
  /** Calls `listener` now and whenever a project is opened, closed or changed; returns an unsubscribe. */
  onProjectChange(listener: (project: ProjectInfo | null) => void): () => void;
  /** Re-reads the project (after an import, say) and tells the listeners. */
  refreshProject(): Promise<void>;
}
