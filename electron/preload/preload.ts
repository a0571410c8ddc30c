/**
 * The preload (bundled to one CommonJS file by scripts/build.mjs, as a sandboxed preload must be).
 * It exposes exactly the Api as `window.hotspot` and the desktop helpers as `window.hotspotDesktop`;
 * ipcRenderer itself, and the IPC event objects that carry it, never reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildDesktopApi, buildHotspotApi, type Invoke, type Listen } from './bridge.js';

const invoke: Invoke = (channel, name, input) => ipcRenderer.invoke(channel, name, input);

const listen: Listen = (channel, handler) => {
  const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => handler(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

contextBridge.exposeInMainWorld('hotspot', buildHotspotApi(invoke, listen));
contextBridge.exposeInMainWorld('hotspotDesktop', buildDesktopApi(invoke, listen));
