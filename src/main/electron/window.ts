// The main window: sandboxed, isolated, our preload, our renderer and nothing else.
import { BrowserWindow } from 'electron';
import type { AppPaths } from './paths';

export function createMainWindow(paths: AppPaths, devServerUrl?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: paths.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const loaded = devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(paths.rendererHtml);
  loaded.catch((err: unknown) => console.error('renderer failed to load:', err));
  return win;
}
