// The API contract over IPC: one handler per method, events fanned out to every window.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_EVENT_NAMES, API_METHOD_NAMES, EVENT_CHANNEL, methodChannel } from '../../shared/channels';
import type { ApiError } from '../../shared/api';
import type { ApiHost } from '../core/api/host';

const FORBIDDEN: ApiError = { ok: false, code: 'forbidden', message: 'untrusted sender' };

/** Register the handlers; returns the function that removes them. */
export function wireIpc(host: ApiHost, trusted: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), (event, args: unknown) => (trusted(event) ? host.dispatch(method, args) : FORBIDDEN));
  }
  const unsubscribe = API_EVENT_NAMES.map((name) =>
    host.on(name, (payload) => {
      for (const win of BrowserWindow.getAllWindows()) {
        if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
      }
    }),
  );
  return () => {
    for (const method of API_METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
    for (const off of unsubscribe) off();
  };
}
