/**
 * The IPC binding of the Api (DESIGN.md §3; STYLE.md habit 12). Two invoke channels, no sendSync:
 * every call is first checked to come from our main window's main frame on the app origin
 * (refusals are logged and answered with a 'refused' envelope: fail closed), then validated and
 * run by dispatch (the Api) or dispatchDesktop (dialogs and other desktop helpers). Engine events
 * are pushed to the window on IPC.event.
 */
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Envelope } from '../../shared/api/errors.js';
import type { ApiEvent } from '../../shared/api/jobs.js';
import { dispatch } from '../engine/dispatch.js';
import type { RemoteEngine } from '../engine/host/engine-client.js';
import { IPC, isMainOnlyMethod } from '../preload/channels.js';
import { APP_ORIGIN } from './app-origin.js';
import { type DesktopHandlers, dispatchDesktop } from './desktop-dispatch.js';
import { isTrustedSender } from './sender.js';

export interface IpcDeps {
  engine: RemoteEngine;
  desktop: DesktopHandlers;
  mainWindow: () => BrowserWindow | null;
}

function fromMainWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (win === null || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  const main = win.webContents.mainFrame;
  // Compared by process and routing id: the frame objects Electron hands out need not be identical.
  const isMainFrame =
    frame !== null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isTrustedSender(frame?.url, isMainFrame, APP_ORIGIN);
}

const PATH_FROM_PAGE: Envelope<never> = {
  ok: false,
  error: { code: 'refused', message: 'Create and open projects from the File menu.' },
};

function refusal(channel: string, event: IpcMainInvokeEvent, method: unknown): Envelope<never> {
  console.warn(
    `[security] refused ${channel} ${String(method).slice(0, 60)} from ${event.senderFrame?.url ?? 'a destroyed frame'}`,
  );
  return { ok: false, error: { code: 'refused', message: 'This window may not call Hotspot Workbench.' } };
}

export function registerIpc({ engine, desktop, mainWindow }: IpcDeps): () => void {
  ipcMain.handle(IPC.call, (event, method: unknown, input: unknown) =>
    !fromMainWindow(event, mainWindow())
      ? refusal(IPC.call, event, method)
      : isMainOnlyMethod(method)
        ? PATH_FROM_PAGE
        : dispatch(engine.api, method, input),
  );
  ipcMain.handle(IPC.desktop, (event, method: unknown, input: unknown) =>
    fromMainWindow(event, mainWindow())
      ? dispatchDesktop(desktop, method, input)
      : refusal(IPC.desktop, event, method),
  );
  const stopEvents = engine.events.subscribe((event: ApiEvent) => {
    const win = mainWindow();
    if (win !== null && !win.isDestroyed()) win.webContents.send(IPC.event, event);
  });
  return () => {
    stopEvents();
    ipcMain.removeHandler(IPC.call);
    ipcMain.removeHandler(IPC.desktop);
  };
}
