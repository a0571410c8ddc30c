import { API_METHOD_NAMES, type ApiMethodName } from '../../shared/api/api.js';

/**
 * The IPC channels, one list for both sides (as Electron Fiddle keeps its ipc-events): the preload
 * invokes and listens on these, electron/main/ipc.ts handles and sends on them. Nothing else crosses.
 */
export const IPC = {
  /** invoke(method: ApiMethodName, input) → Envelope: every Api call. */
  call: 'hotspot:call',
  /** invoke(method: DesktopMethodName, input) → Envelope: dialogs and other desktop-only helpers. */
  desktop: 'hotspot:desktop',
  /** main → renderer: ApiEvent (job progress, project opened/closed/changed). */
  event: 'hotspot:event',
  /** main → renderer: MenuCommand from the application menu. */
  menu: 'hotspot:menu',
} as const;

/**
 * Api methods that take a file path. In the desktop app only main calls them, after its own native
 * dialog (File › New / Open, a `.hsw` double-clicked): the preload does not expose them and main
 * refuses them on IPC.call, so no path ever comes from the page. The web host and the CLI keep
 * them, since there the path is typed by the analyst (the web host's own page) or on the command line.
 */
const MAIN_ONLY = ['createProject', 'openProject'] as const satisfies readonly ApiMethodName[];
export type MainOnlyMethod = (typeof MAIN_ONLY)[number];
export const MAIN_ONLY_METHODS: ReadonlySet<string> = new Set<string>(MAIN_ONLY);

/** Whether an IPC.call names a method only main may call (anything not a string is not one). */
export function isMainOnlyMethod(method: unknown): method is MainOnlyMethod {
  return typeof method === 'string' && MAIN_ONLY_METHODS.has(method);
}

/** The Api methods the desktop page may call through the preload. */
export const PAGE_API_METHOD_NAMES: readonly ApiMethodName[] = API_METHOD_NAMES.filter(
  (name) => !isMainOnlyMethod(name),
);
