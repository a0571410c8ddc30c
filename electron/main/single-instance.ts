/**
 * One running app per user: a second launch (double-clicking another .hsw in Explorer, say) hands
 * its command line to the first instance, which comes to the front and opens that project, and
 * then quits. macOS sends files through 'open-file' instead, possibly before the app is ready.
 */
import { app } from 'electron';
import { projectPathFromArgv } from './argv.js';

export interface SingleInstanceDeps {
  /** Bring the main window to the front. */
  focus: () => void;
  /** Open the project at this path (queued by the caller until the app is ready). */
  openProject: (path: string) => void;
}

/** Returns false when another instance already runs: this one then quits without opening a window. */
export function registerSingleInstance({ focus, openProject }: SingleInstanceDeps): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focus();
    const project = projectPathFromArgv(argv, workingDirectory);
    if (project !== null) openProject(project);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openProject(path);
  });
  return true;
}
