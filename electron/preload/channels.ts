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
