// Sandboxed preload: exposes the API contract as window.api, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from './bridge';

contextBridge.exposeInMainWorld(
  'api',
  createApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
