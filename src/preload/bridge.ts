// window.api, built on injected IPC primitives so it can be tested without Electron.
// Runtime imports: channels only (the sandboxed preload bundles no zod, no core).
import type { ApiEvent, ApiMethod, ApiResponse, WorkbenchApi } from '../shared/api';
import { API_EVENT_NAMES, API_METHOD_NAMES, EVENT_CHANNEL, methodChannel } from '../shared/channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** The subset of ipcRenderer the bridge uses. */
export interface IpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

const isMethod = (name: unknown): name is ApiMethod => (API_METHOD_NAMES as readonly unknown[]).includes(name);
const isEvent = (name: unknown): name is ApiEvent => (API_EVENT_NAMES as readonly unknown[]).includes(name);

export function createApi(ipc: IpcPort, pathForFile: (file: File) => string): WorkbenchApi {
  return {
    call(method, args) {
      if (!isMethod(method)) return Promise.reject(new Error(`unknown method: ${String(method)}`));
      return ipc.invoke(methodChannel(method), args) as Promise<ApiResponse<typeof method>>;
    },
    on(event, listener) {
      if (!isEvent(event)) throw new Error(`unknown event: ${String(event)}`);
      const forward: Listener = (_ipcEvent, name, payload) => {
        if (name === event) listener(payload as Parameters<typeof listener>[0]);
      };
      ipc.on(EVENT_CHANNEL, forward);
      return () => void ipc.removeListener(EVENT_CHANNEL, forward);
    },
    async pathsForFiles(files) {
      return Array.from(files, (file) => pathForFile(file));
    },
  };
}
