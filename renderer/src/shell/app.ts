/**
 * Builds the app frame (top bar, side panel, map, status bar, notifications) and the AppContext
 * that features plug into. Order matters: the frame is in the document before the map is made (so
 * MapLibre measures a real container) and the context exists before panels render.
 */
import type { ProjectInfo } from '../../../shared/api/project-api.js';
import type { Transport } from '../api/transport.js';
import { createMap } from '../map/create-map.js';
import { connectWorkspaceLayers } from '../map/workspace-layers.js';
import { workspaceOf } from '../panels/workspace.js';
import type { AppContext } from './app-context.js';
import { h, replaceChildren } from './dom.js';
import { JobRunner, newJobId } from './jobs.js';
import { openProjectDialog, type ProjectAction } from './project-dialog.js';
import { createSidePanel } from './side-panel.js';
import { staleMapNote } from './stale-map-note.js';
import { StatusBar, type TaskHandle } from './status-bar.js';
import { Toasts } from './toasts.js';

export async function startApp(root: HTMLElement, transport: Transport): Promise<AppContext> {
  const { api } = transport;
  const toasts = new Toasts();
  const statusBar = new StatusBar();
  const jobs = new JobRunner(api, statusBar, toasts);

  const projectName = h('span', { class: 'project-name', 'data-testid': 'project-name' }, 'No project open');
  const newButton = h('button', { type: 'button', class: 'btn' }, 'New project…');
  const openButton = h('button', { type: 'button', class: 'btn' }, 'Open project…');
  const closeButton = h('button', { type: 'button', class: 'btn', hidden: true }, 'Close project');
  const about = h('span', { class: 'about' });
  const topBar = h(
    'header',
    { class: 'top-bar' },
    h(
      'span',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
      'Hotspot Workbench',
    ),
    h('span', { class: 'top-sep', 'aria-hidden': 'true' }),
    projectName,
    h('span', { class: 'top-actions' }, newButton, openButton, closeButton),
    about,
  );
  const mapContainer = h('div', { class: 'map', id: 'map', role: 'region', 'aria-label': 'Map' });
  const workspace = h('div', { class: 'workspace' }, h('main', { class: 'map-wrap' }, mapContainer));
  replaceChildren(root, topBar, workspace, statusBar.element, toasts.element);

  const { map, layers } = createMap(mapContainer);

  let project: ProjectInfo | null = null;
  const projectListeners = new Set<(project: ProjectInfo | null) => void>();
  const setProject = (next: ProjectInfo | null) => {
    if (next?.path !== project?.path) toasts.clearErrors();
    project = next;
    replaceChildren(projectName, next === null ? 'No project open' : next.name);
    projectName.title = next?.path ?? '';
    closeButton.hidden = next === null;
    statusBar.setStatus(
      next === null
        ? 'No project open'
        : `${next.crs} · ${plural(next.datasetCount, 'dataset')} · ${plural(next.recordCount, 'record')}`,
    );
    for (const listener of projectListeners) listener(next);
  };

  const app: AppContext = {
    api,
    host: transport.host,
    desktop: transport.desktop,
    map,
    layers,
    notify: (message, kind = 'info') => {
      toasts.show(message, kind);
    },
    notifyError: (error, context) => {
      toasts.showError(error, context);
    },
    runJob: (label, start) => jobs.run(label, start),
    async chooseFile(options = {}) {
      if (transport.host !== 'web') return transport.chooseFile(options);
      // A browser upload can take a while for a large extract: show it like a job, cancellable.
      const abort = new AbortController();
      const upload: { row: TaskHandle | null } = { row: null };
      try {
        const ref = await transport.chooseFile({
          ...options,
          signal: abort.signal,
          onProgress: (loaded, total, name) => {
            upload.row ??= statusBar.addTask(newJobId(), `Uploading ${name}`, () => abort.abort());
            upload.row.update(loaded, total, 'Uploading to the local host');
          },
        });
        upload.row?.finish('done');
        return ref;
      } catch (error) {
        upload.row?.finish(abort.signal.aborted ? 'cancelled' : 'failed');
        if (!abort.signal.aborted) toasts.showError(error, 'Upload failed');
        return null;
      }
    },
    project: () => project,
    onProjectChange(listener) {
      projectListeners.add(listener);
      listener(project);
      return () => projectListeners.delete(listener);
    },
    async refreshProject() {
      try {
        setProject(await api.getProject({}));
      } catch (error) {
        toasts.showError(error, 'Could not read the project');
      }
    },
  };

  api.onEvent((event) => {
    if (event.type === 'job') jobs.onJobEvent(event.job);
    else void app.refreshProject();
  });

  // The desktop app asks with native dialogs; a browser names the file in a dialog of ours.
  const projectAction = (action: ProjectAction) => async () => {
    const { desktop } = transport;
    try {
      const opened =
        desktop === null
          ? await openProjectDialog(api, action)
          : await (action === 'create' ? desktop.newProject() : desktop.openProject());
      if (opened !== null) setProject(opened);
    } catch (error) {
      toasts.showError(
        error,
        action === 'create' ? 'Could not create the project' : 'Could not open the project',
      );
    }
  };
  newButton.addEventListener('click', projectAction('create'));
  openButton.addEventListener('click', projectAction('open'));
  closeButton.addEventListener('click', () => {
    api.closeProject({}).then(
      () => setProject(null),
      (error: unknown) => toasts.showError(error, 'Could not close the project'),
    );
  });

  // The shell, not the workspace state, wires the map to the workspace (before any panel renders).
  connectWorkspaceLayers(app, workspaceOf(app));
  staleMapNote(workspaceOf(app), mapContainer.parentElement ?? mapContainer);
  const side = createSidePanel(app);
  workspace.prepend(side.element);

  const [info] = await Promise.all([api.appInfo({}).catch(() => null), app.refreshProject()]);
  if (info !== null)
    replaceChildren(about, `v${info.version} · ${info.host === 'web' ? 'browser' : 'desktop'}`);
  return app;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}
